import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { workerOf } from '../../server/proc/placement.ts';
import { freePort, killAll, spawnServer } from '../helpers/process.ts';

afterAll(() => killAll());

interface Conn { socket: Socket; node: string; seen: { event: string; text: string }[] }

/** A connection without a room in its handshake (the primary hands it to the next worker), recording every event as text. */
function lobbyConnection(url: string): Promise<Conn> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { protocol: PROTOCOL_VERSION } });
  const seen: Conn['seen'] = [];
  socket.onAny((event: string, ...args: unknown[]) => seen.push({ event, text: JSON.stringify(args) }));
  return new Promise((resolve, reject) => {
    socket.once('hello', (h: { node: string }) => resolve({ socket, node: h.node, seen }));
    socket.once('connect_error', reject);
  });
}

const ack = (s: Socket, cmd: string, payload: unknown) => new Promise<{ ok: boolean; data?: { roomId: string; code: string } }>((r) => s.emit(cmd, payload, r));

/** Bounded wait for `pred` over a connection's recorded events. */
async function until(c: Conn, pred: (seen: Conn['seen']) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !pred(c.seen); i++) await new Promise((r) => setTimeout(r, 50));
  expect(pred(c.seen), what).toBe(true);
}

/** Connections until there is one on each of the two workers (by the node that greeted each). */
async function oneOnEach(url: string): Promise<Conn[]> {
  const byNode = new Map<string, Conn>();
  for (let i = 0; i < 10 && byNode.size < 2; i++) {
    const c = await lobbyConnection(url);
    if (byNode.has(c.node)) c.socket.close(); else byNode.set(c.node, c);
  }
  expect(byNode.size).toBe(2);
  return [...byNode.values()];
}

describe('one lobby over two workers', () => {
  it('a watcher on either worker sees every worker\'s public rooms come and go, live, and never a private room', { timeout: 40_000 }, async () => {
    const server = await spawnServer({ port: await freePort(), dataDir: mkdtempSync(path.join(tmpdir(), 'ww-lobby-')), env: { WORKERS: '2', ROOM_EMPTY_GRACE_S: '0' } });
    const watchers = await oneOnEach(server.url);
    for (const w of watchers) expect(await ack(w.socket, 'lobby:watch', { on: true })).toMatchObject({ ok: true });

    // A creator on each worker makes a public and a private room there (a room is made in the worker of its creator).
    const creators = [...(await oneOnEach(server.url)), ...(await oneOnEach(server.url))];
    const made: { roomId: string; code: string; visibility: string; creator: Conn }[] = [];
    for (const [i, c] of creators.entries()) {
      const visibility = i < 2 ? 'public' : 'private';
      const res = await ack(c.socket, 'room:create', { name: `C${i}`, settings: { name: `Room ${i}`, visibility } });
      expect(res.ok).toBe(true);
      made.push({ ...res.data!, visibility, creator: c });
    }
    const publics = made.filter((r) => r.visibility === 'public');
    expect(new Set(publics.map((r) => workerOf(r.roomId, 2)))).toEqual(new Set([0, 1]));
    for (const w of watchers) {
      await until(w, (seen) => publics.every((r) => seen.some((e) => e.event === 'lobby:room' && e.text.includes(r.roomId))), `watcher on ${w.node} shown both public rooms`);
    }

    // The public rooms empty and are swept: every watcher is told of both removals.
    for (const r of publics) expect(await ack(r.creator.socket, 'room:leave', {})).toMatchObject({ ok: true });
    for (const w of watchers) {
      await until(w, (seen) => publics.every((r) => seen.some((e) => e.event === 'lobby:room-removed' && e.text.includes(r.roomId))), `watcher on ${w.node} told of both removals`);
    }
    // The private rooms were made before the removals were announced: by now they would have shown.
    for (const w of watchers) {
      for (const r of made.filter((x) => x.visibility === 'private')) {
        expect(w.seen.filter((e) => e.text.includes(r.roomId) || e.text.includes(r.code)).map((e) => e.event), `${w.node}: private room`).toEqual([]);
      }
    }
    for (const c of [...watchers, ...creators]) c.socket.close();
  });
});
