import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'client/bot/cli.ts', ...args], { cwd: root, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

let server: TestServer;
let refusing: TestServer;
beforeAll(async () => {
  server = await startServer();
  refusing = await startServer({ env: { MAX_ROOMS: '0' } });
});
afterAll(async () => { await Promise.all([server.close(), refusing.close()]); });

describe('npm run bots', () => {
  it('--games plays whole games in fresh rooms and prints the results', async () => {
    const r = await cli(['--url', server.url, '--games', '2', '--players', '5', '--parallel', '2', '--seed', '5']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2\/2 games of 5 smart bots: .*average [\d.]+ days, [\d.]+ s; 0 protocol errors$/m);
    const summary = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(Object.values(summary.wins as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(2);
  }, 60_000);

  it('exits non-zero when the server refuses a command', async () => {
    const r = await cli(['--url', refusing.url, '--games', '1', '--players', '5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('room/too-many');
  }, 60_000);

  it('exits non-zero on bad arguments', async () => {
    const r = await cli(['--url', server.url, '--games', '1', '--players', '3']);
    expect(r.code).toBe(2);
  }, 60_000);
});
