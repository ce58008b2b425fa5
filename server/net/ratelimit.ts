/** A token bucket: `capacity` commands at once, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(private capacity: number, private perSecond: number, now: number) {
    this.tokens = capacity;
    this.last = now;
  }
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
  /** Back to capacity: forgetting the bucket would change nothing. */
  full(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.capacity;
  }
  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}

/** `n` a minute, all of them at once at most; null when n is 0 (unlimited). */
export const perMinute = (n: number, now: number): TokenBucket | null => (n > 0 ? new TokenBucket(n, n / 60, now) : null);

/** Every per-client limit of the gateway (README's configuration table has the env vars). */
export interface Limits {
  commandsPerSecond: number;
  commandBurst: number;
  /** Chat, per seat: every connection of one seat on this node shares it. */
  chatPerSecond: number;
  chatBurst: number;
  /** Rooms created a minute, per address and per connection (0: unlimited). */
  roomsPerMinute: number;
  roomsPerMinutePerConnection: number;
  /** In-server bots added with bot:add a minute, per address (0: unlimited). */
  botsPerMinute: number;
  /** Open connections per address; the server's own bots are not counted (0: unlimited). */
  connectionsPerAddress: number;
}
