import type { RoleId } from '../roles.ts';
import type { GameContext, Player } from './types.ts';

/**
 * Facts derived from a players array, computed when asked: a room holds a dozen seats, so a scan
 * costs less than any cache of it would, and the rules keep no state between calls.
 */
interface Derived {
  living: number[];
  /** Werewolf seats, living or dead. */
  wolves: number[];
  livingWolves: number[];
  /** Living seats that are not werewolves (the pack's possible victims). */
  livingPrey: number[];
}

export function derived(players: readonly Player[]): Derived {
  const living: number[] = [];
  const wolves: number[] = [];
  const livingWolves: number[] = [];
  const livingPrey: number[] = [];
  for (const p of players) {
    const wolf = p.role === 'werewolf';
    if (wolf) wolves.push(p.seat);
    if (!p.alive) continue;
    living.push(p.seat);
    if (wolf) livingWolves.push(p.seat);
    else livingPrey.push(p.seat);
  }
  return { living, wolves, livingWolves, livingPrey };
}

export function seatOf(ctx: GameContext, seat: number): Player | undefined {
  // Seats are usually 0..n-1 in order, so the index is a fast first guess.
  const guess = ctx.players[seat];
  if (guess !== undefined && guess.seat === seat) return guess;
  for (const p of ctx.players) if (p.seat === seat) return p;
  return undefined;
}

export function livingSeats(ctx: GameContext): number[] {
  const out: number[] = [];
  for (const p of ctx.players) if (p.alive) out.push(p.seat);
  return out;
}

/** Living seats other than `seat`. */
export function livingExcept(ctx: GameContext, seat: number | null): number[] {
  const out: number[] = [];
  for (const p of ctx.players) if (p.alive && p.seat !== seat) out.push(p.seat);
  return out;
}

export function isLiving(ctx: GameContext, seat: number): boolean {
  return seatOf(ctx, seat)?.alive === true;
}

export function roleAt(ctx: GameContext, seat: number): RoleId | null {
  return seatOf(ctx, seat)?.role ?? null;
}
