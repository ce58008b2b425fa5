import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A real server process (`node --import tsx server/main.ts`) on 127.0.0.1. */
export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** What it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Send a signal and wait for the process to be gone. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

const alive = new Set<ServerProcess>();

/** A port free right now on 127.0.0.1, so a restarted server can listen where its clients reconnect. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/**
 * Start the server on `port` with its data in `dataDir`; resolves once /healthz answers (bounded).
 * One process unless TEST_WORKERS says otherwise (`npm run test:workers` runs the process tests with 2).
 */
export async function spawnServer(opts: { port: number; dataDir: string; env?: Record<string, string>; readyMs?: number }): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(opts.port), HOST: '127.0.0.1', DATA_DIR: opts.dataDir, LOG_LEVEL: 'warn', STORE: 'sqlite', ROOMS_PER_MINUTE: '0', BOTS_PER_MINUTE: '0', CONNECTIONS_PER_ADDRESS: '0', WORKERS: process.env.TEST_WORKERS ?? '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += String(d); });
  child.stderr!.on('data', (d) => { out += String(d); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${opts.port}`;
  const proc: ServerProcess = {
    url, port: opts.port, child, exited,
    output: () => out,
    stop: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  alive.add(proc);
  void exited.then(() => alive.delete(proc));
  // Several workers boot in parallel beside their primary, which answers only once all have restored.
  const workers = Number(opts.env?.WORKERS ?? process.env.TEST_WORKERS ?? 1);
  const deadline = Date.now() + (opts.readyMs ?? 20_000) * (workers > 1 ? 2 : 1);
  let gone = false;
  void exited.then(() => { gone = true; });
  while (Date.now() < deadline && !gone) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return proc;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.stop('SIGKILL');
  throw new Error(`server did not become ready on ${url}:\n${out}`);
}

/** Kill every server process a test left running (afterEach). */
export async function killAll(): Promise<void> {
  await Promise.all([...alive].map((p) => p.stop('SIGKILL')));
}

/** The pids whose parent is `pid`, read from /proc (no procps needed). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name (in parentheses) may hold spaces: the fields after its closing one are fixed.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(name));
    } catch { /* gone meanwhile */ }
  }
  return out;
}

/**
 * Pause or wake the whole server: its process and, with several workers, the workers too (they
 * serve the sockets and run the rooms, so stopping the primary alone stalls no game).
 */
export function signalServer(proc: ServerProcess, signal: 'SIGSTOP' | 'SIGCONT'): void {
  const root = proc.child.pid;
  if (root === undefined) return;
  for (const pid of [root, ...childrenOf(root)]) {
    try { process.kill(pid, signal); } catch { /* exited */ }
  }
}
