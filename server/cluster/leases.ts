import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { K } from './keys.ts';

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * Room ownership: a room runs on the node that holds its lease, a Redis key with a TTL and a
 * random token. The owner renews it; every store write checks the token (fencing), so a node
 * that lost its lease (paused, partitioned) can never write again.
 */
export class Leases {
  private held = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private redis: Redis, readonly instance: string, private ttlMs: number, private log: Logger, private onLost: (roomId: string) => void) {}

  /** The lease value a write must find for `roomId`, or undefined when this node does not own it. */
  token(roomId: string): string | undefined { return this.held.get(roomId); }
  owns(roomId: string): boolean { return this.held.has(roomId); }
  count(): number { return this.held.size; }

  /** Take the lease if nobody holds it. */
  async acquire(roomId: string): Promise<boolean> {
    const value = `${this.instance}|${randomBytes(8).toString('hex')}`;
    const ok = await this.redis.set(K.lease(roomId), value, 'PX', this.ttlMs, 'NX');
    if (ok === 'OK') this.held.set(roomId, value);
    return ok === 'OK';
  }

  /** Who holds the lease: the owner's instance name, or null when it is free. */
  async owner(roomId: string): Promise<string | null> {
    const v = await this.redis.get(K.lease(roomId));
    return v ? v.split('|')[0] : null;
  }

  async release(roomId: string): Promise<void> {
    const value = this.held.get(roomId);
    this.held.delete(roomId);
    if (value) await this.redis.eval(RELEASE, 1, K.lease(roomId), value).catch(() => {});
  }

  /** Renew every held lease a few times per TTL; a lease found gone or taken is given up at once. */
  start(): void {
    const every = Math.max(100, Math.floor(this.ttlMs / 4));
    this.timer = setInterval(() => void this.renewAll(), every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async renewAll(): Promise<void> {
    for (const [roomId, value] of [...this.held]) {
      let renewed: unknown;
      try {
        renewed = await this.redis.eval(RENEW, 1, K.lease(roomId), value, String(this.ttlMs));
      } catch {
        // Redis is away: keep the room; its writes fail meanwhile, and nobody else can take it.
        continue;
      }
      if (renewed === 1 || this.held.get(roomId) !== value) continue;
      this.held.delete(roomId);
      this.log.warn({ roomId }, 'lease lost; another node may own the room now');
      this.onLost(roomId);
    }
  }
}
