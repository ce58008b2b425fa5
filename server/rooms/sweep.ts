import type { GameContext } from '../../shared/game/index.ts';

/** What the sweep does with a room: keep it, or close it once it has been so for `afterMs`. */
export type Fate =
  | { kind: 'keep' }
  | { kind: 'close'; why: Why; afterMs: number };

/**
 * - `released`: no game runs and nobody is there to play one (an emptied lobby, a finished game
 *   nobody looks at): closed at once.
 * - `unclaimed`: a lobby no human sits in (never joined, or only bots): closed quickly.
 * - `waiting`: a lobby whose humans are all disconnected: the host may come back.
 * - `abandoned`: a game in progress with no connection at all: its players may come back; when
 *   its time comes the rules end it with no winner (R16, `game.abandon`), its record is kept, and
 *   the room, now over with nobody there, is released.
 */
export type Why = 'released' | 'unclaimed' | 'waiting' | 'abandoned';

export interface SweepGraces { emptyGraceMs: number; unclaimedGraceMs: number }

/** What the sweep reads of a room: its rules context, its spectators, and whether anything ever happened in it. */
export interface Swept { context: GameContext; spectators: number; everJoined: boolean }

/** The room's fate from its presence and context alone (never from who holds its sockets elsewhere). */
export function fateOf(room: Swept, g: SweepGraces): Fate {
  const { context: ctx, spectators } = room;
  const seated = ctx.players.filter((p) => !p.left);
  const humans = seated.filter((p) => !p.bot);
  const humanHere = humans.some((p) => p.connected);
  if (ctx.phase !== 'lobby' && ctx.phase !== 'over') {
    // A game in progress is never closed while anyone (a bot, a spectator) is still connected to it.
    if (spectators > 0 || seated.some((p) => p.connected)) return { kind: 'keep' };
    return { kind: 'close', why: 'abandoned', afterMs: g.emptyGraceMs };
  }
  if (ctx.phase === 'over') return humanHere || spectators > 0 ? { kind: 'keep' } : { kind: 'close', why: 'released', afterMs: 0 };
  if (humans.length > 0) return humanHere || spectators > 0 ? { kind: 'keep' } : { kind: 'close', why: 'waiting', afterMs: g.emptyGraceMs };
  // A lobby no human sits in. A room just created waits a moment for its creator's join; bots or
  // spectators alone keep it only briefly; an emptied one goes at once.
  if (!room.everJoined || spectators > 0 || seated.some((p) => p.connected)) return { kind: 'close', why: 'unclaimed', afterMs: g.unclaimedGraceMs };
  return { kind: 'close', why: 'released', afterMs: 0 };
}
