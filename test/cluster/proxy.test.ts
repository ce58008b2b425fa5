// Two machines of two workers each, clustered on one Redis, behind a real HAProxy: the setup
// docs/scaling.md describes for several machines. With the proxy routing by `?node=`, every
// client ends up on the process that runs its room after at most one reconnect, and the game's
// commands then cross no process at all (werewolf_forwarded_room_calls_total does not move). With
// a proxy that ignores the parameter (and sends everyone to the first machine), games on the other
// machine still play to the end, by forwarding, and no client is sent round in circles.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WerewolfClient } from '../../client/sdk/index.ts';
import { nodeOf } from '../../server/cluster/names.ts';
import { CLUSTER_DURATIONS } from '../helpers/cluster.ts';
import { HaProxy } from '../helpers/haproxy.ts';
import { connect, playToEnd } from '../helpers/players.ts';
import { freePort, killAll, type ServerProcess, spawnServer } from '../helpers/process.ts';
import { RedisServer } from '../helpers/redis.ts';
import { okOf, phaseIs, until } from '../helpers/script.ts';

let redis: RedisServer;
let proxy: HaProxy | null = null;
beforeAll(async () => { redis = await RedisServer.start(); }, 60_000);
afterAll(async () => { redis.close(); await redis.down(); });
afterEach(async () => { await proxy?.stop(); proxy = null; await killAll(); await redis.client().flushall(); });

const NODES = ['a', 'b'];

/** Two machines (NODE_ID a and b), two workers each, and the proxy in front of them. */
async function machinesBehindProxy(byNode: boolean): Promise<{ machines: ServerProcess[]; url: string }> {
  const ports = await Promise.all(NODES.map(() => freePort()));
  const machines = await Promise.all(NODES.map((nodeId, i) => spawnServer({
    port: ports[i], dataDir: mkdtempSync(path.join(tmpdir(), 'ww-machine-')),
    env: { REDIS_URL: redis.url, STORE: 'redis', NODE_ID: nodeId, WORKERS: '2' },
  })));
  proxy = await HaProxy.start(NODES.map((nodeId, i) => ({ nodeId, port: ports[i] })), byNode);
  return { machines, url: proxy.url };
}

interface Seated { client: WerewolfClient; connects: () => number }

/** A client through the proxy that counts how often it connected (1, plus one per move). */
function through(url: string): Seated {
  const client = connect(url);
  let n = 0;
  client.on('connection', (s) => { if (s === 'connected') n++; });
  return { client, connects: () => n };
}

/** `n` players through the proxy (the host through `hostUrl`): the first creates a room, the others join it by invite code. */
async function seat(url: string, n: number, hostUrl = url): Promise<{ players: Seated[]; roomId: string }> {
  const host = through(hostUrl);
  await host.client.connected();
  const grant = await okOf(host.client.send('room:create', { name: 'P0', settings: { maxSeats: Math.max(5, n), durations: CLUSTER_DURATIONS } }));
  const players = [host];
  for (let i = 1; i < n; i++) {
    const p = through(url);
    await p.client.connected();
    await okOf(p.client.send('room:join', { code: grant.code, name: `P${i}` }));
    players.push(p);
  }
  await Promise.all(players.map((p) => until(p.client, (x) => x.view?.players.length === n, 10_000, 'all seated')));
  return { players, roomId: grant.roomId };
}

/** The node whose instance holds the room's lease. */
async function ownerNode(roomId: string): Promise<string> {
  const v = await redis.client().get(`ww:lease:${roomId}`);
  expect(v).not.toBeNull();
  return nodeOf(v!.split('|')[0]);
}

/** Room calls forwarded between nodes, summed over both machines (each machine's /metrics sums its workers). */
async function forwarded(machines: ServerProcess[]): Promise<number> {
  let total = 0;
  for (const m of machines) {
    const text = await (await fetch(`${m.url}/metrics`)).text();
    const line = /^werewolf_forwarded_room_calls_total (\d+)/m.exec(text);
    expect(line, 'the metric is exported').not.toBeNull();
    total += Number(line![1]);
  }
  return total;
}

async function playRooms(rooms: { players: Seated[] }[]): Promise<void> {
  await Promise.all(rooms.map(async ({ players }, i) => {
    const clients = players.map((p) => p.client);
    await okOf(clients[0].send('game:start', {}));
    await playToEnd(clients, 11 + i, 90_000);
    await Promise.all(clients.map((c) => phaseIs(c, 'over')));
    const outcome = clients[0].view!.outcome;
    for (const c of clients) expect(c.view!.outcome).toEqual(outcome);
  }));
}

describe('several machines behind a reverse proxy', () => {
  it('routing by ?node=: every client reaches its room\'s process after at most one reconnect, and no game command is forwarded', async () => {
    const { machines, url } = await machinesBehindProxy(true);
    const rooms = [await seat(url, 6), await seat(url, 6)];
    let moved = 0;
    for (const { players, roomId } of rooms) {
      const owner = await ownerNode(roomId);
      for (const p of players) {
        expect(p.client.node).toBe(owner);
        expect(p.connects()).toBeLessThanOrEqual(2);
        moved += p.connects() - 1;
      }
    }
    // Round robin over four processes lands most clients on another one first: they did move.
    expect(moved).toBeGreaterThan(0);
    // Rooms are placed on the least loaded node: the two rooms are on two different processes.
    expect(new Set(await Promise.all(rooms.map((r) => ownerNode(r.roomId)))).size).toBe(2);
    const before = await forwarded(machines);
    await playRooms(rooms);
    expect(await forwarded(machines)).toBe(before);
    for (const r of rooms) for (const p of r.players) p.client.close();
  }, 180_000);

  it('a proxy that ignores ?node=: games play to the end by forwarding, and no client moves more than once', async () => {
    const { machines, url } = await machinesBehindProxy(false);
    // The room is made on machine b (its host connects to it directly, and the node that receives
    // a room:create wins placement's tie among empty nodes); the proxy sends every joiner to
    // machine a, which tells it to move to b, and the proxy sends it to a again.
    const rooms = [await seat(url, 7, machines[1].url)];
    for (const { players, roomId } of rooms) {
      const owner = await ownerNode(roomId);
      expect(owner).toMatch(/^b-w\d$/);
      for (const p of players.slice(1)) {
        expect(p.connects()).toBe(2);
        expect(p.client.node).toMatch(/^a-w\d$/);
      }
    }
    const before = await forwarded(machines);
    await playRooms(rooms);
    // The joiners left on machine a are served by forwarding; the room's game command included.
    const after = await forwarded(machines);
    expect(after).toBeGreaterThan(before);
    for (const r of rooms) for (const p of r.players) { expect(p.connects()).toBeLessThanOrEqual(2); p.client.close(); }
  }, 180_000);
});
