import { applyDeaths, player } from './deaths.ts';
import type { EventOf, GameContext, Patch, Rejection } from './types.ts';

export function rejectShot(ctx: GameContext, e: EventOf<'hunter.shoot'>): Rejection {
  if (ctx.phase !== 'hunter' || ctx.pendingShots[0] !== e.seat) return 'hunter/not-due';
  if (e.target !== null && (e.target === e.seat || !player(ctx, e.target)?.alive)) return 'action/invalid-target';
  return null;
}

/** The hunter's shot (R30–R32); null, or the timer running out, shoots nobody. */
export function shoot(ctx: GameContext, target: number | null): Patch {
  const hunter = ctx.pendingShots[0];
  const pendingShots = ctx.pendingShots.slice(1);
  const shot = { kind: 'shot' as const, day: ctx.day, hunter, seat: target };
  if (target === null) return { pendingShots, timeline: [...ctx.timeline, shot] };
  const [after, died] = applyDeaths({ players: ctx.players, pendingShots, secrets: ctx.secrets, day: ctx.day }, [{ seat: target, cause: 'shot', publicCause: 'shot' }]);
  const grief = died.filter((d) => d.cause === 'grief').map((d) => ({ kind: 'death' as const, day: ctx.day, seat: d.seat, cause: d.publicCause }));
  return { ...after, timeline: [...ctx.timeline, shot, ...grief] };
}
