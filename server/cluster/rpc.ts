import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RoomUnavailable } from '../rooms/ref.ts';
import { K } from '../store/keys.ts';

type Handler = (args: unknown) => Promise<unknown>;
interface Pending { resolve(v: unknown): void; reject(e: Error): void; timer: NodeJS.Timeout }

/** A call to another node that failed or got no answer: to the gateway, a room unavailable for now. */
export class RpcError extends RoomUnavailable {}

/**
 * Request/reply between nodes over Redis pub/sub: each node instance listens on its own channel.
 * Used to forward a room's commands to the node that owns it.
 */
export class NodeRpc {
  private pending = new Map<string, Pending>();
  private handlers = new Map<string, Handler>();
  private seq = 0;
  private prefix = randomBytes(4).toString('hex');

  constructor(private pub: Redis, private sub: Redis, readonly instance: string, private log: Logger) {}

  async start(): Promise<void> {
    await this.sub.subscribe(K.rpc(this.instance));
    this.sub.on('message', (_channel, raw) => void this.onMessage(raw));
  }

  handle(method: string, fn: Handler): void { this.handlers.set(method, fn); }

  call<T>(instance: string, method: string, args: unknown, timeoutMs = 2_000): Promise<T> {
    const id = `${this.prefix}-${++this.seq}`;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new RpcError(`${method} to ${instance}: no answer in ${timeoutMs} ms`)); }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.pub.publish(K.rpc(instance), JSON.stringify({ kind: 'req', id, from: this.instance, method, args })).then((n) => {
        // Nobody listening: the instance is gone. Fail now rather than at the timeout.
        if (n === 0) this.settle(id, undefined, `${instance} is not listening`);
      }, (err: Error) => this.settle(id, undefined, err.message));
    });
  }

  private settle(id: string, value: unknown, error?: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    if (error !== undefined) p.reject(new RpcError(error));
    else p.resolve(value);
  }

  private async onMessage(raw: string): Promise<void> {
    let msg: { kind: string; id: string; from?: string; method?: string; args?: unknown; value?: unknown; error?: string };
    try { msg = JSON.parse(raw); } catch { return; }
    if (msg.kind === 'res') { this.settle(msg.id, msg.value, msg.error); return; }
    if (msg.kind !== 'req' || !msg.from || !msg.method) return;
    const fn = this.handlers.get(msg.method);
    let reply: { value?: unknown; error?: string };
    try {
      reply = fn ? { value: await fn(msg.args) } : { error: `no method ${msg.method}` };
    } catch (err) {
      this.log.warn({ err, method: msg.method }, 'rpc handler failed');
      reply = { error: err instanceof Error ? err.message : 'error' };
    }
    await this.pub.publish(K.rpc(msg.from), JSON.stringify({ kind: 'res', id: msg.id, ...reply })).catch(() => {});
  }

  stop(): void {
    for (const [id] of this.pending) this.settle(id, undefined, 'shutting down');
    void this.sub.unsubscribe().catch(() => {});
  }
}
