import { get } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { workerOf } from '../../server/proc/placement.ts';
import { killAll } from '../helpers/process.ts';
import { checkRecord, FAST, restartableServer } from '../helpers/durability/restartable.ts';
import { Table } from '../helpers/durability/table.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0)) await f();
  await killAll();
});

interface Health { worker: number; pid: number; rooms: number; workers: number }

/** A GET on a connection of its own: the primary routes connections, so a kept-alive one would stay on one worker. */
function fresh(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent: false, timeout: 5_000 }, (res) => {
      let body = '';
      res.on('data', (d) => { body += String(d); });
      res.on('end', () => resolve(body));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer in 5 s`)));
    req.on('error', reject);
  });
}
const health = async (url: string) => JSON.parse(await fresh(`${url}/healthz`)) as Health;

/** Each worker's pid, as its /healthz says (the primary hands plain connections to the workers in turn). */
async function workerPids(url: string): Promise<Map<number, number>> {
  const pids = new Map<number, number>();
  for (let i = 0; i < 20 && pids.size < 2; i++) {
    const h = await health(url);
    pids.set(h.worker, h.pid);
  }
  return pids;
}

/** Tables until there is one in each worker's room (a room is created in the worker of the connection that asks). */
async function tableInEachWorker(url: string, stamp: number): Promise<Table[]> {
  const byWorker: (Table | undefined)[] = [undefined, undefined];
  for (let i = 0; i < 12 && byWorker.some((t) => !t); i++) {
    const t = await Table.open(url, 5, `W${i}-${stamp}-`, FAST, 40 + i, true);
    const w = workerOf(t.roomId, 2);
    if (byWorker[w]) t.close(); else byWorker[w] = t;
  }
  expect(byWorker.every(Boolean), 'a room in each worker').toBe(true);
  return byWorker as Table[];
}

describe('WORKERS=2: a worker killed mid-game', () => {
  it('comes back with its rooms; every acked command is in the record; the other worker\'s room plays on untouched', { timeout: 90_000 }, async () => {
    const server = await restartableServer((f) => cleanups.push(f), { WORKERS: '2' });
    const [a, b] = await tableInEachWorker(server.url, Date.now() % 1e6);
    cleanups.unshift(() => { a.close(); b.close(); });
    const before = await workerPids(server.url);
    expect(before.size).toBe(2);
    // Table b's players must never lose their connection: their worker is not the one killed.
    const dropped: string[] = [];
    for (const c of b.clients) c.on('connection', (s) => { if (s !== 'connected') dropped.push(s); });
    let killed = false;
    a.onAck = (move) => {
      if (killed || move.type !== 'vote.cast') return;
      killed = true;
      process.kill(before.get(0)!, 'SIGKILL');
    };
    a.resume();
    b.resume();
    await a.waitFor(() => killed, 30_000, 'an acked vote in worker 0');
    const after = await (async () => {
      for (let i = 0; i < 100; i++) {
        const pids = await workerPids(server.url).catch(() => new Map<number, number>());
        if (pids.size === 2 && pids.get(0) !== before.get(0)) return pids;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`worker 0 did not come back:\n${server.proc.output().slice(-3000)}`);
    })();
    expect(after.get(1), 'worker 1 was not restarted').toBe(before.get(1));
    await a.waitFor(() => a.phase === 'over', 40_000, 'the end of the game in worker 0');
    await b.waitFor(() => b.phase === 'over', 40_000, 'the end of the game in worker 1');
    await checkRecord(server.url, a, a.acked);
    await checkRecord(server.url, b, b.acked);
    expect(dropped, 'worker 1\'s players stayed connected').toEqual([]);
    for (let i = 0; i < 2; i++) expect((await health(server.url)).rooms, 'the lobby sees both workers\' rooms, from either').toBe(2);
  });

  it('one lobby: a room made in either worker is listed, joined by invite code and counted from both', { timeout: 30_000 }, async () => {
    const server = await restartableServer((f) => cleanups.push(f), { WORKERS: '2' });
    const [a, b] = await tableInEachWorker(server.url, Date.now() % 1e6);
    cleanups.unshift(() => { a.close(); b.close(); });
    for (let i = 0; i < 4; i++) {
      // A fresh connection each time, so both workers answer.
      const { rooms } = JSON.parse(await fresh(`${server.url}/api/rooms`)) as { rooms: { roomId: string }[] };
      expect(rooms.map((r) => r.roomId).sort()).toEqual([a.roomId, b.roomId].sort());
    }
    for (let i = 0; i < 2; i++) expect(await fresh(`${server.url}/metrics`)).toMatch(/^werewolf_rooms 2$/m);
  });
});
