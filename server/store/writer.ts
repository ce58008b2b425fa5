import { Worker } from 'node:worker_threads';
import type { FromWriter, ToWriter, WriteOp, WriterConfig } from './sqlite-writer.ts';

export interface WriterOptions {
  /** How long the first write of a batch waits for company before it is handed to the writer, in ms (0: the next turn). */
  windowMs: number;
  maxBatch: number;
}

interface Waiting { resolve(): void; reject(err: Error): void }

const ENTRY = new URL('./sqlite-writer.boot.mjs', import.meta.url);

/**
 * The game server's side of the SQLite writer thread: writes of the same turn go over in one
 * message, and each caller's promise settles when the writer reports its transaction durable.
 */
export class WriterThread {
  readonly stats = { transactions: 0, writes: 0 };
  private worker: Worker | null = null;
  private queue: { id: number; op: WriteOp }[] = [];
  private waiting = new Map<number, Waiting>();
  private nextId = 1;
  private scheduled: NodeJS.Immediate | NodeJS.Timeout | null = null;
  private closing: Promise<void> | null = null;
  /** Callers of `settled`, each waiting for every write up to its id. */
  private barriers: { upTo: number; resolve(): void }[] = [];

  /** Writes handed to the current writer and not yet reported on. */
  private posted = new Map<number, WriteOp>();

  /**
   * `stored` tells, after a writer died, whether a write it had been handed is in the file: its
   * transaction either committed whole or not at all, so each caller learns the truth, not a guess.
   */
  constructor(private config: WriterConfig, private opts: WriterOptions, private stored: (op: WriteOp) => boolean) {}

  /** Start the writer now; resolves once it has opened the file, fails if it cannot. */
  start(): Promise<void> {
    const w = this.spawned();
    return new Promise((resolve, reject) => {
      const onMessage = (m: FromWriter) => { if (m.type === 'ready') { done(); resolve(); } };
      const onError = (err: Error) => { done(); reject(err); };
      const onExit = (code: number) => { done(); reject(new Error(`store writer exited with ${code} before it was ready`)); };
      const done = () => { w.off('message', onMessage); w.off('error', onError); w.off('exit', onExit); if (this.waiting.size === 0) w.unref(); };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
    });
  }

  /** The writer thread, while one runs (for diagnostics, and for tests that stop it). */
  get thread(): Worker | null { return this.worker; }

  write(op: WriteOp): Promise<void> {
    if (this.closing) return Promise.reject(new Error('store is closed'));
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.queue.push({ id, op });
      if (this.queue.length >= this.opts.maxBatch) this.send();
      else this.schedule();
    });
  }

  /** Resolves once every write handed over so far has settled, so a read after it sees them. */
  settled(): Promise<void> {
    this.send();
    const upTo = this.nextId - 1;
    return new Promise((resolve) => { this.barriers.push({ upTo, resolve }); this.release(); });
  }

  /** Send what is queued, let the writer commit it, and stop the thread. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.send();
      const w = this.worker;
      if (!w) return;
      await new Promise<void>((resolve) => {
        w.on('message', (m: FromWriter) => { if (m.type === 'closed') resolve(); });
        w.once('exit', () => resolve());
        w.ref(); // an idle writer is unref'd: this wait must keep the process alive
        w.postMessage({ type: 'close' } satisfies ToWriter);
      });
      await w.terminate();
      this.worker = null;
    })();
    return this.closing;
  }

  private settle(id: number, error: string | null): void {
    const p = this.waiting.get(id);
    this.waiting.delete(id);
    this.posted.delete(id);
    if (error === null) p?.resolve(); else p?.reject(new Error(error));
  }

  private release(): void {
    let lowest = Infinity;
    for (const id of this.waiting.keys()) { lowest = id; break; }
    this.barriers = this.barriers.filter((b) => (b.upTo < lowest ? (b.resolve(), false) : true));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = this.opts.windowMs > 0 ? setTimeout(() => this.send(), this.opts.windowMs) : setImmediate(() => this.send());
  }

  private send(): void {
    if (this.scheduled) { clearTimeout(this.scheduled as NodeJS.Timeout); clearImmediate(this.scheduled as NodeJS.Immediate); this.scheduled = null; }
    if (this.queue.length === 0) return;
    const jobs = this.queue.splice(0);
    const w = this.spawned();
    for (const j of jobs) this.posted.set(j.id, j.op);
    w.ref();
    w.postMessage({ type: 'write', jobs } satisfies ToWriter);
  }

  private spawned(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(ENTRY, { workerData: this.config });
    w.on('message', (m: FromWriter) => this.received(m));
    // A writer that dies leaves its unreported writes committed or not: look them up. Writes still
    // queued here go to the next writer.
    const lost = (why: string) => {
      if (this.worker !== w) return;
      this.worker = null;
      for (const [id, op] of this.posted) {
        let kept = false;
        try { kept = this.stored(op); } catch { /* unreadable: report it as not stored */ }
        this.settle(id, kept ? null : `store writer stopped: ${why}`);
      }
      this.posted.clear();
      this.release();
      if (this.queue.length > 0 && !this.closing) this.schedule();
    };
    w.on('error', (err) => lost(err.message));
    w.on('exit', (code) => lost(`exit ${code}`));
    this.worker = w;
    return w;
  }

  private received(m: FromWriter): void {
    if (m.type !== 'done') return;
    this.stats.transactions += m.transactions;
    this.stats.writes += m.writes;
    for (const id of m.ok) this.settle(id, null);
    for (const [id, message] of m.failed) this.settle(id, message);
    // An idle writer does not keep the process alive; one with writes in flight does.
    if (this.waiting.size === 0) this.worker?.unref();
    this.release();
  }
}
