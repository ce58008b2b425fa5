import { openSync } from 'node:fs';
import { type ChildProcess, fork, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FleetInit } from './load-stats.ts';
import type { WindowReport } from './load-stats.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A server under test, in its own process: the game server (`tsx server/main.ts`) or the baseline. */
export interface ServerProc { proc: ChildProcess; pid: number; url: string; store: string; stop(): Promise<void>; tail(): string; heapBytes(): Promise<number> }

/** Children still running; killed if the bench itself is stopped, so no server outlives it. */
const children = new Set<ChildProcess>();
process.on('exit', () => { for (const c of children) c.kill('SIGKILL'); });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

export async function startServerProc(kind: 'game' | 'baseline', port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<ServerProc> {
  const script = kind === 'game' ? 'server/main.ts' : 'bench/load-baseline.ts';
  // SERVER_NODE_ARGS (e.g. "--trace-gc") tries V8 settings on the game server; SERVER_STDOUT keeps what it prints.
  const extra = kind === 'game' && process.env.SERVER_NODE_ARGS ? process.env.SERVER_NODE_ARGS.split(' ') : [];
  const stdout = kind === 'game' && process.env.SERVER_STDOUT ? openSync(process.env.SERVER_STDOUT, 'w') : 'ignore';
  const proc = spawn(process.execPath, [...nodeArgs, ...extra, '--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', MAX_ROOMS: '20000',
      // Every simulated client comes from 127.0.0.1: the per-address quotas would cap the load itself.
      ROOMS_PER_MINUTE: '0', BOTS_PER_MINUTE: '0', CONNECTIONS_PER_ADDRESS: '0', ...env },
    stdio: ['ignore', stdout, 'pipe'],
  });
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
  let err = '';
  proc.stderr!.on('data', (b: Buffer) => { err = (err + b.toString()).slice(-4000); });
  const url = `http://127.0.0.1:${port}`;
  let store = 'none';
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`${script} exited with ${proc.exitCode}: ${err}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) { store = String(((await res.json()) as { store?: string }).store ?? 'none'); break; }
    } catch { /* not listening yet */ }
    if (i > 200) throw new Error(`${script} did not become healthy: ${err}`);
    await sleep(150);
  }
  return {
    proc, pid: proc.pid!, url, store,
    tail: () => err,
    // The V8 heap in use: unlike RSS it leaves out what the heap reserved but does not use.
    async heapBytes() {
      try {
        if (kind === 'baseline') return Number(((await (await fetch(`${url}/healthz`)).json()) as { heapUsed: number }).heapUsed);
        const m = /^nodejs_heap_size_used_bytes (\S+)$/m.exec(await (await fetch(`${url}/metrics`)).text());
        return m ? Number(m[1]) : 0;
      } catch {
        return 0;
      }
    },
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([exited, sleep(12_000)]);
      if (proc.exitCode === null && proc.signalCode === null) { proc.kill('SIGKILL'); await exited; }
    },
  };
}

/** One forked fleet process, driven by messages. */
export class Worker {
  private proc: ChildProcess;
  private waiting: { type: string; resolve: (m: any) => void; reject: (e: Error) => void } | null = null;

  /** `nice`: the fleet's scheduling priority (0 normal, up to 19 lowest), see docs/performance.md. */
  constructor(init: FleetInit, nice = 0) {
    // FLEET_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/fleet") is for looking at the fleet itself.
    const extra = process.env.FLEET_NODE_ARGS ? process.env.FLEET_NODE_ARGS.split(' ') : [];
    this.proc = fork(path.join(root, 'bench/load-fleet.ts'), [], { execArgv: [...extra, '--import', 'tsx'], cwd: root, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    this.proc.on('message', (m: { type: string; message?: string }) => {
      const w = this.waiting;
      if (!w) return;
      this.waiting = null;
      if (m.type === 'failed') w.reject(new Error(m.message));
      else w.resolve(m);
    });
    // The fleet shares the cores with the server it measures: a lower priority gives the server a core first.
    if (nice > 0) os.setPriority(this.proc.pid!, nice);
    children.add(this.proc);
    this.proc.on('exit', (code) => {
      children.delete(this.proc);
      this.waiting?.reject(new Error(`fleet worker exited with ${code}`));
      this.waiting = null;
    });
    this.proc.send(init);
  }

  get pid(): number { return this.proc.pid!; }

  private ask<T>(msg: object, reply: string, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => { this.waiting = null; reject(new Error(`fleet worker: no ${reply} within ${timeoutMs} ms`)); }, timeoutMs);
      this.waiting = { type: reply, resolve: (m) => { clearTimeout(t); resolve(m); }, reject: (e) => { clearTimeout(t); reject(e); } };
      this.proc.send(msg);
    });
  }

  rooms(count: number, timeoutMs: number): Promise<{ rooms: number; players: number }> { return this.ask({ type: 'rooms', count }, 'ready', timeoutMs); }
  start(): void { this.proc.send({ type: 'window-start' }); }
  async stop(): Promise<WindowReport> { return (await this.ask<{ report: WindowReport }>({ type: 'window-stop' }, 'report', 30_000)).report; }

  async close(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise((r) => this.proc.once('exit', r));
    this.proc.send({ type: 'stop' });
    await Promise.race([exited, sleep(5000)]);
    if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
  }
}
