import { readdirSync, readFileSync } from 'node:fs';

/**
 * A latency histogram with about 1% resolution from 10 µs to minutes, small enough to send
 * between processes and merge: bucket counts keyed by index.
 */
export class Histogram {
  counts = new Map<number, number>();
  n = 0;

  static index(ms: number): number {
    return ms < 1 ? Math.max(0, Math.floor(ms * 100)) : 100 + Math.floor(Math.log(ms) / Math.log(1.01));
  }

  /** The upper bound of a bucket, in ms. */
  static bound(i: number): number {
    return i < 100 ? (i + 1) / 100 : 1.01 ** (i - 99);
  }

  add(ms: number): void {
    const i = Histogram.index(ms);
    this.counts.set(i, (this.counts.get(i) ?? 0) + 1);
    this.n++;
  }

  merge(entries: [number, number][]): void {
    for (const [i, c] of entries) { this.counts.set(i, (this.counts.get(i) ?? 0) + c); this.n += c; }
  }

  entries(): [number, number][] { return [...this.counts]; }

  quantile(q: number): number | null {
    if (this.n === 0) return null;
    const target = q * this.n;
    let seen = 0;
    for (const i of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(i)!;
      if (seen >= target) return Histogram.bound(i);
    }
    return null;
  }

  clear(): void { this.counts.clear(); this.n = 0; }
}

const TICKS_PER_SECOND = 100;

/**
 * A process and all its descendants (the primary and its workers when WORKERS > 1), from
 * /proc/<pid>/task/<tid>/children (Linux); read anew at each measurement, so a restarted worker counts.
 */
export function processTree(pid: number): number[] {
  const out: number[] = [];
  const todo = [pid];
  while (todo.length && out.length < 256) {
    const p = todo.pop()!;
    out.push(p);
    let tasks: string[] = [];
    try { tasks = readdirSync(`/proc/${p}/task`); } catch { continue; }
    for (const t of tasks) {
      try { todo.push(...readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number)); } catch { /* gone */ }
    }
  }
  return out;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  let stat: string;
  try { stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); } catch { return 0; }
  // The command name may hold spaces; the fields after it are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Resident memory of a process in bytes, from /proc (Linux). */
export function rssBytes(pid: number): number {
  let status: string;
  try { status = readFileSync(`/proc/${pid}/status`, 'utf8'); } catch { return 0; }
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

/** The parent's first message to a fleet process (bench/load-fleet.ts): what to play against which server. */
export interface FleetInit {
  type: 'init';
  url: string;
  mode: 'game' | 'relay';
  worker: number;
  thinkMs: [number, number];
  durations: Record<string, number>;
  /**
   * A new room starts its first game after a random delay up to this, so that the rooms a step
   * adds are not in lockstep: a real server never sees hundreds of games start in the same second.
   */
  spreadMs: number;
  /** Relay mode: commands per second per player, and the size of each relayed message. */
  rate: number;
  size: number;
}

/** What one fleet worker measured over one window. */
export interface WindowReport {
  players: number;
  rooms: number;
  commands: number;
  refused: number;
  messages: number;
  bytes: number;
  sampledMessages: number;
  latency: [number, number][];
  cpuSeconds: number;
  loopDelayP99: number;
  seconds: number;
  games: number;
}
