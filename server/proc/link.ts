import type { Serializable } from 'node:child_process';

/** One end of the IPC channel between the primary and a worker (process.send / child.send). */
export interface Port {
  send?(msg: Serializable): unknown;
  on(event: 'message', fn: (msg: unknown, handle?: unknown) => void): unknown;
}

export type Message =
  | { t: 'req'; id: number; op: string; args: unknown }
  | { t: 'res'; id: number; value?: unknown; error?: string }
  | { t: 'cast'; op: string; args: unknown }
  /** The messages of one turn, sent in one write (see `safeSend`). */
  | { t: 'batch'; list: Message[] };

type Handler = (args: unknown) => unknown | Promise<unknown>;

/**
 * Requests with replies and one-way casts over an IPC channel, the same on both ends. A request
 * whose peer is gone (a worker died) fails at its timeout instead of hanging.
 */
export class Link {
  private pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; timer: NodeJS.Timeout }>();
  private handlers = new Map<string, Handler>();
  private casts = new Map<string, (args: unknown) => void>();
  private seq = 0;
  /** Messages of this turn not yet written; flushed together on the next turn. */
  private outgoing: Message[] = [];

  constructor(private port: Port, private name: string) {
    port.on('message', (raw) => this.received(raw as Message));
  }

  handle(op: string, fn: Handler): void { this.handlers.set(op, fn); }
  onCast(op: string, fn: (args: unknown) => void): void { this.casts.set(op, fn); }

  cast(op: string, args: unknown): void { this.safeSend({ t: 'cast', op, args }); }

  request<T>(op: string, args: unknown = null, timeoutMs = 2_000): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new Error(`${op} to ${this.name}: no answer in ${timeoutMs} ms`)); }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      if (!this.safeSend({ t: 'req', id, op, args })) this.settle({ id, error: `${this.name} is gone` });
    });
  }

  /** Every pending request fails now (the peer died). */
  failAll(reason: string): void {
    for (const id of [...this.pending.keys()]) this.settle({ id, error: reason });
  }

  /**
   * Queue a message for this turn's write. Each IPC message is a write on the channel's pipe, and
   * a busy worker sends several a turn (one per room whose summary changed, replies): gathering
   * them costs the first one a turn of latency and saves a system call per message. The channel
   * keeps order, so requests and casts still arrive in the order they were made.
   */
  private safeSend(msg: Message): boolean {
    if (!this.port.send) return false;
    if (this.outgoing.push(msg) === 1) setImmediate(() => this.flush());
    return true;
  }

  private flush(): void {
    const list = this.outgoing;
    this.outgoing = [];
    if (list.length === 0) return;
    let sent = false;
    // A false return is the pipe's backpressure, not a loss: the message is queued all the same.
    try { if (this.port.send) { this.port.send(list.length === 1 ? list[0] : { t: 'batch', list }); sent = true; } } catch { sent = false; }
    // A channel that is gone fails the requests among them now rather than at their timeouts.
    if (!sent) for (const m of list) if (m.t === 'req') this.settle({ id: m.id, error: `${this.name} is gone` });
  }

  private settle(msg: { id: number; value?: unknown; error?: string }): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.error !== undefined) p.reject(new Error(msg.error));
    else p.resolve(msg.value);
  }

  private received(msg: Message): void {
    if (!msg || typeof msg !== 'object') return;
    if (msg.t === 'batch') { if (Array.isArray(msg.list)) for (const m of msg.list) this.received(m); return; }
    if (msg.t === 'res') return this.settle(msg);
    if (msg.t === 'cast') return this.casts.get(msg.op)?.(msg.args);
    if (msg.t !== 'req') return;
    const fn = this.handlers.get(msg.op);
    if (!fn) { this.safeSend({ t: 'res', id: msg.id, error: `no op ${msg.op}` }); return; }
    Promise.resolve().then(() => fn(msg.args)).then(
      (value) => this.safeSend({ t: 'res', id: msg.id, value: value ?? null }),
      (err: unknown) => this.safeSend({ t: 'res', id: msg.id, error: err instanceof Error ? err.message : String(err) }),
    );
  }
}
