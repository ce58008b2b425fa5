/**
 * Engine benchmark: complete 10-player games played in process by random legal actors, with every
 * audience's view (10 seats and a spectator) computed after every event, next to a bare XState
 * machine (one assign counter) driven with the same number of events in the same run.
 *
 *   npm run bench:engine [-- --games 2000 --rounds 3 --preset chaos --baseline DIR]
 *
 * With `--baseline DIR` (a checkout of another commit, e.g. `git archive e1ce15e | tar -x -C DIR`
 * with a node_modules link) that tree's machine and views play the same seeds with the same actors
 * in the same process, in alternate rounds, so a busy machine slows both alike; its figures and
 * the ratio of the two come out beside this tree's.
 *
 * With `--split`, the events of the games are then replayed through each tree's machine alone and
 * with the views, so the time of one event is split into the machine's, the views' and the
 * actors' (the bench loop's own is what is left).
 *
 * The last line printed is one JSON object with the figures.
 */
import { assign, createActor, setup, type AnyStateMachine } from 'xstate';
import { gameMachine, ViewCache, viewFor, type Audience, type GameContext, type GameEvent, type ViewBody } from '../shared/game/index.ts';
import { DEFAULT_SETTINGS } from '../shared/defaults.ts';
import type { Settings } from '../shared/settings.ts';
import { settled } from '../client/bot/brain.ts';
import { mulberry32 } from '../client/bot/rng.ts';
import { toEvent } from '../client/bot/sim.ts';
import { random } from '../client/bot/strategies/index.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const GAMES = arg('games', 2000);
const ROUNDS = arg('rounds', 3);
const BASELINE = process.argv.includes('--baseline') ? process.argv[process.argv.indexOf('--baseline') + 1] : '';
/** Also say where the time of an event goes: the machine alone, the views, the actors (see split()). */
const SPLIT = process.argv.includes('--split');
const PLAYERS = 10;
const MAX_EVENTS = 2000;

/** The game mode (docs/rules.md R230); Classic unless `--preset` names another. */
const presetAt = process.argv.indexOf('--preset');
const PRESET = presetAt >= 0 ? (process.argv[presetAt + 1] as Settings['preset']) : undefined;
const settings: Settings = { ...DEFAULT_SETTINGS, maxSeats: PLAYERS, ...(PRESET ? { preset: PRESET } : {}) };
const audiences: Audience[] = [...Array.from({ length: PLAYERS }, (_, seat) => ({ kind: 'seat', seat }) as const), { kind: 'spectator' }];

interface GameStats { events: number; views: number; finished: boolean; checksum: number }

/** A tree's rules: its machine, its views and (when it has one) its room view cache. */
interface Engine {
  machine: AnyStateMachine;
  viewFor: (ctx: GameContext, audience: Audience, cache?: ViewCache) => ViewBody;
  Cache?: new () => ViewCache;
}
const THIS: Engine = { machine: gameMachine, viewFor, Cache: ViewCache };
const BASE: Engine | null = BASELINE ? await import(`${BASELINE}/shared/game/index.ts`).then((m) => ({ machine: m.gameMachine, viewFor: m.viewFor, Cache: m.ViewCache })) : null;

/**
 * One game: after every event, every audience's view is computed, and the actors answer the
 * prompts those very views carry (as a bot would), with the odd timer expiry and chat line.
 */
