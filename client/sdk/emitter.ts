/** A minimal typed event emitter that runs in browsers and Node alike. */
export class Emitter<Events extends Record<string, (...args: never[]) => void>> {
  private handlers = new Map<keyof Events, Set<Events[keyof Events]>>();

  on<K extends keyof Events>(event: K, fn: Events[K]): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(fn);
    return () => set!.delete(fn);
  }

  protected fire<K extends keyof Events>(event: K, ...args: Parameters<Events[K]>): void {
    for (const fn of this.handlers.get(event) ?? []) {
      try { (fn as (...a: Parameters<Events[K]>) => void)(...args); } catch (err) { console.error(err); }
    }
  }
}
