import type { Logger } from 'pino';
import { AddressQuotas, type QuotaPort } from '../net/quotas.ts';
import type { Limits } from '../net/ratelimit.ts';
import type { Link } from './link.ts';

/**
 * `until`: when the worker stops waiting (this machine's clock, which both ends read). An ask that
 * reaches the primary later is not counted: the worker has decided alone, and counting it here too
 * would hold a connection the primary is never told to give back.
 */
type Ask = { op: 'admit' | 'room' | 'bot'; address: string; until?: number };

/**
 * The per-address quotas of the whole machine, kept by the primary: every worker asks it, so an
 * address holds CONNECTIONS_PER_ADDRESS connections (and makes ROOMS_PER_MINUTE rooms, ...) on the
 * server, not that many on each worker. The primary's clock counts. A worker that dies takes its
 * connections with it: what it had counted is given back.
 */
export class SharedQuotas {
  private quotas: AddressQuotas;
  /** Per worker, the connections it counted, by address. */
  private held = new Map<number, Map<string, number>>();

  constructor(limits: Pick<Limits, 'connectionsPerAddress' | 'roomsPerMinute' | 'botsPerMinute'>) {
    this.quotas = new AddressQuotas({ ...limits, commandsPerSecond: 0, commandBurst: 0, chatPerSecond: 0, chatBurst: 0, roomsPerMinutePerConnection: 0 });
  }

  serve(link: Link, worker: number): void {
    const held = new Map<string, number>();
    this.gone(worker);
    this.held.set(worker, held);
    link.handle('quota', (raw) => {
      const { op, address, until } = raw as Ask;
      const now = Date.now();
      if (until !== undefined && now > until) return null;
      if (op === 'room') return this.quotas.takeRoom(address, now);
      if (op === 'bot') return this.quotas.takeBot(address, now);
      const ok = this.quotas.admit(address, now);
      if (ok) held.set(address, (held.get(address) ?? 0) + 1);
      return ok;
    });
    link.onCast('quota.release', (raw) => {
      const { address } = raw as { address: string };
      const n = held.get(address) ?? 0;
      if (n === 0) return;
      if (n === 1) held.delete(address); else held.set(address, n - 1);
      this.quotas.release(address);
    });
  }

  /** A worker exited: the connections it held are closed. */
  gone(worker: number): void {
    for (const [address, n] of this.held.get(worker) ?? []) for (let i = 0; i < n; i++) this.quotas.release(address);
    this.held.delete(worker);
  }

  get size(): number { return this.quotas.size; }
}

/** How long a worker waits for the primary's answer before deciding alone. */
const ASK_MS = 1_000;
/** An ask the primary reads this close to the worker's deadline is too late: its answer could arrive after the worker gave up. */
const LATE_MS = 250;

/**
 * A worker's quotas: the primary's answer. Should the primary not answer in time (it is busy, or
 * going away), this worker's own count decides, so the quotas still hold per worker and a client
 * is never kept waiting on them.
 */
export class WorkerQuotas implements QuotaPort {
  private own: AddressQuotas;
  /** Connections admitted by this worker's own count (the primary did not answer): released here too. */
  private alone = new Map<string, number>();

  constructor(private primary: Link, limits: Limits, private log: Logger) { this.own = new AddressQuotas(limits); }

  async admit(address: string, now: number): Promise<boolean> {
    const asked = await this.ask({ op: 'admit', address });
    if (asked !== null) return asked;
    const ok = this.own.admit(address, now);
    if (ok) this.alone.set(address, (this.alone.get(address) ?? 0) + 1);
    return ok;
  }

  release(address: string): void {
    const n = this.alone.get(address) ?? 0;
    if (n > 0) {
      if (n === 1) this.alone.delete(address); else this.alone.set(address, n - 1);
      this.own.release(address);
      return;
    }
    this.primary.cast('quota.release', { address });
  }

  async takeRoom(address: string, now: number): Promise<boolean> { return (await this.ask({ op: 'room', address })) ?? this.own.takeRoom(address, now); }
  async takeBot(address: string, now: number): Promise<boolean> { return (await this.ask({ op: 'bot', address })) ?? this.own.takeBot(address, now); }

  get size(): number { return this.own.size; }

  private ask(q: Omit<Ask, 'until'>): Promise<boolean | null> {
    return this.primary.request<boolean>('quota', { ...q, until: Date.now() + ASK_MS - LATE_MS }, ASK_MS).catch((err: Error) => {
      this.log.warn({ err: err.message, op: q.op }, 'the primary did not answer a quota; this worker decides alone');
      return null;
    });
  }
}
