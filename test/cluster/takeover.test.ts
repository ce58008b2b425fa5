import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect, playToEnd } from '../helpers/players.ts';
import { freePort, killAll, type ServerProcess, signalServer, spawnServer } from '../helpers/process.ts';
import { CLUSTER_DURATIONS, ownerOf as ownerOfRoom, persist, roundRobin, seatAcross } from '../helpers/cluster.ts';
import { RedisServer } from '../helpers/redis.ts';
import { okOf, phaseIs, until } from '../helpers/script.ts';

let redis: RedisServer;
beforeAll(async () => { redis = await RedisServer.start(); }, 60_000);
afterAll(async () => { redis.close(); await redis.down(); });
afterEach(async () => { await killAll(); await redis.client().flushall(); });

/** A node with a short empty-room grace (so a wrong presence would close the room within seconds) and restore grace. */
async function node(name: string): Promise<ServerProcess> {
  return spawnServer({ port: await freePort(), dataDir: mkdtempSync(path.join(tmpdir(), 'ww-node-')), env: { REDIS_URL: redis.url, STORE: 'redis', NODE_ID: name, ROOM_EMPTY_GRACE_S: '2', RESTORE_GRACE_S: '1' } });
}

const durations = CLUSTER_DURATIONS;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ownerOf = (roomId: string) => ownerOfRoom(redis.client(), roomId);

async function ownerBecomes(roomId: string, ok: (o: string | null) => boolean, ms = 20_000): Promise<string | null> {
  const deadline = Date.now() + ms;
  let o = await ownerOf(roomId);
  while (!ok(o) && Date.now() < deadline) { await sleep(200); o = await ownerOf(roomId); }
  return o;
}


/** Seat `n` players, player i on `at[i]` (round-robin over `urls` by default); the first creates the room. */
const seated = (urls: string[], n: number, at: string[] = roundRobin(urls, n)) => seatAcross(at, { roles: { werewolf: 1, seer: 1 } });

describe('[H11.2] a cluster takeover keeps presence, so no game in progress is deleted', () => {
  it('3 nodes, the owner killed mid-game: the new owner sees every seat connected and the spectator, the game finishes past a 2 s empty-room grace, the room and its record are kept', async () => {
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((n) => node(n)));
    // The host creates through a, so a owns the room; the other players sit on b and c only.
    const { clients, roomId, code } = await seated([a.url, b.url, c.url], 6, [a.url, b.url, c.url, b.url, c.url, b.url]);
    expect(await ownerOf(roomId)).toBe('a');
    const watcher = connect(c.url);
    await watcher.connected();
    await okOf(watcher.send('room:spectate', { code }));
    await until(clients[1], (x) => x.state?.spectators === 1, 10_000, 'spectator counted');
    await okOf(clients[0].send('game:start', {}));
    await Promise.all(clients.map((x) => phaseIs(x, 'night')));

    // The host's connection dies with a; it resumes its seat through b.
    const token = clients[0].token!;
    await a.stop('SIGKILL');
    clients[0].close();
    const owner = await ownerBecomes(roomId, (o) => o === 'b' || o === 'c');
    expect(['b', 'c']).toContain(owner);
    const host = connect(b.url);
    await host.connected();
    await persist(() => host.send('room:resume', { token }));
    const players = [host, ...clients.slice(1)];

    // Presence on the new owner: every seat connected (their sockets live on b and c), the spectator counted.
    await until(players[1], (x) => x.view!.players.every((p) => p.connected), 15_000, 'every seat connected after the takeover');
    const summary = async () => JSON.parse((await redis.client().hget('ww:summaries', roomId)) ?? 'null') as { spectators: number } | null;
    const deadline = Date.now() + 10_000;
    while ((await summary())?.spectators !== 1 && Date.now() < deadline) await sleep(200);
    expect((await summary())?.spectators).toBe(1);
    // Well past the empty-room grace (2 s) and a sweep (every 5 s): the room is still there.
    await sleep(7_000);
    expect(await redis.client().sismember('ww:rooms', roomId)).toBe(1);
    expect(players[1].view!.players.every((p) => p.connected)).toBe(true);

    await playToEnd(players, 7, 90_000);
    await Promise.all(players.map((x) => until(x, (v) => v.view?.phase === 'over', 20_000, 'game over')));
    await sleep(6_000);
    expect(await redis.client().sismember('ww:rooms', roomId)).toBe(1);
    const res = await fetch(`${b.url}/api/rooms/${roomId}`);
    expect(res.status).toBe(200);
    expect((await redis.client().keys('ww:game:*')).length).toBe(1);
    [...players, watcher].forEach((x) => x.close());
  }, 180_000);
});

