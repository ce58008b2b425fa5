/**
 * Workers and the SQLite store: W processes committing at once, each its own rooms, either into
 * one shared file (WAL; SQLite serialises the writers with its lock) or into a file per process.
 * Each room awaits each commit before the next, as a room actor does; a snapshot (about 2 KB)
 * every 20 commits. Prints total commits/s and commit latency for both layouts.
 *
 *   npx tsx bench/store-workers.ts [-- --workers 2 --rooms 100 --commits 40]
 *
 * The last line printed is one JSON object with the figures.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../server/store/sqlite.ts';
import type { StoredRoom } from '../server/store/types.ts';
import type { GameEvent } from '../shared/game/index.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const WORKERS = arg('workers', 2);
const ROOMS = arg('rooms', 100);
const COMMITS = arg('commits', 40);
const snapshot = { value: 'night', context: { players: Array.from({ length: 10 }, (_, i) => ({ seat: i, name: `Player ${i}`, role: 'villager', alive: true, votes: [] as number[] })), log: 'x'.repeat(1000) } };

/** One process's share: ROOMS rooms committing COMMITS events each, all at once. */
async function child(dir: string, tag: string): Promise<void> {
  const store = new SqliteStore({ dir });
  await store.ready();
  const lat: number[] = [];
  const t0 = performance.now();
  await Promise.all(Array.from({ length: ROOMS }, async (_, r) => {
    const id = `${tag}-${r}`;
    let rec: StoredRoom = { roomId: id, code: id, machineVersion: 2, snapshot, snapshotSeq: 0, seats: {}, viewVersions: {}, seq: 0, gameStart: null, createdAt: 0, updatedAt: 0 };
    for (let i = 1; i <= COMMITS; i++) {
      rec = { ...rec, seq: i, snapshotSeq: i % 20 === 0 ? i : rec.snapshotSeq, updatedAt: i };
      const t = performance.now();
      await store.commit(rec, { type: 'day.ready', seat: i % 10 } as GameEvent);
      lat.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  process.send!({ lat, seconds });
}

async function layout(shared: boolean): Promise<{ layout: string; commitsPerSecond: number; p50Ms: number; p99Ms: number }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'werewolf-store-workers-'));
  const me = fileURLToPath(import.meta.url);
  const t0 = performance.now();
  const parts = await Promise.all(Array.from({ length: WORKERS }, (_, w) => new Promise<{ lat: number[]; seconds: number }>((resolve, reject) => {
    const dir = shared ? root : path.join(root, `w${w}`);
    const c = fork(me, ['--child', dir, `w${w}`], { execArgv: ['--import', 'tsx'] });
    c.once('message', (m) => resolve(m as { lat: number[]; seconds: number }));
    c.once('exit', (code) => { if (code) reject(new Error(`child exited with ${code}`)); });
  })));
  const seconds = (performance.now() - t0) / 1000;
  rmSync(root, { recursive: true, force: true });
  const lat = parts.flatMap((p) => p.lat).sort((a, b) => a - b);
  const q = (x: number) => lat[Math.min(lat.length - 1, Math.floor(x * lat.length))];
  // Throughput over the slowest process's own time: process start-up is left out.
  const busy = Math.max(...parts.map((p) => p.seconds));
  void seconds;
  return { layout: shared ? 'one shared file' : 'a file per worker', commitsPerSecond: lat.length / busy, p50Ms: q(0.5), p99Ms: q(0.99) };
}

if (process.argv[2] === '--child') {
  void child(process.argv[3], process.argv[4]);
} else {
  const out = [];
  for (const shared of [true, false, true, false]) {
    const r = await layout(shared);
    out.push(r);
    console.log(`${r.layout.padEnd(18)} ${WORKERS} processes x ${ROOMS} rooms x ${COMMITS} commits: ${r.commitsPerSecond.toFixed(0)} commits/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms`);
  }
  console.log(JSON.stringify({ workers: WORKERS, rooms: ROOMS, commits: COMMITS, cores: os.cpus().length, loadAverage: os.loadavg()[0], runs: out }));
}
