import type { Outcome } from '../views.ts';
import type { GameContext } from './types.ts';

/** How an abandoned game ends: nobody wins (docs/rules.md R16). */
export const ABANDONED: Outcome = { winner: 'nobody', seats: [], reason: 'abandoned: nobody was connected any more' };

/**
 * A game in progress that no seated player is connected to may be abandoned (R16). How long it
 * must stay so, and whether a spectator still watches, is the room's sweep to judge (it sends
 * `game.abandon`); the rules only refuse to end a game someone is still playing.
 */
export function abandonable(ctx: GameContext): boolean {
  if (ctx.phase === 'lobby' || ctx.phase === 'over') return false;
  return ctx.players.every((p) => p.left || !p.connected);
}
