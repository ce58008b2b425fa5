/**
 * View benchmark: the cost of computing every audience's view (10 seats and a spectator) after
 * every event, as a room does, on the states of recorded 10-player games: with a room's ViewCache,
 * and built from scratch. With `--baseline DIR` (a checkout of another commit, e.g.
 * `git archive e1ce15e | tar -x -C /tmp/before`, with a node_modules link) its `viewFor` runs on
 * the very same states in the same run, alternating rounds, from scratch and, when it has a
 * `ViewCache`, with one; every figure gets a ratio to it.
 *
 *   npx tsx bench/views.ts [--games 200 --rounds 3 --baseline DIR]
 *
 * The last line printed is one JSON object with the figures.
 */
import { createActor } from 'xstate';
import { gameMachine, ViewCache, viewFor, type Audience, type GameContext, type GameEvent, type ViewBody } from '../shared/game/index.ts';
import { freshView } from '../shared/game/views.ts';
import { DEFAULT_SETTINGS } from '../shared/defaults.ts';
import type { Settings } from '../shared/settings.ts';
import type { GameView } from '../shared/views.ts';
import { mulberry32 } from '../client/bot/rng.ts';
import { random } from '../client/bot/strategies/random.ts';
import { toEvent } from '../client/bot/sim.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const GAMES = Number(arg('games', '200'));
const ROUNDS = Number(arg('rounds', '3'));
const BASELINE = arg('baseline', '');
const PLAYERS = 10;

const settings: Settings = { ...DEFAULT_SETTINGS, maxSeats: PLAYERS };
const audiences: Audience[] = [...Array.from({ length: PLAYERS }, (_, seat) => ({ kind: 'seat', seat }) as const), { kind: 'spectator' }];

/** Every state of one game of random bots (and the odd chat line), in order. */
function record(seed: number): GameContext[] {
  const rng = mulberry32(seed);
  const actor = createActor(gameMachine, { input: { settings } }).start();
  const states: GameContext[] = [];
  let now = 1_000_000;
  const send = (e: GameEvent) => { actor.send(e); states.push(actor.getSnapshot().context); };
  for (let i = 0; i < PLAYERS; i++) send({ type: 'room.join', now, name: `P${i}` });
  send({ type: 'game.start', now, seat: 0, seed });
  for (let n = 0; n < 2000 && actor.getSnapshot().context.phase !== 'over'; n++) {
    const ctx = actor.getSnapshot().context;
    now += 100 + Math.floor(rng() * 900);
    const seat = Math.floor(rng() * PLAYERS);
    const view = { ...freshView(ctx, { kind: 'seat', seat }), version: 0 } as GameView;
    const decisions = random(view, { rng, urgent: true } as never);
    if (rng() < 0.1 && ctx.players[seat].alive) send({ type: 'chat.send', now, seat, channel: ctx.phase === 'night' ? 'wolves' : 'day', text: 'hello' });
    else if (decisions.length) for (const d of decisions) send({ ...toEvent(seat, d), now } as GameEvent);
    else if (rng() < 0.15) send({ type: 'timer.expired', now: Math.max(now, ctx.deadline ?? now), phaseId: ctx.phaseId });
  }
  actor.stop();
  return states;
}

type ViewFn = (ctx: GameContext, audience: Audience, cache?: ViewCache) => ViewBody;
type CacheClass = new () => ViewCache;

/** CPU ms to compute every audience's view after every state of every game, with a new cache of `Cache` per game. */
function measure(games: GameContext[][], view: ViewFn, Cache: CacheClass | null): number {
  const t0 = process.cpuUsage();
  let sink = 0;
  for (const states of games) {
    const cache = Cache ? new Cache() : undefined;
    for (const ctx of states) {
      for (let i = 0; i < audiences.length; i++) {
        sink += view(ctx, audiences[i], cache).players.length;
      }
    }
  }
  const t = process.cpuUsage(t0);
  if (sink < 0) throw new Error('unreachable');
  return (t.user + t.system) / 1000;
}

const games = Array.from({ length: GAMES }, (_, g) => record(1 + g));
const states = games.reduce((n, s) => n + s.length, 0);
const baseline: { viewFor: ViewFn; ViewCache?: CacheClass } | null = BASELINE ? await import(`${BASELINE}/shared/game/index.ts`) : null;

const runs: Record<string, () => number> = {
  cached: () => measure(games, viewFor, ViewCache),
  fresh: () => measure(games, freshView, null),
  ...(baseline ? { before: () => measure(games, baseline.viewFor, null) } : {}),
  // A baseline that has a room cache too: its views as a room computes them.
  ...(baseline?.ViewCache ? { beforeCached: () => measure(games, baseline.viewFor, baseline.ViewCache!) } : {}),
};
const best: Record<string, number> = {};
for (let r = 0; r <= ROUNDS; r++) {
  for (const [name, run] of Object.entries(runs)) {
    const ms = run();
    // Round 0 warms up.
    if (r > 0) best[name] = Math.min(best[name] ?? Infinity, ms);
  }
}
const perEvent = (ms: number) => Number(((ms * 1000) / states).toFixed(2));
const out: Record<string, unknown> = { games: GAMES, states, audiences: audiences.length };
for (const [name, ms] of Object.entries(best)) {
  out[`${name}UsPerEvent`] = perEvent(ms);
  console.log(`${name.padEnd(10)} ${perEvent(ms).toFixed(2)} µs CPU per event (every audience's view)`);
}
if (baseline) {
  out.cachedToBefore = Number((best.cached / best.before).toFixed(2));
  out.freshToBefore = Number((best.fresh / best.before).toFixed(2));
  if (best.beforeCached) out.cachedToBeforeCached = Number((best.cached / best.beforeCached).toFixed(2));
}
console.log(JSON.stringify(out));
