import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { Link, type Port } from '../../server/proc/link.ts';
import { SharedQuotas, WorkerQuotas } from '../../server/proc/quotas.ts';
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

/** Both ends of an IPC channel in one process; what the worker sends reaches the primary `delay.ms` later (a busy primary). */
function channelPair(delay: { ms: number }): { primary: Port; worker: Port } {
  const toPrimary = new EventEmitter();
  const toWorker = new EventEmitter();
  return {
    primary: { send: (m) => { toWorker.emit('message', structuredClone(m)); return true; }, on: (_e, fn) => toPrimary.on('message', fn) },
    worker: { send: (m) => { const c = structuredClone(m); setTimeout(() => toPrimary.emit('message', c), delay.ms); return true; }, on: (_e, fn) => toWorker.on('message', fn) },
  };
}

describe('a worker that decided alone while the primary was slow', () => {
  it('the primary does not count the late ask too, so the address keeps its whole quota once the connection closes', async () => {
    const limits = { commandsPerSecond: 0, commandBurst: 0, chatPerSecond: 0, chatBurst: 0, roomsPerMinute: 0, roomsPerMinutePerConnection: 0, botsPerMinute: 0, connectionsPerAddress: 2 };
    const delay = { ms: 0 };
    const ports = channelPair(delay);
    new SharedQuotas(limits).serve(new Link(ports.primary, 'worker 0'), 0);
    const quotas = new WorkerQuotas(new Link(ports.worker, 'primary'), limits, pino({ level: 'silent' }));
    const addr = '203.0.113.7';
    expect(await quotas.admit(addr, Date.now())).toBe(true); // counted by the primary
    delay.ms = 1_300;
    expect(await quotas.admit(addr, Date.now())).toBe(true); // no answer within 1 s: counted here alone
    await new Promise((r) => setTimeout(r, 600)); // the late ask reaches the primary meanwhile
    delay.ms = 0;
    quotas.release(addr); // the alone one closes
    // One connection held in all: one more fits, a third does not. Had the late ask counted, the primary would hold two and refuse at once.
    expect(await quotas.admit(addr, Date.now())).toBe(true);
    expect(await quotas.admit(addr, Date.now())).toBe(false);
  }, 10_000);
});
