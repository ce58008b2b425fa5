import { sameJson } from './json.ts';
import type { GameContext, Player } from './types.ts';
import { admits, type Recipient } from './views.ts';
import type { Grant, Table } from './views-fields.ts';

/**
 * The field tables of views-fields.ts made, once at module load, into what the room's ViewCache
 * builds with: per field its key, one closure deciding its audience (null when every recipient may
 * read it) and its value. Nothing here names a field: a field added to a table, or to a role's
 * `view` map, is compiled like the others.
 */
export interface Builder<S> {
  keys: string[];
  /** null: every recipient may read it; else whether this recipient may (the `own` grant apart). */
  who: (Check | null)[];
  /** Whether the subject's own seat may read it. */
  own: boolean[];
  value: ((ctx: GameContext, subject: S, own: boolean) => unknown)[];
}

type Check = (ctx: GameContext, r: Recipient, about: Player | undefined) => boolean;

export function builder<S>(table: Table<S>): Builder<S> {
  const keys = Object.keys(table).filter((k) => table[k].value);
  return {
    keys,
    who: keys.map((k) => check(table[k].who)),
    own: keys.map((k) => table[k].who.includes('own')),
    value: keys.map((k) => table[k].value!),
  };
}

/** The grants other than `own` as one closure; views.ts `admits` stays the one meaning of a grant. */
function check(who: readonly Grant[]): Check | null {
  if (who.includes('everyone')) return null;
  const rest = who.filter((g) => g !== 'own');
  if (rest.length === 0) return () => false;
  return (ctx, r, about) => admits(rest, ctx, r, about);
}

// ---------------------------------------------------------------- reads

/** Bit of the context fields past the 30th: they share it. */
const OVERFLOW = 1 << 30;
/** Every bit: for an object that must be built. */
const EVERY = 0x7fffffff;
/** A field's reads when it was not built (not admitted, or never): it must be built next time. */
const UNBUILT = -1;
/** How many states back a slot can be compared field by field; older ones are built anew. */
const DELTAS = 64;

/**
 * Which context fields a value reads, found by running it on a lens of the context: an object
 * with the context's own keys, each a getter that sets the key's bit and returns the context's
 * value. A value built from the same subject on a state whose read fields are the very same
 * objects is the same value (the rules are pure and the context is never mutated), so it is kept
 * without calling it again; no field, no role has to declare what it reads. One per ViewCache.
 */
export class Reads {
  mask = 0;
  /** The state being viewed, and the lens on it that values are given. */
  ctx: GameContext = null as never;
  tracked: GameContext = null as never;
  /** Counts the states entered; a slot remembers the count it was built at (a number: no pointer to keep fresh). */
  serial = 0;
  /** The fields changed on entering each of the last DELTAS states, by serial. */
  private deltas = new Int32Array(DELTAS);
  /** The state the lens reads from (its getters' target). */
  target: GameContext | null = null;
  private lensOf: GameContext | null = null;
  private lensKeys: string[] = [];
  /** The bits any value read so far: only those fields are compared between states. */
  watched = 0;
  /** Counts the lenses made, one per set of context keys. */
  generation = 0;

  /** View `ctx` from now on. */
  enter(ctx: GameContext): void {
    if (ctx === this.ctx) return;
    const prev = this.ctx;
    this.serial++;
    this.deltas[this.serial % DELTAS] = prev === null ? EVERY : this.changed(prev, ctx);
    this.ctx = ctx;
    this.tracked = this.lens(ctx);
  }

  /** The fields that changed between the state of serial `at` and this one (all, when too long ago). */
  since(at: number): number {
    const n = this.serial - at;
    if (n === 0) return 0;
    if (n >= DELTAS) return EVERY;
    let m = 0;
    for (let s = at + 1; s <= this.serial; s++) m |= this.deltas[s % DELTAS];
    return m;
  }

  /** The context as the values see it: the same keys, the same values, each read recorded. */
  private lens(ctx: GameContext): GameContext {
    this.target = ctx;
    if (this.lensOf !== null && sameKeys(ctx, this.lensKeys)) return this.lensOf;
    const keys = Object.keys(ctx);
    this.lensKeys = keys;
    // A key come or gone is seen by `in`, which no getter records: every slot is built anew.
    this.generation++;
    // The getters are shared by every lens with these keys, so the lenses have one shape and the
    // rules' property reads on them stay monomorphic from one room (or game) to the next.
    const lens = {};
    Object.defineProperty(lens, READER, { value: this });
    for (const key of keys) Object.defineProperty(lens, key, { enumerable: true, get: getter(key) });
    return (this.lensOf = lens as GameContext);
  }

