import type { Prompt, YouView } from '../../views.ts';
import type { NightAction } from '../types.ts';

/**
 * A role's bot play: what a bot believes, the day play a role declares, and the helpers roles use
 * to choose (re-exported by ./role.ts, so a role module imports everything from one place).
 */

/** A role's day play for the reasoning bot, beside its night play (`night.bot`). */
export interface SeatBot {
  /** A role this seat poses as by day, with made-up results (the possessed claims the seer). */
  claims?: 'seer';
  /** Seats this seat wants the village to execute, from what only it knows (the sorceress's seer). */
  marks?(you: YouView): number[];
  /** Seats the pack's bots attack first, from what the pack learned of this role (a little girl caught peeking). */
  preys?(you: YouView): number[];
}

/** One finding a role may report by day (RoleModule.reports). */
export interface Report { seat: number; team: 'village' | 'wolves'; how: 'divined' | 'identified' }

/**
 * What a bot believes, as client/bot computes it from its own view (the interface lives here so a
 * role's bot play needs nothing from client/). Suspicion is higher for likelier wolves.
 */
export interface BotBeliefs {
  suspicion(seat: number): number;
  /** The claimed seer this seat believes, or null. */
  trusted: number | null;
  /** The same, as an ordinary villager would see it (wolves blend in with this). */
  publicSuspicion(seat: number): number;
  publicTrusted: number | null;
  /** Seats that claimed to be the seer, as the village heard it. */
  publicSeers: number[];
  day: number;
  /** The victims the seat's packmates who are people proposed in the wolves' chat tonight (`attack` talk), latest last. */
  packWants?: number[];
  /** The phase is about to end: answer now rather than wait. */
  urgent: boolean;
}

/** A role's bot play; absent parts default to random legal answers built from the form. */
export interface RoleBot {
  random?(p: Prompt, rng: () => number): NightAction | null;
  /** The reasoning bot; null waits (asked again when the view changes, and urgently before the end). */
  smart?(p: Prompt, you: YouView, beliefs: BotBeliefs, rng: () => number): NightAction | null;
}

/** The seat with the highest score among `seats`, ties broken by `noise`; undefined when empty (bot play). */
export function best(seats: readonly number[], score: (s: number) => number, noise: () => number): number | undefined {
  let top: number | undefined;
  let topScore = -Infinity;
  for (const s of seats) {
    const v = score(s) + noise() * 0.5;
    if (v > topScore) { top = s; topScore = v; }
  }
  return top;
}

/** The one seat with the most votes in a tally (seat → votes), or null when none or tied (day actions' bot play). */
export function leader(tally: Readonly<Record<number, number>>): number | null {
  let top: number | null = null;
  let max = 0;
  for (const [seat, n] of Object.entries(tally)) {
    if (n > max) { max = n; top = Number(seat); } else if (n === max) top = null;
  }
  return top;
}

/** A uniform choice by the bot's own rng; undefined when empty. */
export function anyOf<T>(rng: () => number, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(rng() * items.length)];
}
