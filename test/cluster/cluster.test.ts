import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WerewolfClient } from '../../client/sdk/index.ts';
import { connect, playToEnd } from '../helpers/players.ts';
import { freePort, killAll, type ServerProcess, signalServer, spawnServer } from '../helpers/process.ts';
import { ownerOf as ownerOfRoom, persist, roundRobin, seatAcross } from '../helpers/cluster.ts';
import { RedisServer } from '../helpers/redis.ts';
import { okOf, phaseIs, until } from '../helpers/script.ts';

let redis: RedisServer;
beforeAll(async () => { redis = await RedisServer.start(); }, 60_000);
afterAll(async () => { redis.close(); await redis.down(); });
afterEach(async () => { await killAll(); await redis.client().flushall(); });

async function node(name: string, port?: number): Promise<ServerProcess> {
  return spawnServer({ port: port ?? (await freePort()), dataDir: mkdtempSync(path.join(tmpdir(), 'ww-node-')), env: { REDIS_URL: redis.url, STORE: 'redis', NODE_ID: name } });
}


/** Seat `n` players spread round-robin over the nodes' URLs; the first creates the room. */
const spread = (urls: string[], n: number, settings: Record<string, unknown> = {}) => seatAcross(roundRobin(urls, n), settings);

describe('clustered mode: three nodes and one Redis', () => {
  it('bots connected to different nodes play whole games in the same room', async () => {
    const nodes = await Promise.all(['a', 'b', 'c'].map((n) => node(n)));
    const urls = nodes.map((n) => n.url);
    const { clients, roomId } = await spread(urls, 7);
    await okOf(clients[0].send('game:start', {}));
    await playToEnd(clients, 3, 60_000);
    await Promise.all(clients.map((c) => phaseIs(c, 'over')));
    const outcome = clients[0].view!.outcome!;
    for (const c of clients) expect(c.view!.outcome).toEqual(outcome);
    // The lobby of every node lists the room.
    for (const url of urls) {
      const rooms = (await (await fetch(`${url}/api/rooms`)).json()).rooms as { roomId: string }[];
      expect(rooms.map((r) => r.roomId)).toContain(roomId);
    }
    clients.forEach((c) => c.close());
  }, 120_000);
});

/** The node (by NODE_ID) holding the room's lease. */
const ownerOf = (roomId: string) => ownerOfRoom(redis.client(), roomId);


/** Move a client whose node died to another node, taking its seat back with its token. */
async function moveTo(url: string, old: WerewolfClient): Promise<WerewolfClient> {
  const token = old.token!;
  old.close();
  const c = connect(url);
  await c.connected();
  await persist(() => c.send('room:resume', { token }));
  await until(c, (x) => x.view !== null, 10_000, 'view after move');
  return c;
}

describe('clustered mode: seat filling', () => {
  it('a host connected to a node that does not own the room fills a seat with a bot', async () => {
    const [a, b] = await Promise.all(['a', 'b'].map((n) => node(n)));
    const { clients, roomId } = await spread([a.url, b.url], 2);
    expect(await ownerOf(roomId)).toBe('a');
    const onB = clients[1];
    await okOf(clients[0].send('room:host', { seat: onB.view!.you!.seat }));
    await until(onB, (x) => x.view!.you!.isHost, 10_000, 'host moved');
    const added = await okOf(onB.send('bot:add', { strategy: 'random' }));
    await until(clients[0], (x) => x.view!.players.some((p) => p.seat === added.seat && p.bot), 10_000, 'bot seated');
    await okOf(onB.send('bot:remove', { seat: added.seat }));
    await until(clients[0], (x) => !x.view!.players.some((p) => p.seat === added.seat), 10_000, 'bot gone');
    clients.forEach((x) => x.close());
  }, 60_000);
});

