import type { Redis } from 'ioredis';
import type { WerewolfClient } from '../../client/sdk/index.ts';
import { connect } from './players.ts';
import { okOf, until } from './script.ts';

/** Phases short enough for a test, long enough that a takeover fits inside one. */
export const CLUSTER_DURATIONS = { night: 20, dawn: 1, day: 20, vote: 20, execution: 1, hunter: 5 };

/**
 * Seat one player per entry of `at`, player i connected to the node at `at[i]`; the first creates
 * the room (so its node owns it) and the others join by invite code.
 */
export async function seatAcross(at: string[], settings: Record<string, unknown> = {}): Promise<{ clients: WerewolfClient[]; roomId: string; code: string }> {
  const n = at.length;
  const host = connect(at[0]);
  await host.connected();
  const grant = await okOf(host.send('room:create', { name: 'P0', settings: { maxSeats: Math.max(5, n), durations: CLUSTER_DURATIONS, ...settings } }));
  const clients: WerewolfClient[] = [host];
  for (let i = 1; i < n; i++) {
    const c = connect(at[i]);
    await c.connected();
    await okOf(c.send('room:join', { code: grant.code, name: `P${i}` }));
    clients.push(c);
  }
  await Promise.all(clients.map((c) => until(c, (x) => x.view?.players.length === n, 10_000, 'all seated')));
  return { clients, roomId: grant.roomId, code: grant.code };
}

/** `n` nodes' URLs round-robin: player i on `urls[i % urls.length]`. */
export function roundRobin(urls: string[], n: number): string[] {
  return Array.from({ length: n }, (_, i) => urls[i % urls.length]);
}

/** The node name (NODE_ID) whose instance holds the room's lease, or null while nobody does. */
export async function ownerOf(redis: Redis, roomId: string): Promise<string | null> {
  const v = await redis.get(`ww:lease:${roomId}`);
  // An instance is `<node>-<hex>`; a worker of a node of several workers (TEST_WORKERS) is `<node>-w<i>-<hex>`: the node is the same.
  return v ? v.split('|')[0].replace(/-[0-9a-f]+$/, '').replace(/-w\d+$/, '') : null;
}

/** Keep sending until acked ok (a room moving between nodes refuses for a few seconds); bounded. */
export async function persist<T>(send: () => Promise<{ ok: true; data: T } | { ok: false; error: { code: string } }>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await send();
    if (res.ok) return res.data;
    if (Date.now() > deadline || !['room/unavailable', 'server/busy', 'room/not-member'].includes(res.error.code)) throw new Error(`refused: ${res.error.code}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
