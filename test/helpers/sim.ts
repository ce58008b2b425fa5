import type { Settings } from '../../shared/settings.ts';
import type { GameEvent, ViewBody } from '../../shared/game/index.ts';
import { nextRandom } from '../../shared/game/rng.ts';
import { settled } from '../../client/bot/brain.ts';
import type { Decision } from '../../client/bot/decision.ts';
import { type Move, playSim, type SimSnapshot, toEvent } from '../../client/bot/sim.ts';
import { random } from '../../client/bot/strategies/index.ts';

// The one simulator is client/bot/sim.ts and the one table of random answers is the bots' `random`
// strategy; this file only adapts them to the drivers' habits (a Dice, one move at a time, over
// a socket or into the machine).

export type Snap = SimSnapshot;
export type { Move };

/** A deterministic random source for drivers (not the game's own PRNG). */
export class Dice {
  constructor(private s: number) {}
  next(): number { const [v, s] = nextRandom(this.s); this.s = s; return v; }
  int(n: number): number { return Math.floor(this.next() * n); }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]; }
}

/** The bots' random answer to what this view asks; null when nothing is asked or it is already done. */
export function randomDecision(view: ViewBody, dice: Dice): Decision | null {
  const full = { ...view, version: 0 };
  return random(full, { rng: () => dice.next(), urgent: false }).find((d) => !settled(full, d)) ?? null;
}

/** The same answer as a machine event (without `now`), for drivers that feed the machine or a room directly. */
export function randomMove(seat: number, view: ViewBody, dice: Dice): Move | null {
  const d = randomDecision(view, dice);
  return d ? toEvent(seat, d) : null;
}

export interface SimOptions {
  players?: number;
  seed?: number;
  settings?: Partial<Settings>;
  /** Called after every event with the snapshot it led to. */
  onEvent?: (snap: Snap, event: GameEvent) => void;
  maxEvents?: number;
}

/**
 * One complete game of random bots, stirred with early timer expiries and chat lines so that the
 * property tests see unfinished phases and every channel; returns every event sent and the final snapshot.
 */
export function playRandomGame(opts: SimOptions = {}): { events: GameEvent[]; final: Snap } {
  const r = playSim({
    players: opts.players ?? 10, seed: opts.seed ?? 1, strategy: random, settings: opts.settings,
    maxEvents: opts.maxEvents ?? 5000, onEvent: opts.onEvent, stir: { expire: 0.05, chat: 0.15 }, mayNotStart: true,
  });
  return { events: r.log, final: r.snapshot };
}
