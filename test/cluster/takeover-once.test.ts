import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClusterNode } from '../../server/cluster/node.ts';
import type { Room } from '../../server/rooms/room.ts';
import { RedisServer } from '../helpers/redis.ts';
import { fastSettings, registryFor, roomDeps } from '../helpers/rooms.ts';

let redis: RedisServer;
beforeAll(async () => { redis = await RedisServer.start(); }, 60_000);
afterAll(async () => { redis.close(); await redis.down(); });
const nodes: ClusterNode[] = [];
afterEach(async () => { for (const n of nodes.splice(0)) await n.close(); await redis.client().flushall(); });

const log = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A cluster node in this process with its own registry, no duties running (no lease renewal, no scan). */
async function node(nodeId: string, leaseMs = 600) {
  const n = await ClusterNode.connect({ redisUrl: redis.url, nodeId, leaseMs }, log);
  nodes.push(n);
  const deps = roomDeps({ store: n.store });
  const registry = registryFor(deps);
  return { n, deps, registry, dir: n.makeDirectory(registry, () => true) };
}

describe('[D11] a room whose owner died is taken over once per node, however many ask at once', () => {
  it('lookups arriving while this node is still loading the room join that takeover: one copy, one notice, every seat token valid', async () => {
    const a = await node('a');
    const room = (await a.dir.createHere(fastSettings())) as Room;
    const grants: { token: string; seat: number }[] = [];
    for (let i = 0; i < 4; i++) {
      const ack = await room.submit({ type: 'join', name: `P${i}` });
      expect(ack.ok).toBe(true);
      grants.push((ack as { ok: true; data: { token: string; seat: number } }).data);
    }
    // Node a stops renewing (it "died"); its lease runs out.
    const roomId = room.id;
    room.halt();
    await sleep(800);
    expect(await redis.client().get(`ww:lease:${roomId}`)).toBeNull();

    const b = await node('b');
    const first = b.dir.get(roomId);
    // Once b holds the lease and is loading the room, more lookups come (players resuming, the scan).
    for (let i = 0; i < 200 && !b.n.leases.owns(roomId); i++) await sleep(1);
    expect(b.n.leases.owns(roomId)).toBe(true);
    const later = await Promise.all([b.dir.get(roomId), b.dir.get(roomId), b.dir.takeover(roomId)]);
    const got = [await first, ...later];
    expect(new Set(got).size).toBe(1);
    const copy = got[0] as Room;
    expect(copy.closed).toBe(false);
    for (const g of grants) expect(await copy.seatOfToken(g.token)).toBe(g.seat);
    const notices = b.deps.outbox.sent.filter((s) => /carries on here|reloaded from storage/.test(JSON.stringify(s.payload)));
    expect(notices).toHaveLength(1);
    expect(b.registry.get(roomId)).toBe(copy);
  }, 30_000);
});