describe('[H11.2] a Redis outage long enough to move the room', () => {
  it('after a 6 s outage the room\'s owner (new or the same) counts every connected seat and the spectator, and the game is not swept', async () => {
    const [a, b] = await Promise.all(['a', 'b'].map((n) => node(n)));
    const { clients, roomId, code } = await seated([a.url, b.url], 5);
    const watcher = connect(b.url);
    await watcher.connected();
    await okOf(watcher.send('room:spectate', { code }));
    await okOf(clients[0].send('game:start', {}));
    await Promise.all(clients.map((x) => phaseIs(x, 'night')));
    const lease = await redis.client().get(`ww:lease:${roomId}`);
    await redis.down();
    await sleep(6_000);
    await redis.up();
    // The lease (4 s) ran out during the outage: the room is taken again, by a new lease.
    const deadline = Date.now() + 20_000;
    let now = await redis.client().get(`ww:lease:${roomId}`);
    while ((now === null || now === lease) && Date.now() < deadline) { await sleep(200); now = await redis.client().get(`ww:lease:${roomId}`); }
    expect(now).not.toBeNull();
    expect(now).not.toBe(lease);
    await persist(() => clients[1].send('room:sync', {}));
    for (const x of clients) await until(x, (v) => v.view!.players.every((p) => p.connected), 15_000, 'every seat connected after the outage');
    await until(clients[1], (x) => x.state?.spectators === 1, 15_000, 'spectator counted after the outage');
    await sleep(7_000);
    expect(await redis.client().sismember('ww:rooms', roomId)).toBe(1);
    expect(clients[1].view!.players.every((p) => p.connected)).toBe(true);
    [...clients, watcher].forEach((x) => x.close());
  }, 120_000);
});

describe('[H11 stale reads] a paused owner does not serve its halted copy', () => {
  it('after an 8 s SIGSTOP and SIGCONT, room:sync through the old owner answers the new owner\'s state', async () => {
    const [a, b] = await Promise.all(['a', 'b'].map((n) => node(n)));
    const { clients, roomId } = await seated([a.url, b.url], 5);
    expect(await ownerOf(roomId)).toBe('a');
    signalServer(a, 'SIGSTOP');
    let version = 0;
    try {
      expect(await ownerBecomes(roomId, (o) => o === 'b')).toBe('b');
      for (let i = 0; i < 3; i++) await persist(() => clients[1].send('chat:send', { channel: 'lobby', text: `moved ${i}` }));
      await until(clients[1], (x) => x.view!.chat.some((m) => m.text === 'moved 2'), 10_000, 'chat seen on b');
      version = clients[1].view!.version;
      await sleep(Math.max(0, 8_000 - 5_000));
    } finally {
      signalServer(a, 'SIGCONT');
    }
    // At once after waking: the sync goes through a, whose copy is behind.
    const res = await clients[0].send('room:sync', {});
    if (res.ok) expect((res.data as { view: { version: number } }).view.version).toBeGreaterThanOrEqual(version);
    else expect(res.error.code).toBe('room/unavailable');
    const synced = await persist(() => clients[0].send('room:sync', {})) as { view: { version: number; chat: { text: string }[] } };
    expect(synced.view.version).toBeGreaterThanOrEqual(version);
    expect(synced.view.chat.map((m) => m.text)).toContain('moved 2');
    // [H11.2] The woken node's sockets (alive all along) are attached to the new owner: every seat connected.
    await until(clients[1], (x) => x.view!.players.every((p) => p.connected), 15_000, 'every seat connected after the wake');
    clients.forEach((x) => x.close());
  }, 120_000);
});

describe('[H11 invite code] a room placed on another node', () => {
  it('room:create through a for a room placed on b answers its invite code, and the code lets a player in', async () => {
    const [a, b] = await Promise.all(['a', 'b'].map((n) => node(n)));
    const first = connect(a.url);
    await first.connected();
    const ann = await okOf(first.send('room:create', { name: 'Ann', settings: { durations } }));
    // Wait for b's heartbeat (every second) so a sees it owns fewer rooms.
    await sleep(2_500);
    const second = connect(a.url);
    await second.connected();
    const grant = await okOf(second.send('room:create', { name: 'Bea', settings: { durations } }));
    // Placed on the least loaded instance: node b, or with several workers per node
    // (TEST_WORKERS) any worker but the one running Ann's room, maybe a's other one.
    const instance = async (roomId: string) => ((await redis.client().get(`ww:lease:${roomId}`)) ?? '').split('|')[0];
    expect(await instance(grant.roomId)).not.toBe(await instance(ann.roomId));
    if (Number(process.env.TEST_WORKERS ?? 1) <= 1) expect(await ownerOf(grant.roomId)).toBe('b');
    expect(grant.code).toMatch(/^[A-Z0-9]{10}$/);
    const joiner = connect(b.url);
    await joiner.connected();
    await okOf(joiner.send('room:join', { code: grant.code, name: 'Cy' }));
    [first, second, joiner].forEach((x) => x.close());
  }, 60_000);
});

describe('[H11 outage] commands to rooms owned elsewhere during a Redis outage', () => {
  it('are refused with room/unavailable, never server/internal', async () => {
    const [a, b] = await Promise.all(['a', 'b'].map((n) => node(n)));
    const { clients, roomId } = await seated([a.url, b.url], 5);
    expect(await ownerOf(roomId)).toBe('a');
    const onB = clients.filter((_, i) => i % 2 === 1);
    await redis.down();
    const codes: string[] = [];
    try {
      for (let i = 0; i < 4; i++) {
        for (const x of onB) {
          const r1 = await x.send('chat:send', { channel: 'lobby', text: `during ${i}` });
          const r2 = await x.send('room:sync', {});
          for (const r of [r1, r2]) codes.push(r.ok ? 'ok' : r.error.code);
        }
        await sleep(200);
      }
    } finally {
      await redis.up();
    }
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((x) => x !== 'ok' && x !== 'room/unavailable' && x !== 'rate/limited')).toEqual([]);
    expect(codes).toContain('room/unavailable');
    await persist(() => onB[0].send('chat:send', { channel: 'lobby', text: 'after' }));
    clients.forEach((x) => x.close());
  }, 90_000);
});
