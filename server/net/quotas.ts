import { timingSafeEqual } from 'node:crypto';
import { perMinute, TokenBucket, type Limits } from './ratelimit.ts';

interface AddressEntry { connections: number; rooms: TokenBucket | null; bots: TokenBucket | null }

/**
 * The per-address quotas as the gateway asks them: answered here (AddressQuotas, one process) or by
 * the primary for every worker of the machine (server/proc/quotas.ts), so that an address holds
 * the limit on the whole server, not once per worker.
 */
export interface QuotaPort {
  admit(address: string, now: number): boolean | Promise<boolean>;
  release(address: string): void;
  takeRoom(address: string, now: number): boolean | Promise<boolean>;
  takeBot(address: string, now: number): boolean | Promise<boolean>;
  /** Addresses with an entry held here (bookkeeping that must go when the clients go). */
  readonly size: number;
}

/**
 * What one address may do on this node: how many connections it holds, and how many rooms and
 * bots it made lately. An entry goes once the address has no connection and its buckets are
 * full again, so reconnecting does not reset a quota and idle addresses cost nothing.
 */
export class AddressQuotas implements QuotaPort {
  private entries = new Map<string, AddressEntry>();
  private lastSweep = 0;

  constructor(private limits: Limits) {}

  /** A new connection from `address`; false (and nothing counted) when it holds too many. */
  admit(address: string, now: number): boolean {
    this.sweep(now);
    const e = this.entry(address, now);
    const max = this.limits.connectionsPerAddress;
    if (max > 0 && e.connections >= max) return false;
    e.connections += 1;
    return true;
  }

  release(address: string): void {
    const e = this.entries.get(address);
    if (e && e.connections > 0) e.connections -= 1;
  }

  takeRoom(address: string, now: number): boolean {
    const b = this.entry(address, now).rooms;
    return !b || b.take(now);
  }

  takeBot(address: string, now: number): boolean {
    const b = this.entry(address, now).bots;
    return !b || b.take(now);
  }

  get size(): number { return this.entries.size; }

  private entry(address: string, now: number): AddressEntry {
    let e = this.entries.get(address);
    if (!e) this.entries.set(address, (e = { connections: 0, rooms: perMinute(this.limits.roomsPerMinute, now), bots: perMinute(this.limits.botsPerMinute, now) }));
    return e;
  }

  /** At most once a minute, on a new connection: no timer to stop. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [address, e] of this.entries) {
      if (e.connections === 0 && (!e.rooms || e.rooms.full(now)) && (!e.bots || e.bots.full(now))) this.entries.delete(address);
    }
  }
}

/**
 * The chat limit of each seat, shared by every connection of the seat on this node (opening more
 * connections does not buy more messages). An entry lives while the seat has a connection here.
 */
export class SeatChat {
  private seats = new Map<string, { bucket: TokenBucket; connections: number }>();

  constructor(private limits: Pick<Limits, 'chatBurst' | 'chatPerSecond'>) {}

  attach(key: string, now: number): void {
    const e = this.seats.get(key);
    if (e) e.connections += 1;
    else this.seats.set(key, { bucket: new TokenBucket(this.limits.chatBurst, this.limits.chatPerSecond, now), connections: 1 });
  }

  detach(key: string): void {
    const e = this.seats.get(key);
    if (!e) return;
    if (--e.connections <= 0) this.seats.delete(key);
  }

  /** Null when the seat has no connection here (the command is then refused as not a member). */
  bucket(key: string): TokenBucket | null {
    return this.seats.get(key)?.bucket ?? null;
  }

  get size(): number { return this.seats.size; }
}

/**
 * A client's address for the quotas: the peer's, or behind `trustProxy` reverse proxies the
 * X-Forwarded-For entry that the outermost trusted proxy wrote (entries further left are the
 * client's own word and can be forged). An IPv4 client seen on an IPv6 socket counts as itself.
 */
export function clientAddress(peer: string, forwardedFor: string | string[] | undefined, trustProxy: number): string {
  let address = peer;
  if (trustProxy > 0 && forwardedFor) {
    const hops = [...String(forwardedFor).split(',').map((x) => x.trim()).filter(Boolean), peer];
    address = hops[Math.max(0, hops.length - 1 - trustProxy)];
  }
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** Whether a handshake presents this process's secret (the server's own bots), compared in constant time. */
export function isSecret(given: unknown, secret: string | undefined): boolean {
  if (!secret || typeof given !== 'string' || given.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(secret));
}
