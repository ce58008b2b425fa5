import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { K } from '../store/keys.ts';

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * Room ownership: a room runs on the node that holds its lease, a Redis key with a TTL and a
 * random token. The owner renews it; every store write checks the token (fencing), so a node
 * that lost its lease (paused, partitioned) can never write again.
 */
export class Leases {
  private held = new Map<string, string>();
  /** When (local monotonic clock, ms) the last acquire or renewal that succeeded was sent. */
  private renewedAt = new Map<string, number>();
  /** A lease is trusted until renewedAt + ttl - margin: the margin covers clock drift and latency. */
  private readonly marginMs: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(private redis: Redis, readonly instance: string, private ttlMs: number, private log: Logger, private onLost: (roomId: string) => void, private now: () => number = () => performance.now()) {
    this.marginMs = Math.max(200, Math.floor(ttlMs / 4));
  }

  /** The lease value a write must find for `roomId`, or undefined when this node does not own it. */
  token(roomId: string): string | undefined { return this.held.get(roomId); }
  owns(roomId: string): boolean { return this.held.has(roomId); }

  /**
   * Whether this node may serve the room now: it holds the lease and, by its own clock, the
   * lease cannot have expired in Redis yet. A node that was paused past its lease learns it here,
   * before its first renewal attempt fails, so its halted copy never answers (docs/scaling.md).
   */
  trusted(roomId: string): boolean {
    const at = this.renewedAt.get(roomId);
    return this.held.has(roomId) && at !== undefined && this.now() < at + this.ttlMs - this.marginMs;
  }

  /** Trusted now, or renewed just now (a lease held but past its trusted time); false otherwise. */
  async confirm(roomId: string): Promise<boolean> {
    if (this.trusted(roomId)) return true;
    if (!this.held.has(roomId)) return false;
    await this.renew(roomId);
    return this.trusted(roomId);
  }
  count(): number { return this.held.size; }

  /** Take the lease if nobody holds it. */
  async acquire(roomId: string): Promise<boolean> {
    const value = `${this.instance}|${randomBytes(8).toString('hex')}`;
    const sent = this.now();
    const ok = await this.redis.set(K.lease(roomId), value, 'PX', this.ttlMs, 'NX');
    if (ok === 'OK') { this.held.set(roomId, value); this.renewedAt.set(roomId, sent); }
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
    this.renewedAt.delete(roomId);
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
    // All at once (ioredis pipelines them): each lease's trust runs from its own renewal's send time.
    await Promise.all([...this.held.keys()].map((roomId) => this.renew(roomId)));
  }

  /** One renewal; its send time is when the new TTL began at the latest. A lease found gone or taken is given up. */
  private async renew(roomId: string): Promise<void> {
    const value = this.held.get(roomId);
    if (!value) return;
    const sent = this.now();
    let renewed: unknown;
    try {
      renewed = await this.redis.eval(RENEW, 1, K.lease(roomId), value, String(this.ttlMs));
    } catch {
      // Redis is away: keep the room; its writes fail meanwhile, and nobody else can take it.
      // Trust runs out by the local clock all the same, so the copy stops answering.
      return;
    }
    if (this.held.get(roomId) !== value) return;
    if (renewed === 1) { this.renewedAt.set(roomId, Math.max(sent, this.renewedAt.get(roomId) ?? 0)); return; }
    this.held.delete(roomId);
    this.renewedAt.delete(roomId);
    this.log.warn({ roomId }, 'lease lost; another node may own the room now');
    this.onLost(roomId);
  }
}