  /** The bits of the watched fields that differ between two states (a key one of them lacks reads as undefined). */
  changed(a: GameContext, b: GameContext): number {
    const x = a as unknown as Record<string, unknown>;
    const y = b as unknown as Record<string, unknown>;
    const keys = KEYS;
    let m = 0;
    const watched = this.watched;
    for (let i = 0; i < keys.length; i++) if ((watched & (1 << i)) !== 0 && x[keys[i]] !== y[keys[i]]) m |= 1 << i;
    for (const k of OVER) if (x[k] !== y[k]) return m | OVERFLOW;
    return m;
  }
}

/** Whether the context has exactly the lens's keys, in order (an optional field come or gone makes a new lens); allocates nothing. */
function sameKeys(ctx: GameContext, keys: string[]): boolean {
  let i = 0;
  for (const k in ctx) if (keys[i++] !== k) return false;
  return i === keys.length;
}

/** The lens's own pointer to its Reads: a symbol, not enumerable, so no value sees it among the context's keys. */
const READER = Symbol('reads');
type Lensed = { [READER]: Reads };

/** Each context key seen, in the order first seen: its bit is its place (the 31st on share one); the same for every Reads, as the getters are shared. */
const KEYS: string[] = [];
const OVER: string[] = [];
const GETTERS = new Map<string, () => unknown>();

/** The one getter of a key on every lens: records the key's bit on the lens's Reads and returns the viewed state's value. */
function getter(key: string): () => unknown {
  let get = GETTERS.get(key);
  if (get !== undefined) return get;
  const bit = KEYS.length < 30 ? 1 << KEYS.length : OVERFLOW;
  (bit === OVERFLOW ? OVER : KEYS).push(key);
  get = function (this: Lensed) {
    const r = this[READER];
    r.mask |= bit;
    return (r.target as unknown as Record<string, unknown>)[key];
  };
  GETTERS.set(key, get);
  return get;
}

// ---------------------------------------------------------------- slots

/** The last object one table built for one recipient, with each field's value and reads. */
export class Slot<T> {
  /** The serial of the state it was last built or checked at. */
  at = 0;
  table: Builder<never> | null = null;
  subject: unknown = undefined;
  me: Player | undefined = undefined;
  generation = 0;
  values: unknown[] = [];
  reads: number[] = [];
  /** What the whole object read: its values and its audiences. */
  deps = 0;
  object: T | undefined = undefined;
}

/**
 * The object of `table` about `subject` for recipient `r`: every field the recipient may read,
 * none other. While nothing the object read changed, it is returned as it was; else a field
 * whose own reads did not change keeps its value unbuilt, a rebuilt value alike to the last keeps
 * the last's identity, and when every value is the last one the last object itself is returned,
 * so the parts above it can be compared by identity.
 */
export function fill<S, T extends object>(slot: Slot<T>, table: Builder<S>, tracker: Reads, subject: S, about: Player | undefined, r: Recipient, own: boolean): T {
  if (slot.table !== table) { slot.table = table as Builder<never>; slot.values = []; slot.reads = table.keys.map(() => UNBUILT); slot.object = undefined; }
  const had = slot.object !== undefined;
  const kept = had && slot.subject === subject && slot.me === r.me && slot.generation === tracker.generation;
  const changed = kept ? tracker.since(slot.at) : EVERY;
  slot.at = tracker.serial;
  if (kept && (changed & slot.deps) === 0) return slot.object!;
  const { who, value } = table;
  const { values, reads } = slot;
  const ctx = tracker.tracked;
  let same = had;
  let deps = 0;
  for (let i = 0; i < who.length; i++) {
    const w = who[i];
    let v: unknown;
    // Only an audience check reads the context: a field for everyone, or the subject's own, reads nothing to be admitted.
    let admitted = w === null || (own && table.own[i]);
    if (!admitted) {
      tracker.mask = 0;
      admitted = w!(ctx, r, about);
      deps |= tracker.mask;
    }
    if (admitted) {
      const m = reads[i];
      if (kept && m !== UNBUILT && (m & changed) === 0) { deps |= m; continue; }
      tracker.mask = 0;
      v = value[i](ctx, subject, own);
      deps |= reads[i] = tracker.mask;
      if (had && sameJson(values[i], v)) continue;
    } else {
      reads[i] = UNBUILT;
    }
    if (v !== values[i]) { values[i] = v; same = false; }
  }
  slot.subject = subject;
  slot.me = r.me;
  slot.generation = tracker.generation;
  slot.deps = deps;
  tracker.watched |= deps;
  if (same) return slot.object!;
  const keys = table.keys;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) if (values[i] !== undefined) out[keys[i]] = values[i];
  return (slot.object = out as T);
}
