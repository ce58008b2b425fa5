import type { ChatMessage, GameView, Talk } from '../../sdk/index.ts';
import { assertions, type Claim } from '../claims.ts';

/**
 * What a seat has already said, read back from its own messages in the view: a bot keeps no
 * memory of its talk, so what it says stays a pure function of its view.
 */
export interface Spoken {
  /** All its day messages, oldest first. */
  all: ChatMessage[];
  /** Those of the current phase. */
  now: ChatMessage[];
  /** Every statement it has made. */
  claims: Claim[];
  /** The messages it answered (agreed or disagreed with). */
  answered: Set<number>;
}

/**
 * When the current phase began: its deadline less its duration (both fixed on entry, R9).
 * With no deadline the phase is untimed, and the whole chat counts as now.
 */
export function phaseStart(view: GameView): number {
  const seconds = (view.settings.durations as Record<string, number>)[view.phase];
  return view.deadline === null || seconds === undefined ? -Infinity : view.deadline - seconds * 1000;
}

export function spoken(view: GameView, me: number): Spoken {
  const all = view.chat.filter((m) => m.channel === 'day' && m.seat === me);
  const start = phaseStart(view);
  const claims = all.flatMap((m) => (m.talk ? assertions(m.talk, me) : []));
  const answered = new Set<number>();
  for (const c of claims) if ((c.kind === 'agree' || c.kind === 'disagree') && c.ref.channel === 'day') answered.add(c.ref.id);
  return { all, now: all.filter((m) => m.at >= start), claims, answered };
}

export const same = (a: Talk, b: Talk | undefined) => b !== undefined && JSON.stringify(a) === JSON.stringify(b);

/**
 * A stable number in [0, 1) per bot (its `seed`), game, day and purpose (`salt`), for choices that
 * must not change from one call to the next within a day.
 */
export function daily(view: GameView, me: number, salt: number, seed: number): number {
  let h = Math.imul(view.gameNo * 31 + view.day, 0x9e3779b1) ^ Math.imul(me + 1, 0x85ebca6b) ^ Math.imul(salt, 0xc2b2ae35) ^ Math.imul(seed | 0, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return ((h ^ (h >>> 15)) >>> 0) / 2 ** 32;
}
