import type { GameContext, GameEffect, GameEvent } from '../../shared/game/index.ts';

type WithoutNow<E> = E extends GameEvent ? Omit<E, 'now'> : never;
/** A rules event as the transport builds it: the room stamps the clock (and the seed of a start). */
export type GameMove =
  | WithoutNow<Exclude<GameEvent, { type: 'timer.expired' | 'grace.expired' | 'game.abandon' | 'room.join' | 'player.connection' | 'game.start' }>>
  | { type: 'game.start'; seat: number };

/** The inputs of a room's queue, processed one at a time in arrival order. */
export type RoomCommand =
  /** `hosted`: the strategy of a bot the server itself runs in this seat (server/bots/host.ts). */
  | { type: 'join'; name: string; bot?: boolean; creates?: boolean; hosted?: string }
  | { type: 'game'; event: GameMove }
  | { type: 'timer'; phaseId: number }
  /** A seat's grace ran out (the machine announced `grace.started` for it). */
  | { type: 'grace'; seat: number }
  /** The sweep found nobody connected to the game for the empty grace. */
  | { type: 'abandon' }
  | { type: 'presence'; seat: number; connected: boolean };

/**
 * The machine event for a command, stamped with the room's clock (and a fresh seed for a start);
 * null when there is nothing to do (a presence that did not change).
 */
export function toEvent(cmd: RoomCommand, now: number, ctx: GameContext, newSeed: () => number): GameEvent | null {
  switch (cmd.type) {
    case 'join': return { type: 'room.join', now, name: cmd.name, bot: cmd.bot, ...(cmd.creates ? { creates: true } : {}) };
    case 'timer': return { type: 'timer.expired', now, phaseId: cmd.phaseId };
    case 'grace': return { type: 'grace.expired', now, seat: cmd.seat };
    case 'abandon': return { type: 'game.abandon', now };
    case 'presence': {
      const p = ctx.players.find((x) => x.seat === cmd.seat);
      if (!p || p.connected === cmd.connected) return null;
      return { type: 'player.connection', now, seat: cmd.seat, connected: cmd.connected };
    }
    case 'game':
      if (cmd.event.type === 'game.start') return { ...cmd.event, now, seed: newSeed() };
      return { ...cmd.event, now } as GameEvent;
  }
}

/** What the ack of an accepted event carries, from what the machine announced: a joiner's seat and its new token, a chat message's id. */
export function ackData(effects: readonly GameEffect[], newToken: () => string): Record<string, unknown> {
  for (const fx of effects) {
    if (fx.type === 'seat.granted') return { seat: fx.seat, token: newToken() };
    if (fx.type === 'chat.posted') return { id: fx.message.id };
  }
  return {};
}
