/**
 * Bots from the command line (docs/bots.md).
 *
 *   npm run bots -- --url http://localhost:3000 --room CODE --count 6 --strategy smart
 *   npm run bots -- --url http://localhost:3000 --games 20 --players 8 [--parallel 2]
 *
 * Exit code 0 when everything went through, 1 on any protocol error (a command refused for no
 * reason the bot's view shows, or a refused create/join/start), 2 on bad arguments.
 */
import { CommandError } from '../sdk/index.ts';
import { parseArgs, range } from './args.ts';
import { Bot } from './bot.ts';
import { playMatch, type MatchResult } from './match.ts';
import { Progress } from './progress.ts';
import { mix } from './rng.ts';
import { STRATEGIES, type StrategyName } from './strategies/index.ts';

const USAGE = `usage: npm run bots -- [--url URL] (--room CODE [--count N] | --games N [--players N] [--parallel N])
                       [--strategy smart|random] [--seed N] [--think MS|MIN-MAX] [--timeout S]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const args = parseArgs(process.argv.slice(2));
const url = args.get('url') ?? 'http://localhost:3000';
const name = (args.get('strategy') ?? 'smart') as StrategyName;
const strategy = STRATEGIES[name] ?? fail(`unknown strategy "${name}"`);
const seed = Number(args.get('seed') ?? Date.now() % 2 ** 31);
const timeoutMs = Number(args.get('timeout') ?? 300) * 1000;

async function fill(room: string, count: number): Promise<number> {
  const think = range(args.get('think') ?? '800-2500');
  const ref = /^[0-9a-f-]{32,}$/i.test(room) ? { roomId: room } : { code: room };
  const bots: Bot[] = [];
  let errors = 0;
  for (let i = 0; i < count; i++) {
    const bot = await Bot.connect(url, { strategy, seed: mix(seed, i), thinkMs: think });
    bots.push(bot);
    const grant = await bot.join(ref, `Bot ${name} ${i + 1}`.slice(0, 24), { bot: true });
    bot.on('error', (e) => { errors++; console.error(`seat ${grant.seat}: protocol error: ${e.message}`); });
    if (i === 0) bot.on('over', (o, v) => console.log(`game ${v.gameNo} over on day ${v.day}: ${o.winner} win (${o.reason})`));
  }
  console.log(`${count} ${name} bots seated in room ${room}; Ctrl-C to stop`);
  await new Promise<void>((resolve) => {
    let left = bots.length;
    for (const b of bots) b.on('gone', (reason) => { if (--left === 0) { console.log(`room gone: ${reason}`); resolve(); } });
    process.once('SIGINT', () => resolve());
  });
  for (const b of bots) b.close();
  return errors > 0 ? 1 : 0;
}

async function games(total: number, players: number, parallel: number): Promise<number> {
  const think = range(args.get('think') ?? '0');
  const results: MatchResult[] = [];
  const progress = new Progress(total, `${name} `);
  let next = 0;
  let refused: Error | null = null;
  const worker = async () => {
    while (next < total && !refused) {
      const g = next++;
      try {
        results.push(await playMatch({ url, players, strategy, seed: mix(seed, g), thinkMs: think, timeoutMs }));
      } catch (err) {
        refused = err as Error;
      }
      progress.tick(results.length, results.length ? `${results.at(-1)!.winner}` : '');
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  progress.done();
  const wins: Record<string, number> = {};
  for (const r of results) wins[r.winner] = (wins[r.winner] ?? 0) + 1;
  const errors = results.flatMap((r) => r.errors);
  for (const e of errors.slice(0, 10)) console.error(`protocol error: ${e.message}`);
  if (refused) console.error(`stopped: ${(refused as Error).message}`);
  const n = Math.max(1, results.length);
  const avgDays = results.reduce((a, r) => a + r.days, 0) / n;
  const avgMs = results.reduce((a, r) => a + r.ms, 0) / n;
  const byTeam = Object.entries(wins).sort((a, b) => b[1] - a[1]).map(([t, k]) => `${t} ${k} (${Math.round((100 * k) / n)}%)`).join(', ');
  console.log(`${results.length}/${total} games of ${players} ${name} bots: ${byTeam || 'none finished'}; average ${avgDays.toFixed(1)} days, ${(avgMs / 1000).toFixed(1)} s; ${errors.length} protocol errors`);
  console.log(JSON.stringify({ games: results.length, players, strategy: name, wins, avgDays, avgMs: Math.round(avgMs), protocolErrors: errors.length, stopped: refused ? (refused as Error).message : null }));
  return errors.length > 0 || refused || results.length < total ? 1 : 0;
}

async function main(): Promise<number> {
  const room = args.get('room');
  if (room) return fill(room, Number(args.get('count') ?? 1));
  if (args.has('games')) {
    const players = Number(args.get('players') ?? 8);
    if (!(players >= 5 && players <= 20)) fail('--players must be 5 to 20');
    return games(Number(args.get('games')), players, Number(args.get('parallel') ?? 1));
  }
  return fail('give --room CODE or --games N');
}

main().then((code) => process.exit(code), (err) => {
  console.error(err instanceof CommandError ? `refused: ${err.message}` : `failed: ${(err as Error).message}`);
  process.exit(1);
});
