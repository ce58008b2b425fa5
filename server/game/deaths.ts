import type { DeathCause, PublicCause } from '../../shared/views.ts';
import { ROLE_MODULES } from './roles/index.ts';
import type { GameContext, Player } from './types.ts';

export interface Death { seat: number; cause: DeathCause; publicCause: PublicCause }

/**
 * Kill these seats at once (R28–R30): lovers follow in grief, dead hunters queue their shot unless
 * they left or idled out. Returns the new context and every seat that died, in order.
 */
export function applyDeaths(ctx: GameContext, deaths: Death[], griefCause: PublicCause = 'grief'): [GameContext, Death[]] {
  const players = ctx.players.map((p) => ({ ...p }));
  const bySeat = new Map<number, Player>(players.map((p) => [p.seat, p]));
  const queue = deaths.slice();
  const died: Death[] = [];
  const pendingShots = ctx.pendingShots.slice();
  const secrets = ctx.secrets.slice();
  while (queue.length > 0) {
    const d = queue.shift()!;
    const p = bySeat.get(d.seat);
    if (!p || !p.alive) continue;
    p.alive = false;
    p.death = { day: ctx.day, cause: d.cause, publicCause: d.publicCause };
    died.push(d);
    secrets.push({ kind: 'death', day: ctx.day, seat: p.seat, cause: d.cause });
    if (p.role && ROLE_MODULES[p.role].shootsOnDeath && d.cause !== 'afk' && d.cause !== 'left') pendingShots.push(p.seat);
    if (p.lover !== null && bySeat.get(p.lover)?.alive) queue.push({ seat: p.lover, cause: 'grief', publicCause: griefCause });
  }
  return [{ ...ctx, players, pendingShots, secrets }, died];
}

export function player(ctx: GameContext, seat: number): Player | undefined {
  return ctx.players.find((p) => p.seat === seat);
}
