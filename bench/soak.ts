/**
 * Soak benchmark: a fixed number of rooms of bots play back to back against the real server (its
 * own process, `tsx server/main.ts`, SQLite in a temp dir), each game in a fresh room as
 * `npm run bots -- --games N` does, for a few minutes; then the load stops and the cool-down
 * shows whether memory comes back. Every few seconds it prints the server's RSS and V8 heap in
 * use (from its /metrics), the rooms it holds, the seats connected and the games finished.
 *
 *   npm run bench:soak [-- --rooms 10 --players 5 --minutes 4 --cool 2 --every 15 --think 200-800 --fleet-nice 10 --port 4790]
 *
 * The fleet runs in a child process, niced, so the server gets a core first. The last line printed
 * is one JSON object with every sample.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, range } from '../client/bot/args.ts';
import { playMatch } from '../client/bot/match.ts';
import { random } from '../client/bot/strategies/index.ts';
import { sleep, startServerProc } from './load-procs.ts';

const args = parseArgs(process.argv.slice(2));

/** Fleet mode (the forked child): `rooms` players' tables, each playing game after game in fresh rooms until told to stop. */
async function fleet(url: string, rooms: number, players: number, think: [number, number]): Promise<void> {
  let stop = false;
  let games = 0;
  let failures = 0;
  process.on('message', (m: { type: string }) => { if (m.type === 'stop') stop = true; });
  const table = async (i: number) => {
    for (let g = 0; !stop; g++) {
      try {
        await playMatch({ url, players, strategy: random, seed: i * 100_003 + g, thinkMs: think, timeoutMs: 3 * 60_000 });
        games++;
      } catch {
        failures++;
        await sleep(1_000);
      }
      process.send!({ type: 'games', games, failures });
    }
  };
  await Promise.all(Array.from({ length: rooms }, (_, i) => table(i)));
  process.send!({ type: 'done', games, failures });
  process.exit(0);
}

function metric(text: string, name: string): number {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}

interface Sample { t: number; phase: 'load' | 'cool'; rssMB: number; heapMB: number; rooms: number; players: number; connections: number; games: number }

async function main(): Promise<void> {
  const ROOMS = Number(args.get('rooms') ?? 10);
  const PLAYERS = Number(args.get('players') ?? 5);
  const MINUTES = Number(args.get('minutes') ?? 4);
  const COOL = Number(args.get('cool') ?? 2);
  const EVERY = Number(args.get('every') ?? 15);
  const THINK = args.get('think') ?? '200-800';
  const NICE = Number(args.get('fleet-nice') ?? 10);
  const PORT = Number(args.get('port') ?? 4790);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ww-soak-'));
  const server = await startServerProc('game', PORT, { STORE: 'sqlite', DATA_DIR: dir });
  console.log(`soak: ${ROOMS} rooms of ${PLAYERS} random bots, back to back in fresh rooms, ${MINUTES} min of load then ${COOL} min cool-down, think ${THINK} ms, fleet niced ${NICE}, ${os.cpus().length} cores, node ${process.version}`);
  const child = fork(fileURLToPath(import.meta.url), ['--fleet', server.url, '--rooms', String(ROOMS), '--players', String(PLAYERS), '--think', THINK], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  if (NICE > 0) os.setPriority(child.pid!, NICE);
  let fleetGames = 0;
  let failures = 0;
  child.on('message', (m: { games: number; failures: number }) => { fleetGames = m.games; failures = m.failures; });

  const samples: Sample[] = [];
  const t0 = Date.now();
  const sample = async (phase: Sample['phase']) => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const s: Sample = {
      t: Math.round((Date.now() - t0) / 1000), phase,
      rssMB: Math.round(metric(text, 'process_resident_memory_bytes') / 1e5) / 10,
      heapMB: Math.round(metric(text, 'nodejs_heap_size_used_bytes') / 1e5) / 10,
      rooms: metric(text, 'werewolf_rooms'), players: metric(text, 'werewolf_players'), connections: metric(text, 'werewolf_connections'),
      games: metric(text, 'werewolf_games_finished_total'),
    };
    samples.push(s);
    console.log(`${String(s.t).padStart(5)} s  ${phase}  rss ${s.rssMB.toFixed(1).padStart(6)} MB  heap ${s.heapMB.toFixed(1).padStart(6)} MB  rooms ${String(s.rooms).padStart(5)}  players ${String(s.players).padStart(4)}  connections ${String(s.connections).padStart(4)}  games ${s.games} (fleet ${fleetGames}, failed ${failures})`);
  };
  try {
    const loadEnd = t0 + MINUTES * 60_000;
    while (Date.now() < loadEnd) { await sample('load'); await sleep(Math.min(EVERY * 1000, Math.max(0, loadEnd - Date.now()))); }
    await sample('load');
    // Stop starting games; the games in hand finish (bounded), then the cool-down.
    child.send({ type: 'stop' });
    const coolEnd = Date.now() + COOL * 60_000;
    while (Date.now() < coolEnd) { await sleep(EVERY * 1000); await sample('cool'); }
  } finally {
    child.kill('SIGKILL');
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const load = samples.filter((s) => s.phase === 'load');
  const peak = Math.max(...samples.map((s) => s.rssMB));
  const last = samples.at(-1)!;
  console.log(`peak rss ${peak} MB; end of load rss ${load.at(-1)!.rssMB} MB, heap ${load.at(-1)!.heapMB} MB, rooms ${load.at(-1)!.rooms}; after cool-down rss ${last.rssMB} MB, heap ${last.heapMB} MB, rooms ${last.rooms}; ${last.games} games, ${failures} failed`);
  console.log(JSON.stringify({ rooms: ROOMS, players: PLAYERS, minutes: MINUTES, cool: COOL, games: last.games, failures, samples }));
}

if (args.has('fleet')) void fleet(args.get('fleet')!, Number(args.get('rooms')), Number(args.get('players')), range(args.get('think') ?? '0'));
else main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
