import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { freePort, killAll, spawnServer } from '../helpers/process.ts';

afterAll(() => killAll());

/** A lobby connection (no room in the handshake: the primary hands it to the next worker); resolves with the node that greeted it, or the refusal. */
function lobbyConnection(url: string): Promise<{ socket: Socket; node: string | null; refused: string | null }> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { protocol: PROTOCOL_VERSION } });
  return new Promise((resolve) => {
    socket.once('hello', (h: { node: string }) => resolve({ socket, node: h.node, refused: null }));
    socket.once('connect_error', (err: Error & { data?: { code: string } }) => resolve({ socket, node: null, refused: err.data?.code ?? err.message }));
  });
}

const ack = (s: Socket, cmd: string, payload: unknown) => new Promise<{ ok: boolean; error?: { code: string } }>((r) => s.emit(cmd, payload, r));

describe('per-address quotas hold on the whole server, not once per worker', () => {
  it('with 2 workers, an address gets CONNECTIONS_PER_ADDRESS connections and ROOMS_PER_MINUTE rooms in all; a closed connection gives its place back', async () => {
    const server = await spawnServer({ port: await freePort(), dataDir: mkdtempSync(path.join(tmpdir(), 'ww-quota-')), env: { WORKERS: '2', CONNECTIONS_PER_ADDRESS: '5', ROOMS_PER_MINUTE: '3' } });
    const conns = [];
    for (let i = 0; i < 5; i++) conns.push(await lobbyConnection(server.url));
    expect(conns.map((c) => c.refused)).toEqual([null, null, null, null, null]);
    // The primary hands lobby connections round the workers: both hold some.
    expect(new Set(conns.map((c) => c.node)).size).toBe(2);
    const sixth = await lobbyConnection(server.url);
    expect(sixth.refused).toBe('rate/too-many-connections');
    sixth.socket.close();

    // Three rooms a minute from this address, whichever worker each lands on.
    const made = [];
    for (const c of conns.slice(0, 4)) made.push(await ack(c.socket, 'room:create', { name: 'Quota' }));
    expect(made.map((m) => m.ok)).toEqual([true, true, true, false]);
    expect(made[3].error?.code).toBe('rate/too-many-rooms');

    conns[4].socket.close();
    let again = await lobbyConnection(server.url);
    for (let i = 0; i < 20 && again.refused; i++) { again.socket.close(); await new Promise((r) => setTimeout(r, 100)); again = await lobbyConnection(server.url); }
    expect(again.refused).toBeNull();
    for (const c of [...conns, again]) c.socket.close();
    await server.stop('SIGTERM');
  }, 60_000);
});
