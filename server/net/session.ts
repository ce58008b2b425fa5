import type { Clock } from '../rooms/clock.ts';
import { type Audience, audienceKey, SPECTATORS, seatAudience } from '../rooms/audience.ts';
import { type Limits, perMinute, TokenBucket } from './ratelimit.ts';

/** What a connection is to the server: at most one room, as one seat or as a spectator. */
export class Session {
  roomId: string | null = null;
  seat: number | null = null;
  token: string | null = null;
  spectator = false;
  readonly commands: TokenBucket;
  /** Chat outside a seat (refused anyway); a seat's chat limit is shared by its connections (SeatChat). */
  readonly chat: TokenBucket;
  /** Rooms this connection may still create this minute (null: unlimited). */
  readonly rooms: TokenBucket | null;

  constructor(clock: Clock, limits: Limits) {
    const now = clock.now();
    this.commands = new TokenBucket(limits.commandBurst, limits.commandsPerSecond, now);
    this.chat = new TokenBucket(limits.chatBurst, limits.chatPerSecond, now);
    this.rooms = perMinute(limits.roomsPerMinutePerConnection, now);
  }

  get audience(): Audience | null {
    if (this.roomId === null) return null;
    return this.seat !== null ? seatAudience(this.seat) : this.spectator ? SPECTATORS : null;
  }

  clear(): void {
    this.roomId = null;
    this.seat = null;
    this.token = null;
    this.spectator = false;
  }
}

/** Socket.IO room names: every audience of every room, plus one for all of a room's members. */
export const channel = (roomId: string, audience: Audience | 'all') => `${roomId}|${audience === 'all' ? 'all' : audienceKey(audience)}`;
export const LOBBY_CHANNEL = 'lobby';
