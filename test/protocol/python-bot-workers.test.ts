// The Python bot (client/bot-python) against a server of two worker processes: joining from a
// lobby connection, it is answered `room/elsewhere` whenever it lands on the other worker, and
// must follow docs/protocol.md §1 (reconnect with ?code=, send room:join again) to play at all.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, killAll, spawnServer, type ServerProcess } from '../helpers/process.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PLAYERS = 7;
const GAME_S = 60;
const durations = { night: 10, dawn: 1, day: 10, vote: 10, execution: 1, hunter: 2 };

interface Summary { event: string; end: string; elsewhere: number; refusals: Record<string, number>; outcome: unknown; code?: string }

const children: ChildProcess[] = [];
/** Run the bot to its end; resolves with its stdout lines as JSON. */
function bot(python: string, args: string[], onLine?: (l: Summary) => void): Promise<{ lines: Summary[]; code: number | null; stderr: string }> {
  const child = spawn(python, [path.join(root, 'client/bot-python/werewolf_bot.py'), ...args, '--timeout', String(GAME_S)], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const lines: Summary[] = [];
  let buf = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    buf += d;
    for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
      const l = JSON.parse(buf.slice(0, nl)) as Summary;
      lines.push(l);
      onLine?.(l);
      buf = buf.slice(nl + 1);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ lines, code, stderr })));
}

let server: ServerProcess;
let dataDir: string;
let python: string;
beforeAll(async () => {
  try {
    python = execFileSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('python3 is not on PATH: install the Debian package python3 (apt-get install python3)');
  }
  dataDir = mkdtempSync(path.join(tmpdir(), 'ww-pybot-'));
  server = await spawnServer({ port: await freePort(), dataDir, env: { WORKERS: '2' } });
}, 90_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await killAll();
  rmSync(dataDir, { recursive: true, force: true });
});

it('Python bots joining from the lobby follow room/elsewhere to the room\'s worker and play to the end', async () => {
  let code = '';
  const joined: Promise<{ lines: Summary[]; code: number | null; stderr: string }>[] = [];
  const host = bot(python, ['--url', server.url, '--create', '--name', 'W0', '--start-when', String(PLAYERS),
    '--settings', JSON.stringify({ durations }), '--seed', '7'], (l) => { if (l.event === 'room') code = String(l.code); });
  const start = Date.now();
  while (!code && Date.now() - start < 15_000) await new Promise((r) => setTimeout(r, 50));
  expect(code, 'the host printed its invite code').not.toBe('');
  // One at a time, so the primary's round robin spreads the lobby connections over both workers.
  for (let i = 1; i < PLAYERS; i++) {
    let seated = false;
    joined.push(bot(python, ['--url', server.url, '--code', code, '--name', `W${i}`, '--no-hint', '--seed', String(7 + i)], (l) => { if (l.event === 'room') seated = true; }));
    const t = Date.now();
    while (!seated && Date.now() - t < 10_000) await new Promise((r) => setTimeout(r, 50));
  }
  const results = await Promise.all([host, ...joined]);
  const summaries = results.map((r) => r.lines.find((l) => l.event === 'summary')!);
  for (const [i, r] of results.entries()) {
    expect(summaries[i]?.end, r.stderr).toBe('over');
    expect(r.code).toBe(0);
    expect(Object.keys(summaries[i]!.refusals).filter((c) => c !== 'phase/wrong')).toEqual([]);
  }
  // Some joiners landed on the other worker and found the room by following room/elsewhere.
  expect(summaries.reduce((n, s) => n + s.elsewhere, 0)).toBeGreaterThan(0);
  expect(new Set(summaries.map((s) => JSON.stringify(s.outcome))).size).toBe(1);
}, (GAME_S + 40) * 1000);
