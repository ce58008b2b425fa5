import type { RoleId } from '../roles.ts';
import { registry } from './roles/registry.ts';
import type { GameContext, Player } from './types.ts';

/**
 * Facts derived from a players array, each computed when read: a room holds a dozen seats, so a
 * scan costs less than any cache of it would, and the rules keep no state between calls.
 */
class Derived {
  constructor(private players: readonly Player[]) {}
  get living(): number[] { return this.seats((p) => p.alive); }
  /** Werewolf seats, living or dead. */
  get wolves(): number[] { return this.seats((p) => inPack(p.role)); }
  get livingWolves(): number[] { return this.seats((p) => p.alive && inPack(p.role)); }
  /** Living seats that are not werewolves (the pack's possible victims). */
  get livingPrey(): number[] { return this.seats((p) => p.alive && !inPack(p.role)); }
  private seats(keep: (p: Player) => boolean): number[] {
    const out: number[] = [];
    for (const p of this.players) if (keep(p)) out.push(p.seat);
    return out;
  }
}

/**
 * Whether a role belongs to the pack (it picks the victim with the others, reads the wolves' chat
 * and counts as a wolf for the parity win), as its module declares. Not the same as playing for the
 * wolves' team: a human on their side is no member of the pack.
 */
export function inPack(role: RoleId | null): boolean {
  return role !== null && registry.get(role)?.night?.pack === true;
}

/**
 * The role this seat is shown as its own while the game runs: its role, or the one its module says
 * it believes it holds (the fool thinks he is the seer); the truth at game over.
 */
export function shownRole(ctx: Pick<GameContext, 'phase'>, p: Player): RoleId | null {
  if (!p.role || ctx.phase === 'over') return p.role;
  return registry.get(p.role)?.believes ?? p.role;
}

/** Whether the village cannot win while this role lives (R85): the pack's roles, and those that say so. */
export function hostile(role: RoleId | null): boolean {
  return role !== null && (inPack(role) || registry.get(role)?.win?.hostile === true);
}

const teamOfRole = (role: RoleId) => registry.get(role)?.team ?? 'village';

/**
 * The lovers when they form a team of their own (R50, R198): linked across two teams of which one
 * is the wolves' or a hostile seat's (the serial killer). Lovers on one side, or a tanner and a
 * villager, stay on their sides.
 */
export function crossLovers(ctx: Pick<GameContext, 'players'>): [number, number] | null {
  const a = ctx.players.find((p) => p.lover !== null);
  if (!a || a.lover === null) return null;
  const b = ctx.players.find((p) => p.seat === a.lover);
  if (!b || !a.role || !b.role) return null;
  const [ta, tb] = [teamOfRole(a.role), teamOfRole(b.role)];
  if (ta === tb) return null;
  return ta === 'wolves' || tb === 'wolves' || hostile(a.role) || hostile(b.role) ? [a.seat, b.seat] : null;
}

export function derived(players: readonly Player[]): Derived {
  return new Derived(players);
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
