import type { Audience } from '../../shared/game/index.ts';

export type { Audience };

/**
 * An audience as a string: a key of the view tracker's maps (and of stored view versions) and the
 * tail of a Socket.IO room name. Built here only, never parsed back: code that needs the seat
 * keeps the Audience itself.
 */
export type AudienceKey = `seat:${number}` | 'spectators';

export const audienceKey = (a: Audience): AudienceKey => (a.kind === 'seat' ? `seat:${a.seat}` : 'spectators');

export const seatAudience = (seat: number): Audience => ({ kind: 'seat', seat });
export const SPECTATORS: Audience = { kind: 'spectator' };

export const sameAudience = (a: Audience | null, b: Audience | null): boolean =>
  a === b || (a !== null && b !== null && audienceKey(a) === audienceKey(b));
