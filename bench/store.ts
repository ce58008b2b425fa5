/**
 * Store benchmark: the cost of a durable commit (event appended + room row saved, fsynced) in the
 * SQLite store, alone and under group commit with many rooms committing at once, next to the same
 * workload in the memory store. Rooms commit as the room actor does: await each commit before the
 * next, a snapshot every 20 events and at each phase change, real snapshots of a random game.
 *
 *   npx tsx bench/store.ts [-- --rooms 100 --commits 30 --sequential 1000]
 *
 * The last line printed is one JSON object with the figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createActor } from 'xstate';
import { gameMachine, type GameEvent } from '../shared/game/index.ts';
import { MemoryStore } from '../server/store/memory.ts';
import { SqliteStore, type SqliteOptions } from '../server/store/sqlite.ts';
import type { Store, StoredRoom } from '../server/store/types.ts';
import { playSim } from '../client/bot/sim.ts';
import { random } from '../client/bot/strategies/index.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROOMS = arg('rooms', 100);
const COMMITS = arg('commits', 30);
const SEQUENTIAL = arg('sequential', 1000);

/** One real game's events, each with the persisted snapshot after it and whether its phase changed. */
function workload(): { event: GameEvent; snapshot: unknown; phaseChange: boolean }[] {
  const { log: events } = playSim({ players: 10, seed: 7, strategy: random, stir: { expire: 0.05, chat: 0.15 } });
  const actor = createActor(gameMachine, { input: {} }).start();
  return events.map((event) => {
    const before = actor.getSnapshot().context.phaseId;
    actor.send(event);
    return { event, snapshot: actor.getPersistedSnapshot(), phaseChange: actor.getSnapshot().context.phaseId !== before };
  });
}

const steps = workload();
const avgSnapshot = Math.round(steps.reduce((n, s) => n + JSON.stringify(s.snapshot).length, 0) / steps.length);

/** A room that commits `n` events one after another, as a room actor does; returns each commit's latency in ms. */
async function room(store: Store, id: string, n: number, offset: number): Promise<number[]> {
  let rec: StoredRoom = { roomId: id, code: id, machineVersion: 1, snapshot: steps[0].snapshot, snapshotSeq: 0, seats: { [`${id}:t`]: 0 }, viewVersions: { 'seat:0': 1 }, seq: 0, gameStart: null, createdAt: 0, updatedAt: 0 };
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const step = steps[(offset + i) % steps.length];
    const seq = rec.seq + 1;
    const snap = step.phaseChange || seq - rec.snapshotSeq >= 20;
    rec = { ...rec, seq, snapshot: snap ? step.snapshot : rec.snapshot, snapshotSeq: snap ? seq : rec.snapshotSeq, updatedAt: seq };
    const t = performance.now();
    await store.commit(rec, step.event);
    lat.push(performance.now() - t);
  }
  return lat;
}

interface Figures { commits: number; perCommitMs: number; commitsPerSecond: number; p50Ms: number; p99Ms: number; groupSize: number }

const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function run(make: () => Store, rooms: number, commits: number): Promise<Figures> {
  const store = make();
  if (store instanceof SqliteStore) await store.ready(); // the writer thread's start is not a commit's cost
  const t = performance.now();
  const lat = (await Promise.all(Array.from({ length: rooms }, (_, r) => room(store, `r${r}`, commits, r * 7)))).flat();
  const ms = performance.now() - t;
  const stats = store instanceof SqliteStore ? store.stats : null;
  await store.close();
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    commits: lat.length,
    perCommitMs: round(ms / lat.length),
    commitsPerSecond: Math.round(lat.length / (ms / 1000)),
    p50Ms: round(pct(lat, 0.5)),
    p99Ms: round(pct(lat, 0.99)),
    groupSize: stats ? round(stats.writes / stats.transactions) : 1,
  };
}

const dirs: string[] = [];
const sqlite = (opts: Partial<SqliteOptions>) => () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ww-bench-'));
  dirs.push(dir);
  return new SqliteStore({ dir, ...opts });
};

const results: Record<string, Figures> = {};
const cases: [string, () => Store, number, number][] = [
  ['memory, 1 room', () => new MemoryStore(), 1, SEQUENTIAL],
  ['sqlite FULL, 1 room', sqlite({}), 1, SEQUENTIAL],
  ['sqlite NORMAL, 1 room', sqlite({ synchronous: 'NORMAL' }), 1, SEQUENTIAL],
  [`sqlite FULL, ${ROOMS} rooms, one transaction per commit`, sqlite({ maxBatch: 1 }), ROOMS, COMMITS],
  [`sqlite FULL, ${ROOMS} rooms, group commit (next tick)`, sqlite({}), ROOMS, COMMITS],
  [`sqlite FULL, ${ROOMS} rooms, group commit (2 ms window)`, sqlite({ windowMs: 2 }), ROOMS, COMMITS],
  [`sqlite NORMAL, ${ROOMS} rooms, group commit (next tick)`, sqlite({ synchronous: 'NORMAL' }), ROOMS, COMMITS],
];
try {
  // fsync figures swing with whatever else the disk and the cores are doing: say so next to them.
  console.log(`workload: ${steps.length} events of a random 10-player game, mean snapshot ${avgSnapshot} bytes; tmp dir ${os.tmpdir()}; load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`);
  for (const [name, make, rooms, commits] of cases) {
    const f = await run(make, rooms, commits);
    results[name] = f;
    console.log(`${name.padEnd(58)} ${String(f.perCommitMs).padStart(7)} ms/commit  ${String(f.commitsPerSecond).padStart(6)} commits/s  p50 ${f.p50Ms} ms  p99 ${f.p99Ms} ms  group ${f.groupSize}`);
  }
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
console.log(JSON.stringify({ bench: 'store', loadAverage: Math.round(os.loadavg()[0] * 100) / 100, rooms: ROOMS, commitsPerRoom: COMMITS, sequential: SEQUENTIAL, snapshotBytes: avgSnapshot, results }));