describe('clustered mode: a node dies or stalls', () => {
  it('a node killed mid-vote: its rooms finish on the survivors and every acked vote counts', async () => {
    const nodes = await Promise.all(['a', 'b', 'c'].map((n) => node(n)));
    const [a, b, c] = nodes;
    const { clients, roomId } = await spread([a.url, b.url, c.url], 6, { roles: { werewolf: 1, seer: 1 } });
    expect(await ownerOf(roomId)).toBe('a');
    await okOf(clients[0].send('game:start', {}));
    await Promise.all(clients.map((x) => phaseIs(x, 'night')));
    // Everyone answers the night; the day is skipped.
    for (const x of clients) {
      const p = x.view!.you!.prompt;
      if (p?.kind === 'wolf' || p?.kind === 'seer') await okOf(x.send('night:act', { action: { kind: p.kind, target: p.targets[0] } }));
      if (p?.kind === 'sleep') await okOf(x.send('night:act', { action: { kind: 'sleep' } }));
    }
    await Promise.all(clients.map((x) => phaseIs(x, 'day')));
    const alive = clients.filter((x) => x.view!.you!.alive);
    await Promise.all(alive.map((x) => x.send('day:ready', {})));
    await Promise.all(alive.map((x) => phaseIs(x, 'vote')));
    const wolf = clients.find((x) => x.view!.you!.role === 'werewolf')!;
    const target = wolf.view!.you!.seat;
    const onA = (x: WerewolfClient) => clients.indexOf(x) % 3 === 0;
    const early = alive.filter((x) => x !== wolf && !onA(x));
    for (const x of early.slice(0, 2)) await okOf(x.send('vote:cast', { target }));
    const acked = early.slice(0, 2).map((x) => x.view!.you!.seat);

    await a.stop('SIGKILL');
    // Players of the dead node come back through node b with their tokens.
    const survivors = await Promise.all(clients.map((x) => (onA(x) ? moveTo(b.url, x) : Promise.resolve(x))));
    await until(survivors[1], () => true);
    const owner = await (async () => {
      for (let i = 0; i < 40; i++) { const o = await ownerOf(roomId); if (o && o !== 'a') return o; await new Promise((r) => setTimeout(r, 250)); }
      return null;
    })();
    expect(['b', 'c']).toContain(owner);
    const rest = survivors.filter((x) => x.view!.you!.alive && !acked.includes(x.view!.you!.seat));
    for (const x of rest) await persist(() => x.send('vote:cast', { target: x === survivors.find((s) => s.view!.you!.seat === target) ? null : target }));
    await Promise.all(survivors.map((x) => until(x, (v) => v.view?.phase === 'over', 20_000, 'game over')));
    const tally = survivors[1].view!.timeline.find((e) => e.kind === 'vote');
    expect(tally).toMatchObject({ kind: 'vote', outcome: 'executed', seat: target });
    if (tally?.kind === 'vote') for (const seat of acked) expect(tally.ballots![seat]).toBe(target);
    expect(survivors[1].view!.outcome!.winner).toBe('village');
    survivors.forEach((x) => x.close());
    void c;
  }, 120_000);

  it('[D10] a paused owner loses its lease, another node carries on, and the old owner cannot write when it wakes', async () => {
    const nodes = await Promise.all(['a', 'b'].map((n) => node(n)));
    const [a, b] = nodes;
    const { clients, roomId } = await spread([a.url, b.url], 5);
    expect(await ownerOf(roomId)).toBe('a');
    const r = redis.client();
    const seqBefore = await r.llen(`ww:events:${roomId}`);
    signalServer(a, 'SIGSTOP');
    try {
      // The lease (4 s) runs out and node b takes the room over.
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && (await ownerOf(roomId)) !== 'b') await new Promise((res) => setTimeout(res, 250));
      expect(await ownerOf(roomId)).toBe('b');
      const onB = clients.filter((_, i) => i % 2 === 1);
      await persist(() => onB[0].send('chat:send', { channel: 'lobby', text: 'b runs the room now' }));
    } finally {
      signalServer(a, 'SIGCONT');
    }
    // The woken node's timers fire and its lease renewal fails: it halts its copy without writing.
    await new Promise((res) => setTimeout(res, 3_000));
    const log = (await r.lrange(`ww:events:${roomId}`, 0, -1)).map((x) => JSON.parse(x) as { seq: number });
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(log.length).toBeGreaterThan(seqBefore);
    expect(await ownerOf(roomId)).toBe('b');
    // A client still on node a is served through the new owner.
    const fromA = clients[0];
    await persist(() => fromA.send('chat:send', { channel: 'lobby', text: 'hello from a' }));
    const after = (await r.lrange(`ww:events:${roomId}`, 0, -1)).length;
    expect(after).toBe(log.length + 1);
    clients.forEach((x) => x.close());
  }, 120_000);
});

describe('clustered mode: Redis restarts', () => {
  it('a brief Redis outage is reported as degraded, commands are refused meanwhile, and play resumes after', async () => {
    const [a, b] = await Promise.all(['a', 'b'].map((n) => node(n)));
    const { clients } = await spread([a.url, b.url], 5);
    const notices: string[] = [];
    clients.forEach((x) => x.on('notice', (n) => notices.push(n.code)));
    await redis.down();
    await new Promise((res) => setTimeout(res, 500));
    const health = await (await fetch(`${a.url}/healthz`)).json();
    expect(health).toMatchObject({ degraded: true, cluster: { redis: 'down' } });
    const refused = await clients[0].send('chat:send', { channel: 'lobby', text: 'anyone?' });
    expect(refused.ok).toBe(false);
    await redis.up();
    await until(clients[0], () => notices.includes('server/recovered'), 15_000, 'recovery notice').catch(() => {});
    expect(notices).toContain('server/degraded');
    await persist(() => clients[0].send('chat:send', { channel: 'lobby', text: 'back' }));
    await okOf(clients[0].send('game:start', {}));
    await playToEnd(clients, 5, 60_000);
    await Promise.all(clients.map((x) => phaseIs(x, 'over', 10_000)));
    clients.forEach((x) => x.close());
  }, 120_000);
});
