import { applyDeaths, player, secretShots, shooter } from './deaths.ts';
import type { EventOf, GameContext, Patch, Rejection } from './types.ts';

export function rejectShot(ctx: GameContext, e: EventOf<'hunter.shoot'>): Rejection {
  // A decoy's turn (R33) is nobody's shot; a secret shot, once taken, is final.
  if (ctx.phase !== 'hunter' || ctx.pendingShots[0] !== e.seat || !shooter(ctx, e.seat) || ctx.aim) return 'hunter/not-due';
  if (e.target !== null && (e.target === e.seat || !player(ctx, e.target)?.alive)) return 'action/invalid-target';
  return null;
}

/** A secret shot (R33) is only aimed now; the machine fires it when the phase ends. */
export function aim(target: number | null): Patch {
  return { aim: { target } };
}

/**
 * The hunter's shot (R30–R32); null, or the timer running out, shoots nobody. With secret shots
 * (R33) holding fire leaves no trace, so it looks like a decoy's turn.
 */
export function shoot(ctx: GameContext, target: number | null): Patch {
  const hunter = ctx.pendingShots[0];
  const pendingShots = ctx.pendingShots.slice(1);
  const secret = secretShots(ctx);
  const shot = { kind: 'shot' as const, day: ctx.day, hunter, seat: target };
  if (target === null) return { pendingShots, aim: null, timeline: secret ? ctx.timeline : [...ctx.timeline, shot] };
  const [after, died] = applyDeaths({ players: ctx.players, pendingShots, secrets: ctx.secrets, roles: ctx.roles, day: ctx.day }, [{ seat: target, cause: 'shot', publicCause: 'shot' }], 'grief', secret);
  const grief = died.filter((d) => d.cause === 'grief').map((d) => ({ kind: 'death' as const, day: ctx.day, seat: d.seat, cause: d.publicCause }));
  return { ...after, aim: null, timeline: [...ctx.timeline, shot, ...grief] };
}

/** The end of a hunter phase: the aimed secret shot, or nobody (R31, R33). */
export function fire(ctx: GameContext): Patch {
  return shoot(ctx, ctx.aim?.target ?? null);
}
