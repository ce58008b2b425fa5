import type { GameEvent } from '../game/index.ts';

type WithoutNow<E> = E extends GameEvent ? Omit<E, 'now'> : never;
/** A rules event as the transport builds it: the room stamps the clock (and the seed of a start). */
export type GameMove =
  | WithoutNow<Exclude<GameEvent, { type: 'timer.expired' | 'player.join' | 'player.connection' | 'game.start' }>>
  | { type: 'game.start'; seat: number };

/** The inputs of a room's queue, processed one at a time in arrival order. */
export type RoomCommand =
  | { type: 'join'; name: string; bot?: boolean }
  | { type: 'game'; event: GameMove }
  | { type: 'timer'; phaseId: number }
  | { type: 'presence'; seat: number; connected: boolean };
