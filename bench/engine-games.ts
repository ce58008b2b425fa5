/**
 * The games of bench/engine.ts: its options, the trees' engines and one game played by the random
 * actors with every audience's view after every event. A module of its own so that the bench's
 * worker threads (engine-threads.ts, `--threads N`) play the very same games.
 */
import { createActor, type AnyStateMachine } from 'xstate';
import { gameMachine, ViewCache, viewFor, type Audience, type GameContext, type GameEvent, type ViewBody } from '../shared/game/index.ts';
import { DEFAULT_SETTINGS } from '../shared/defaults.ts';
import type { Settings } from '../shared/settings.ts';
import { settled } from '../client/bot/brain.ts';
import { mulberry32 } from '../client/bot/rng.ts';
import { toEvent } from '../client/bot/sim.ts';
import { random } from '../client/bot/strategies/index.ts';

export const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
export const GAMES = arg('games', 2000);
export const ROUNDS = arg('rounds', 3);
export const BASELINE = process.argv.includes('--baseline') ? process.argv[process.argv.indexOf('--baseline') + 1] : '';
/** Also say where the time of an event goes: the machine alone, the views, the actors (see split()). */
export const SPLIT = process.argv.includes('--split');
export const PLAYERS = 10;
const MAX_EVENTS = 2000;

/** The game mode (docs/rules.md R230); Classic unless `--preset` names another. */
const presetAt = process.argv.indexOf('--preset');
const PRESET = presetAt >= 0 ? (process.argv[presetAt + 1] as Settings['preset']) : undefined;
export const settings: Settings = { ...DEFAULT_SETTINGS, maxSeats: PLAYERS, ...(PRESET ? { preset: PRESET } : {}) };
export const audiences: Audience[] = [...Array.from({ length: PLAYERS }, (_, seat) => ({ kind: 'seat', seat }) as const), { kind: 'spectator' }];

interface GameStats { events: number; views: number; finished: boolean; checksum: number }

/** A tree's rules: its machine, its views and (when it has one) its room view cache. */
export interface Engine {
  machine: AnyStateMachine;
  viewFor: (ctx: GameContext, audience: Audience, cache?: ViewCache) => ViewBody;
  Cache?: new () => ViewCache;
}
export const THIS: Engine = { machine: gameMachine, viewFor, Cache: ViewCache };
export const BASE: Engine | null = BASELINE ? await import(`${BASELINE}/shared/game/index.ts`).then((m) => ({ machine: m.gameMachine, viewFor: m.viewFor, Cache: m.ViewCache })) : null;

/**
 * One game: after every event, every audience's view is computed, and the actors answer the
 * prompts those very views carry (as a bot would), with the odd timer expiry and chat line.
 * With `log`, every event sent is kept (for `--split`), and the time the actors take to answer is added up. */
export function playGame(seed: number, engine: Engine, log?: { events: GameEvent[]; actorsMs: number }): GameStats {
  const rng = mulberry32(seed ^ 0x9e3779b9);
  const int = (n: number) => Math.floor(rng() * n);
  const actor = createActor(engine.machine, { input: { settings } }).start();
  let now = 1_000_000;
  let events = 0;
  let views = 0;
  let checksum = 0;
  const current: ViewBody[] = new Array(audiences.length);
  // One per room, as the room's broadcaster holds it.
  const cache = engine.Cache ? new engine.Cache() : undefined;
  const view = engine.viewFor;
  const observe = () => {
    const ctx = actor.getSnapshot().context as GameContext;
    for (let i = 0; i < audiences.length; i++) current[i] = view(ctx, audiences[i], cache);
    views += audiences.length;
    checksum = (checksum + current[PLAYERS].players.length + (current[0].you?.prompt ? 1 : 0)) | 0;
  };
  const send = (e: GameEvent) => { log?.events.push(e); actor.send(e); events++; observe(); };

  for (let i = 0; i < PLAYERS; i++) send({ type: 'room.join', now, name: `P${i}` });
  send({ type: 'game.start', now, seat: 0, seed });
  // Seats whose view asks for something; one of them answers, or a timer fires, or someone chats.
  const asked: number[] = [];
  while (current[PLAYERS].phase !== 'over' && events < MAX_EVENTS) {
    now += 100 + int(900);
    asked.length = 0;
    for (let i = 0; i < PLAYERS; i++) {
      const prompt = current[i].you?.prompt;
      if (prompt && !(prompt.kind === 'ready' && prompt.done)) asked.push(i);
    }
    const pub = current[PLAYERS];
    if (asked.length === 0 || rng() < 0.05) {
      send({ type: 'timer.expired', now: Math.max(now, pub.deadline ?? now), phaseId: pub.phaseId });
    } else if (rng() < 0.1) {
      let seat = int(PLAYERS);
      while (!pub.players[seat].alive) seat = (seat + 1) % PLAYERS;
      send({ type: 'chat.send', now, seat, channel: pub.phase === 'night' ? 'wolves' : 'day', text: 'hello' });
    } else {
      const seat = asked[int(asked.length)];
      // The bots' random strategy is the one table of random answers.
      const t0 = log ? performance.now() : 0;
      const view = { ...current[seat], version: 0 };
      const d = random(view, { rng, urgent: false }).find((x) => !settled(view, x));
      if (log) log.actorsMs += performance.now() - t0;
      if (d) send({ ...toEvent(seat, d), now } as GameEvent); else send({ type: 'timer.expired', now: Math.max(now, pub.deadline ?? now), phaseId: pub.phaseId });
    }
  }
  actor.stop();
  return { events, views, finished: current[PLAYERS].phase === 'over', checksum };
}

/** Process CPU time in ms: steadier than the wall clock when other work shares the cores. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function runEngine(games: number, firstSeed: number, engine: Engine = THIS) {
  let events = 0, views = 0, finished = 0, checksum = 0;
  const c0 = cpuMs();
  const t0 = performance.now();
  for (let g = 0; g < games; g++) {
    const s = playGame(firstSeed + g, engine);
    events += s.events; views += s.views; checksum ^= s.checksum;
    if (s.finished) finished++;
  }
  return { ms: performance.now() - t0, cpu: cpuMs() - c0, events, views, finished, checksum };
}
