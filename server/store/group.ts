export interface GroupOptions {
  /**
   * How long the first write of a batch waits for company, in ms. 0 flushes on the next turn
   * of the event loop (setImmediate): everything that arrived in the same I/O poll shares it.
   */
  windowMs: number;
  /** At most this many writes per transaction. */
  maxBatch: number;
}

interface Pending<Op> { op: Op; resolve(): void; reject(err: unknown): void }

export interface GroupStats { transactions: number; writes: number }

/**
 * Group commit: writes that arrive close together share one transaction, so one fsync pays for
 * all of them, and every caller's promise settles only once its own transaction is durable.
 * A failing batch is retried one write per transaction, so one bad write fails only its caller.
 */
export class GroupCommit<Op> {
  private pending: Pending<Op>[] = [];
  private scheduled: { cancel(): void } | null = null;
  readonly stats: GroupStats = { transactions: 0, writes: 0 };

  constructor(private runBatch: (ops: Op[]) => void, private opts: GroupOptions) {}

  push(op: Op): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ op, resolve, reject });
      if (this.pending.length >= this.opts.maxBatch) { this.flush(); return; }
      this.schedule();
    });
  }

  /** Write everything pending now, synchronously. */
  flush(): void {
    this.scheduled?.cancel();
    this.scheduled = null;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.opts.maxBatch);
      try {
        this.run(batch.map((p) => p.op));
        for (const p of batch) p.resolve();
      } catch {
        for (const p of batch) {
          try { this.run([p.op]); p.resolve(); } catch (err) { p.reject(err); }
        }
      }
    }
  }

  /** Refuse everything still pending (the store is closing without a flush). */
  failAll(err: Error): void {
    this.scheduled?.cancel();
    this.scheduled = null;
    for (const p of this.pending.splice(0)) p.reject(err);
  }

  private run(ops: Op[]): void {
    this.runBatch(ops);
    this.stats.transactions++;
    this.stats.writes += ops.length;
  }

  private schedule(): void {
    if (this.scheduled) return;
    if (this.opts.windowMs > 0) {
      const t = setTimeout(() => this.flush(), this.opts.windowMs);
      this.scheduled = { cancel: () => clearTimeout(t) };
    } else {
      const i = setImmediate(() => this.flush());
      this.scheduled = { cancel: () => clearImmediate(i) };
    }
  }
}
