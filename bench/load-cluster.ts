import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ServerProc, sleep, startServerProc } from './load-procs.ts';

/** A clustered server under test: two nodes and their Redis, measured together. */
export interface ClusterProc extends ServerProc { pids: number[]; urls: string[] }

export function haveRedis(): boolean {
  try { execFileSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' }); return true; } catch { return false; }
}

/**
 * Redis (AOF, fsync always, as docs/scaling.md asks for acks to survive a Redis crash) and two
 * game nodes on `port` and `port + 1` sharing it. Players spread over both nodes, so about half
 * of the commands are forwarded to the node that owns their room.
 */
export async function startClusterProc(port: number, env: Record<string, string>): Promise<ClusterProc> {
  const redisPort = port + 50;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'werewolf-redis-'));
  const redis: ChildProcess = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--protected-mode', 'no'], { stdio: 'ignore' });
  process.once('exit', () => redis.kill('SIGKILL'));
  await sleep(500);
  const common = { ...env, REDIS_URL: `redis://127.0.0.1:${redisPort}`, STORE: 'redis' };
  const a = await startServerProc('game', port, { ...common, NODE_ID: 'a' });
  const b = await startServerProc('game', port + 1, { ...common, NODE_ID: 'b' });
  return {
    ...a,
    store: 'redis (2 nodes)',
    pids: [a.pid, b.pid, redis.pid!],
    urls: [a.url, b.url],
    tail: () => `${a.tail()}\n${b.tail()}`,
    heapBytes: async () => (await a.heapBytes()) + (await b.heapBytes()),
    async stop() {
      await Promise.all([a.stop(), b.stop()]);
      redis.kill('SIGKILL');
    },
  };
}