/** With `log`, every event sent is kept (for `--split`), and the time the actors take to answer is added up. */
function playGame(seed: number, engine: Engine, log?: { events: GameEvent[]; actorsMs: number }): GameStats {
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
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function runEngine(games: number, firstSeed: number, engine: Engine = THIS) {
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

const bareMachine = setup({ types: { context: {} as { n: number }, events: {} as { type: 'tick'; now: number } } }).createMachine({
  id: 'bare',
  context: { n: 0 },
  on: { tick: { actions: assign({ n: ({ context }) => context.n + 1 }) } },
});

/** The same number of events through a trivial machine: XState's own floor on this machine. */
function runBare(events: number) {
  const actor = createActor(bareMachine).start();
  const c0 = cpuMs();
  const t0 = performance.now();
  for (let i = 0; i < events; i++) actor.send({ type: 'tick', now: i });
  const ms = performance.now() - t0;
  const cpu = cpuMs() - c0;
  if (actor.getSnapshot().context.n !== events) throw new Error('bare machine lost events');
  actor.stop();
  return { ms, cpu };
}

/** The best round of one engine, with the bare machine measured right after each of its rounds. */
class Best {
  gamesPerSec = 0; eventsPerSec = 0; viewsPerSec = 0; events = 0; finished = 0; cpuGamesPerSec = 0; cpuEventsPerSec = 0;
  bare = 0; bareCpu = 0;

  round(name: string, r: number, engine: Engine): void {
    const e = runEngine(GAMES, 1 + r * GAMES, engine);
    const b = runBare(e.events);
    const rate = (n: number, ms: number) => (n / ms) * 1000;
    console.log(
      `${name} round ${r + 1}: ${GAMES} games (${e.finished} finished), ${e.events} events, ${e.views} views in ${e.ms.toFixed(0)} ms ` +
        `(${e.cpu.toFixed(0)} ms CPU): ${rate(e.finished, e.ms).toFixed(0)} games/s, ${rate(e.events, e.ms).toFixed(0)} events/s, ` +
        `${rate(e.views, e.ms).toFixed(0)} views/s; bare machine ${rate(e.events, b.ms).toFixed(0)} events/s (checksum ${e.checksum})`,
    );
    if (rate(e.events, e.ms) > this.eventsPerSec) {
      Object.assign(this, { gamesPerSec: rate(e.finished, e.ms), eventsPerSec: rate(e.events, e.ms), viewsPerSec: rate(e.views, e.ms), events: e.events, finished: e.finished });
    }
    this.cpuGamesPerSec = Math.max(this.cpuGamesPerSec, rate(e.finished, e.cpu));
    this.cpuEventsPerSec = Math.max(this.cpuEventsPerSec, rate(e.events, e.cpu));
    this.bare = Math.max(this.bare, rate(e.events, b.ms));
    this.bareCpu = Math.max(this.bareCpu, rate(e.events, b.cpu));
  }

  figures() {
    const round = (x: number) => Math.round(x);
    return {
      gamesPerSec: round(this.gamesPerSec),
      eventsPerSec: round(this.eventsPerSec),
      bareEventsPerSec: round(this.bare),
      ratioToBare: Number((this.eventsPerSec / this.bare).toFixed(3)),
      viewsPerSec: round(this.viewsPerSec),
      cpuGamesPerSec: round(this.cpuGamesPerSec),
      cpuEventsPerSec: round(this.cpuEventsPerSec),
      cpuBareEventsPerSec: round(this.bareCpu),
      eventsPerGame: Number((this.events / GAMES).toFixed(1)),
      finished: this.finished,
    };
  }
}

/**
 * CPU µs per event: this tree's games played once more with their events kept, then those very
 * events replayed through each tree's machine alone and with every audience's view after each
 * (best of the rounds); the views' time is the difference.
 */
function splitTime() {
  const log = { events: [] as GameEvent[], actorsMs: 0 };
  const logs: GameEvent[][] = [];
  const c0 = cpuMs();
  for (let g = 0; g < GAMES; g++) { log.events = []; playGame(1 + g, THIS, log); logs.push(log.events); }
  const loopMs = cpuMs() - c0;
  const events = logs.reduce((n, l) => n + l.length, 0);
  const replay = (engine: Engine, views: boolean) => {
    const t0 = cpuMs();
    for (const l of logs) {
      const actor = createActor(engine.machine, { input: { settings } }).start();
      const cache = engine.Cache ? new engine.Cache() : undefined;
      for (const e of l) {
        actor.send(e);
        if (views) { const ctx = actor.getSnapshot().context as GameContext; for (const a of audiences) engine.viewFor(ctx, a, cache); }
      }
      actor.stop();
    }
    return ((cpuMs() - t0) * 1000) / events;
  };
  const us = (x: number) => Number(x.toFixed(2));
  // The trees alternate round by round (as the games do), so a load that comes and goes slows both alike.
  const engines = BASE ? [THIS, BASE] : [THIS];
  const best = engines.map(() => ({ machine: Infinity, withViews: Infinity }));
  for (let r = 0; r < ROUNDS; r++) {
    engines.forEach((engine, i) => {
      best[i].machine = Math.min(best[i].machine, replay(engine, false));
      best[i].withViews = Math.min(best[i].withViews, replay(engine, true));
    });
  }
  const per = (i: number) => ({ machineUs: us(best[i].machine), viewsUs: us(best[i].withViews - best[i].machine) });
  const out = {
    loopUs: us((loopMs * 1000) / events),
    actorsUs: us((log.actorsMs * 1000) / events),
    ...per(0),
    ...(BASE ? { baseline: per(1) } : {}),
  };
  console.log(`per event, CPU: the bench loop ${out.loopUs} µs; the machine alone ${out.machineUs}, the views ${out.viewsUs}, the actors ${out.actorsUs}` +
    (out.baseline ? `; baseline: the machine ${out.baseline.machineUs}, the views ${out.baseline.viewsUs}` : ''));
  return out;
}

// Warm up every engine and the bare machine, then measure in alternation; report the best round of each.
runEngine(Math.min(500, GAMES), 1_000_000);
if (BASE) runEngine(Math.min(500, GAMES), 1_000_000, BASE);
runBare(300_000);
const mine = new Best();
const theirs = BASE ? new Best() : null;
for (let r = 0; r < ROUNDS; r++) {
  mine.round('this tree', r, THIS);
  if (theirs) theirs.round('baseline', r, BASE!);
}
const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
const split = SPLIT ? splitTime() : null;
console.log(JSON.stringify({
  ...mine.figures(),
  audiences: audiences.length,
  players: PLAYERS,
  games: GAMES,
  node: process.version,
  ...(theirs ? {
    baseline: { dir: BASELINE, ...theirs.figures() },
    // Same run, same seeds and actors: what this tree plays per second for each the baseline plays.
    gamesToBaseline: ratio(mine.gamesPerSec, theirs.gamesPerSec),
    cpuGamesToBaseline: ratio(mine.cpuGamesPerSec, theirs.cpuGamesPerSec),
  } : {}),
  ...(split ? { split } : {}),
}));
