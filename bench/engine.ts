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
 * With `--threads N` (default 1) each round's games are split over N worker threads playing at
 * once (engine-threads.ts): `gamesPerSec` is then one thread's rate (the mean of the threads', each
 * over its own wall time), `machineGamesPerSec` the box's (all games over the round's wall time),
 * and the CPU figures are per second of the whole process's CPU (Node 20 has no thread's own).
 *
 * The last line printed is one JSON object with the figures.
 */
import { assign, createActor, setup, type AnyStateMachine } from 'xstate';
import type { GameContext, GameEvent } from '../shared/game/index.ts';
import { arg, audiences, BASE, BASELINE, cpuMs, type Engine, GAMES, playGame, PLAYERS, ROUNDS, runEngine, settings, SPLIT, THIS } from './engine-games.ts';
import { type Played, Pool, type ThreadedRound } from './engine-threads.ts';

const THREADS = arg('threads', 1);

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
  bare = 0; bareCpu = 0; machineGamesPerSec = 0;

  /** A round played in this thread, or on the pool's threads (then its rates are the mean thread's). */
  round(name: string, r: number, e: Played | ThreadedRound): void {
    const b = runBare(e.events);
    const rate = (n: number, ms: number) => (n / ms) * 1000;
    const parts = 'parts' in e ? e.parts : [e];
    const mean = (f: (p: Played) => number) => parts.reduce((s, p) => s + f(p), 0) / parts.length;
    const thread = { games: mean((p) => rate(p.finished, p.ms)), events: mean((p) => rate(p.events, p.ms)), views: mean((p) => rate(p.views, p.ms)) };
    this.machineGamesPerSec = Math.max(this.machineGamesPerSec, rate(e.finished, e.ms));
    console.log(
      `${name} round ${r + 1}: ${GAMES} games (${e.finished} finished), ${e.events} events, ${e.views} views in ${e.ms.toFixed(0)} ms ` +
        `(${e.cpu.toFixed(0)} ms CPU): ${rate(e.finished, e.ms).toFixed(0)} games/s, ${rate(e.events, e.ms).toFixed(0)} events/s, ` +
        `${rate(e.views, e.ms).toFixed(0)} views/s; bare machine ${rate(e.events, b.ms).toFixed(0)} events/s (checksum ${e.checksum})`,
    );
    if (parts.length > 1) console.log(`  ${parts.length} threads at once: ${thread.games.toFixed(0)} games/s per thread (${parts.map((p) => rate(p.finished, p.ms).toFixed(0)).join(', ')}), ${rate(e.finished, e.ms).toFixed(0)} games/s for the box`);
    if (thread.events > this.eventsPerSec) {
      Object.assign(this, { gamesPerSec: thread.games, eventsPerSec: thread.events, viewsPerSec: thread.views, events: e.events, finished: e.finished });
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
      ...(THREADS > 1 ? { threads: THREADS, machineGamesPerSec: round(this.machineGamesPerSec) } : {}),
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
const pool = THREADS > 1 ? await Pool.start(THREADS) : null;
const play = (engine: 'this' | 'base', games: number, firstSeed: number) =>
  pool ? pool.round(engine, games, firstSeed) : Promise.resolve(runEngine(games, firstSeed, engine === 'base' ? BASE! : THIS));
await play('this', Math.min(500, GAMES), 1_000_000);
if (BASE) await play('base', Math.min(500, GAMES), 1_000_000);
runBare(300_000);
const mine = new Best();
const theirs = BASE ? new Best() : null;
for (let r = 0; r < ROUNDS; r++) {
  mine.round('this tree', r, await play('this', GAMES, 1 + r * GAMES));
  if (theirs) theirs.round('baseline', r, await play('base', GAMES, 1 + r * GAMES));
}
await pool?.close();
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
