import type { Clock } from './clock.ts';

/**
 * Every timer one room uses (its phase timer, its seats' graces), on the injected clock, by
 * name: setting a name again replaces its timer. When the room ends they all go with it, and
 * none can be set again, so nothing of a closed or halted room ever fires.
 */
export class RoomTimers {
  private handles = new Map<string, unknown>();
  private ended = false;

  constructor(private clock: Clock) {}

  set(name: string, ms: number, fn: () => void): void {
    if (this.ended) return;
    this.clear(name);
    const handle: unknown = this.clock.setTimer(ms, () => {
      if (this.handles.get(name) !== handle) return;
      this.handles.delete(name);
      fn();
    });
    this.handles.set(name, handle);
  }

  has(name: string): boolean { return this.handles.has(name); }

  clear(name: string): void {
    const handle = this.handles.get(name);
    if (handle === undefined) return;
    this.clock.clearTimer(handle);
    this.handles.delete(name);
  }

  /** The room ended: every timer is cleared and later `set`s do nothing. */
  end(): void {
    this.ended = true;
    for (const name of [...this.handles.keys()]) this.clear(name);
  }

  get size(): number { return this.handles.size; }
}
