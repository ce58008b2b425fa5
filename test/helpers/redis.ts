import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './process.ts';
import { ensureProgram } from './system.ts';

/** A real redis-server on 127.0.0.1, with an fsync-always AOF so a restart keeps every write. */
export class RedisServer {
  private child: ChildProcess | null = null;
  private constructor(readonly port: number, readonly dir: string, private bin: string) {}

  static async start(): Promise<RedisServer> {
    const bin = ensureProgram('redis-server', 'redis-server');
    const server = new RedisServer(await freePort(), mkdtempSync(path.join(tmpdir(), 'ww-redis-')), bin);
    await server.up();
    return server;
  }

  get url(): string { return `redis://127.0.0.1:${this.port}`; }

  async up(): Promise<void> {
    this.child = spawn(this.bin, ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--protected-mode', 'no'], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const probe = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      probe.on('error', () => {});
      try {
        await probe.connect();
        if ((await probe.ping()) === 'PONG') { probe.disconnect(); return; }
      } catch { /* not up yet */ }
      probe.disconnect();
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('redis-server did not start');
  }

  async down(): Promise<void> {
    const c = this.child;
    if (c === null) return;
    if (!c || c.exitCode !== null) return;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await gone;
  }

  private shared: Redis | null = null;
  /** One client for the test's own reads, quiet while the server is down. */
  client(): Redis {
    if (!this.shared) {
      this.shared = new Redis(this.url, { retryStrategy: (t) => Math.min(50 * t, 500) });
      this.shared.on('error', () => {});
    }
    return this.shared;
  }

  close(): void { this.shared?.disconnect(); this.shared = null; }
}
