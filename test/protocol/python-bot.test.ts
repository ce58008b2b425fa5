// A bot in another language, written from docs/protocol.md alone (client/bot-python), plays a
// whole game against the real server: the doc is enough to write a client without our SDK.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const botPath = path.join(root, 'client/bot-python/werewolf_bot.py');
const PLAYERS = 5;
const GAME_S = 60;
// Short phases (seconds, docs/protocol.md §4), but long enough that a bot never answers late.
const durations = { night: 10, dawn: 1, day: 10, vote: 10, execution: 1, hunter: 2 };
// The refusals docs/protocol.md §2 calls harmless races: an answer that crossed its phase's end.
const HARMLESS = new Set(['phase/wrong']);

interface Bot { child: ChildProcess; lines: Record<string, unknown>[]; stderr: string; exited: Promise<number | null> }
interface Summary { answered: string[]; end: string; syncs: number; resumes: number; seat: number; role: string | null; dayActs: string[]; timelineActs: [number, string][]; phase: string; outcome: { winner: string } | null; commands: number; refusals: Record<string, number>; refused: unknown[] }

function findPython(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('python3 is not on PATH: install the Debian package python3 (apt-get install python3)');
  }
}

const bots: Bot[] = [];
function runBot(python: string, args: string[]): Bot {
  const child = spawn(python, [botPath, ...args, '--timeout', String(GAME_S)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const bot: Bot = { child, lines: [], stderr: '', exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  let buf = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      bot.lines.push(JSON.parse(buf.slice(0, nl)) as Record<string, unknown>);
      buf = buf.slice(nl + 1);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { bot.stderr += chunk; });
  bots.push(bot);
  return bot;
}

/** Resolves with the bot's first stdout line of this event, or fails once the bot exits without it. */
async function line(bot: Bot, event: string, ms: number): Promise<Record<string, unknown>> {
  const until = Date.now() + ms;
  let exited = false;
  void bot.exited.then(() => { exited = true; });
  while (Date.now() < until) {
    const found = bot.lines.find((l) => l.event === event);
    if (found) return found;
    if (exited) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no "${event}" line from the Python bot; stderr:\n${bot.stderr}`);
}

let server: TestServer;
let python: string;
beforeAll(async () => {
  python = findPython();
  server = await startServer();
});
afterAll(async () => {
  for (const b of bots) if (b.child.exitCode === null) b.child.kill('SIGKILL');
  await server?.close();
});

/** One room: a Python host creates it with `settings`, `players - 1` Python processes join, and all play to the end. */
async function playGame(players: number, settings: object, seed: number, extra: (i: number) => string[] = () => []): Promise<Summary[]> {
  const game: Bot[] = [runBot(python, ['--url', server.url, '--create', '--name', 'Py0', '--start-when', String(players),
    '--settings', JSON.stringify(settings), '--seed', String(seed)])];
  const room = await line(game[0]!, 'room', 15_000);
  expect(room.code).toMatch(/^[A-Z0-9]+$/);
  for (let i = 1; i < players; i++) {
    game.push(runBot(python, ['--url', server.url, '--code', String(room.code), '--name', `Py${i}`, '--seed', String(seed + i), ...extra(i)]));
  }
  const summaries = await Promise.all(game.map((b) => line(b, 'summary', GAME_S * 1000 + 5_000))) as unknown as Summary[];
  const codes = await Promise.all(game.map((b) => b.exited));
  for (const [i, s] of summaries.entries()) {
    expect(s.end, game[i]!.stderr).toBe('over');
    expect(['village', 'wolves', 'tanner', 'lovers', 'nobody', 'white-werewolf', 'serial-killer']).toContain(s.outcome?.winner);
    expect(s.commands).toBeGreaterThanOrEqual(2); // at least its entry and a first night's answer
    const bad = Object.keys(s.refusals).filter((code) => !HARMLESS.has(code));
    expect(bad, JSON.stringify(s.refused)).toEqual([]);
  }
  expect(codes).toEqual(game.map(() => 0));
  // Every process saw the same ending.
  expect(new Set(summaries.map((s) => JSON.stringify(s.outcome))).size).toBe(1);
  return summaries;
}

describe('a Python bot from docs/protocol.md alone', () => {
  it('five Python processes create, join and play a classic game to its end with no refused command', async () => {
    await playGame(5, { durations }, 1);
  }, (GAME_S + 30) * 1000);

  it('the hand-written client reads a refused handshake as protocol.md §1 shows it (44, protocol/version)', async () => {
    const script = `import json, sys; sys.path.insert(0, ${JSON.stringify(path.dirname(botPath))})
from sio import SocketIO, ConnectRefused
try:
    SocketIO(sys.argv[1], {"protocol": 99}); print("connected")
except ConnectRefused as e:
    print(json.dumps(e.payload))`;
    // Not execFileSync: the server runs in this process and must keep answering.
    const { stdout: printed } = await promisify(execFile)(python, ['-c', script, server.url], { encoding: 'utf8', timeout: 10_000 });
    expect(JSON.parse(printed)).toEqual({ message: 'protocol/version', data: { code: 'protocol/version', supported: 1 } });
  });

  it('recovers as the doc says from a lost update (room:sync) and a dropped connection (room:resume)', async () => {
    const summaries = await playGame(5, { durations }, 60, (i) => (i <= 2 ? ['--chaos'] : []));
    for (const s of summaries.slice(1, 3)) {
      expect(s.resumes, 'resumed after the drop').toBe(1);
      // The update it ignores is one within a phase after the drop: a gap follows, unless the game ended first.
      expect(s.syncs).toBeLessThanOrEqual(1);
    }
    expect(summaries.slice(1, 3).reduce((n, s) => n + s.syncs, 0)).toBeGreaterThan(0);
  }, (GAME_S + 30) * 1000);

  it('answers every prompt of a custom deal (pack kinds, witch, cupid, peek, visit, model, sorceress), with secret hunter phases', async () => {
    const roles = { 'wolf-cub': 1, 'alpha-wolf': 1, 'white-werewolf': 1, witch: 1, cupid: 1, hunter: 1, 'little-girl': 1, visitor: 1, 'wild-child': 1, sorceress: 1 };
    const summaries = await playGame(10, { durations, roles, reveal: 'team' }, 20);
    // Every seat's role at the end is one of the deal's (the wild child may end a werewolf, R201).
    for (const s of summaries) expect([...Object.keys(roles), 'werewolf']).toContain(s.role);
    // Each of these prompts is due on the first night or day, when everyone lives: all were answered.
    const answered = new Set(summaries.flatMap((s) => s.answered));
    for (const kind of ['wolf', 'alpha', 'white', 'witch', 'cupid', 'peek', 'visit', 'model', 'sorceress', 'sleep', 'ready', 'vote']) expect([...answered]).toContain(kind);
  }, (GAME_S + 30) * 1000);

  it('plays the killer, the guards and the day actions of another deal', async () => {
    const roles = { werewolf: 1, 'serial-killer': 1, bodyguard: 1, doctor: 1, seer: 1, mayor: 1, pacifist: 1 };
    const summaries = await playGame(8, { durations, roles }, 40);
    const answered = new Set(summaries.flatMap((s) => s.answered));
    for (const kind of ['wolf', 'killer', 'bodyguard', 'doctor', 'seer', 'sleep', 'ready', 'vote']) expect([...answered]).toContain(kind);
    // The mayor and the pacifist took their day action if they lived to see a day (§6.1).
    const acted = summaries.flatMap((s) => s.dayActs.map((act) => [s.seat, act]));
    expect(summaries[0]!.timelineActs).toEqual(expect.arrayContaining(acted));
    for (const [, act] of acted) expect(['reveal', 'truce']).toContain(act);
  }, (GAME_S + 30) * 1000);
});
