import type { Outcome } from '../views.ts';
import { ROLE_LIST, teamOf } from './roles/index.ts';
import { crossLovers, hostile, inPack } from './derived.ts';
import type { Team } from '../roles.ts';
import type { GameContext, Player } from './types.ts';

// Where they were first declared; they live in derived.ts so that a role module may ask them.
export { crossLovers, hostile } from './derived.ts';

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
const SOLO_WINS = ROLE_LIST.filter((r) => r.win?.check);

/**
 * The win check (R51–R56, R85), in precedence order: a role's win on execution (the tanner's), a
 * solo role's own win (in role order, for the roles dealt), cross-team lovers last alive, nobody
 * alive, no hostile seat alive (the village), the pack at least as many as the others with no other
 * hostile seat alive (the wolves): a pack member of a team of his own stops it while anyone outside
 * the pack lives (R124). A human
 * on the wolves' side counts with the others (R101).
 */
export function checkOutcome(ctx: GameContext): Outcome | null {
  const executed = ctx.executed === null ? undefined : ctx.players.find((p) => p.seat === ctx.executed);
  if (executed) {
    for (const r of ON_EXECUTION) {
      const won = r.on!.execution!(ctx, executed);
      if (won) return won;
    }
  }
  for (const r of SOLO_WINS) {
    if (!ctx.players.some((p) => p.role === r.id)) continue;
    const won = r.win!.check!(ctx);
    if (won) return won;
  }
  const living = ctx.players.filter((p) => p.alive);
  const cross = crossLovers(ctx);
  if (cross && living.length === 2 && cross.every((s) => living.some((p) => p.seat === s))) {
    return { winner: 'lovers', seats: cross, reason: 'The lovers are the last two alive.' };
  }
  if (living.length === 0) return { winner: 'nobody', seats: [], reason: 'Nobody is left alive.' };
  let pack = 0;
  let rivals = 0;
  let others = 0;
  for (const p of living) {
    // A member of the pack with a team of his own (the white werewolf) is its rival (R124).
    if (inPack(p.role)) { if (teamOf(p.role!) === 'wolves') pack++; else rivals++; }
    else if (hostile(p.role)) others++;
  }
  if (pack === 0 && rivals === 0 && others === 0) return { winner: 'village', seats: members(ctx, 'village'), reason: 'No werewolf is left alive.' };
  // A rival in the pack stops its win while anyone outside the pack lives (R124).
  const parity = rivals === 0 ? pack >= living.length - pack : pack + rivals === living.length;
  if (pack > 0 && others === 0 && parity) return { winner: 'wolves', seats: members(ctx, 'wolves'), reason: 'The werewolves are as many as the others.' };
  return null;
}
