/**
 * `bench/engine.ts --threads N`: the same games split over N worker threads, each with its own
 * copy of both trees' engines (as the server runs its rooms on one worker process per core), so
 * the box's engine capacity can be read beside one thread's. Each round hands every thread its
 * share of the round's seeds at once; the checksums combine as one thread's would (XOR of games).
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { BASE, cpuMs, runEngine, THIS } from './engine-games.ts';

interface Job { engine: 'this' | 'base'; games: number; firstSeed: number }
export type Played = ReturnType<typeof runEngine>;

/** One round on every thread: the sums, the wall time until the last thread is done and the process's CPU; each thread's own figures. */
export interface ThreadedRound extends Played {
  parts: Played[];
}

const ENTRY = new URL('./engine-thread.boot.mjs', import.meta.url);

export class Pool {
  private constructor(private workers: Worker[]) {}

  /** N threads, each loaded and ready (the module graph is compiled before the first round). */
  static async start(n: number): Promise<Pool> {
    const workers = Array.from({ length: n }, () => new Worker(ENTRY, { argv: process.argv.slice(2) }));
    await Promise.all(workers.map((w) => once(w)));
    return new Pool(workers);
  }

  async round(engine: Job['engine'], games: number, firstSeed: number): Promise<ThreadedRound> {
    const n = this.workers.length;
    const c0 = cpuMs();
    const t0 = performance.now();
    let seed = firstSeed;
    const parts = this.workers.map((w, k) => {
      const share = Math.floor(games / n) + (k < games % n ? 1 : 0);
      const job: Job = { engine, games: share, firstSeed: seed };
      seed += share;
      const done = once(w) as Promise<Played>;
      w.postMessage(job);
      return done;
    });
    const played = await Promise.all(parts);
    const out: ThreadedRound = { ms: performance.now() - t0, cpu: cpuMs() - c0, events: 0, views: 0, finished: 0, checksum: 0, parts: played };
    for (const p of played) {
      out.events += p.events; out.views += p.views; out.finished += p.finished; out.checksum ^= p.checksum;
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function once(w: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => { w.off('message', onMessage); reject(err); };
    const onMessage = (m: unknown) => { w.off('error', onError); resolve(m); };
    w.once('message', onMessage);
    w.once('error', onError);
  });
}

// A thread plays the jobs it is given, one at a time, and answers each with its figures.
if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', (job: Job) => {
    const engine = job.engine === 'base' ? BASE : THIS;
    if (!engine) throw new Error('no baseline loaded in this thread');
    port.postMessage(runEngine(job.games, job.firstSeed, engine));
  });
  port.postMessage('ready');
}
