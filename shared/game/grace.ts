import { player } from './deaths.ts';
import type { GameContext } from './types.ts';

/**
 * The seat grace (R13): a human's seat that nobody holds a connection to, before or after a
 * game, is given up once the grace runs out. Bots are never given up this way, and during a game
 * R15 holds. The machine announces `grace.started` when a seat comes under this rule; the room
 * sends `grace.expired` after `SEAT_GRACE_S`, and the rules accept it only if it still holds.
 */
export function graceApplies(ctx: GameContext, seat: number): boolean {
  const p = player(ctx, seat);
  return p !== undefined && !p.left && !p.bot && !p.connected && (ctx.phase === 'lobby' || ctx.phase === 'over');
}
