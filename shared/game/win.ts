import type { Outcome } from '../views.ts';
import { ROLE_LIST, teamOf } from './roles/index.ts';
import type { Team } from '../roles.ts';
import type { GameContext, Player } from './types.ts';

/** Lovers linked across village and wolves form a team of their own (R50). */
export function crossLovers(ctx: GameContext): [number, number] | null {
  const a = ctx.players.find((p) => p.lover !== null);
  if (!a || a.lover === null) return null;
  const b = ctx.players.find((p) => p.seat === a.lover);
  if (!b || !a.role || !b.role) return null;
  const wolves = [a, b].filter((p) => teamOf(p.role!) === 'wolves').length;
  return wolves === 1 ? [a.seat, b.seat] : null;
}

/**
 * The team a seat plays for: its role's, or `lovers` for a cross-team lover (R50). Known to the
 * lover himself from the dawn that links him, and to everyone at game over (R72, R78).
 */
export function teamOfPlayer(ctx: GameContext, p: Player): Team {
  if (p.lover !== null && p.role && crossLovers(ctx)?.includes(p.seat)) return 'lovers';
  return teamOf(p.role!);
}

function members(ctx: GameContext, team: 'village' | 'wolves'): number[] {
  const cross = crossLovers(ctx);
  return ctx.players.filter((p) => p.role && teamOf(p.role) === team && !cross?.includes(p.seat)).map((p) => p.seat);
}

const ON_EXECUTION = ROLE_LIST.filter((r) => r.on?.execution);

/**
 * The win check (R51–R56), in precedence order: a role's win on execution (the tanner's), cross-team
 * lovers last alive, nobody alive, no werewolf alive, werewolves at least as many as the others.
 */
export function checkOutcome(ctx: GameContext): Outcome | null {
  const executed = ctx.executed === null ? undefined : ctx.players.find((p) => p.seat === ctx.executed);
  if (executed) {
    for (const r of ON_EXECUTION) {
      const won = r.on!.execution!(ctx, executed);
      if (won) return won;
    }
  }
  const living = ctx.players.filter((p) => p.alive);
  const cross = crossLovers(ctx);
  if (cross && living.length === 2 && cross.every((s) => living.some((p) => p.seat === s))) {
    return { winner: 'lovers', seats: cross, reason: 'The lovers are the last two alive.' };
  }
  if (living.length === 0) return { winner: 'nobody', seats: [], reason: 'Nobody is left alive.' };
  const wolves = living.filter((p) => p.role !== null && teamOf(p.role) === 'wolves').length;
  if (wolves === 0) return { winner: 'village', seats: members(ctx, 'village'), reason: 'No werewolf is left alive.' };
  if (wolves >= living.length - wolves) return { winner: 'wolves', seats: members(ctx, 'wolves'), reason: 'The werewolves are as many as the others.' };
  return null;
}
