import type { RoleId } from '../roles.ts';
import { registry } from './roles/registry.ts';
import type { GameContext, Player } from './types.ts';

/**
 * Facts derived from one players array, computed once and cached by the array's identity. The
 * context is immutable and most events leave `players` untouched, so a lookup here replaces a
 * scan of the players on every guard, action and view. Every array returned is shared: never
 * mutate it.
 */
interface Derived {
  /** Player by seat (seats are small integers). */
  bySeat: (Player | undefined)[];
  living: number[];
  /** Living seats other than the key. */
  livingExcept: Map<number, number[]>;
  /** Werewolf seats, living or dead. */
  wolves: number[];
  livingWolves: number[];
  /** Living seats that are not werewolves (the pack's possible victims). */
  livingPrey: number[];
}

// One entry: the facts are cheap to rebuild for another room, and a WeakMap keyed by
// short-lived arrays costs the garbage collector more than it saves.
let lastPlayers: readonly Player[] | null = null;
let lastDerived: Derived | null = null;

/** Whether a role plays for the wolves (the pack: wolf chat, the pack's picks), as its module declares. */
export function wolvesTeam(role: RoleId | null): boolean {
  return role !== null && registry.get(role)?.team === 'wolves';
}

export function derived(players: readonly Player[]): Derived {
  if (players === lastPlayers) return lastDerived!;
  let d: Derived;
  const bySeat: (Player | undefined)[] = [];
  const living: number[] = [];
  const wolves: number[] = [];
  const livingWolves: number[] = [];
  const livingPrey: number[] = [];
  for (const p of players) {
    bySeat[p.seat] = p;
    // The pack is the wolves' team, as the role modules declare it (late-bound: no import circle).
    const wolf = wolvesTeam(p.role);
    if (wolf) wolves.push(p.seat);
    if (!p.alive) continue;
    living.push(p.seat);
    if (wolf) livingWolves.push(p.seat);
    else livingPrey.push(p.seat);
  }
  d = { bySeat, living, livingExcept: new Map(), wolves, livingWolves, livingPrey };
  lastPlayers = players;
  lastDerived = d;
  return d;
}

export function seatOf(ctx: GameContext, seat: number): Player | undefined {
  // Seats are usually 0..n-1 in order, so the index is a fast first guess.
  const guess = ctx.players[seat];
  if (guess !== undefined && guess.seat === seat) return guess;
  return Number.isInteger(seat) && seat >= 0 ? derived(ctx.players).bySeat[seat] : undefined;
}

export function livingSeats(ctx: GameContext): number[] {
  return derived(ctx.players).living;
}

/** Living seats other than `seat` (shared array). */
export function livingExcept(ctx: GameContext, seat: number | null): number[] {
  const d = derived(ctx.players);
  if (seat === null) return d.living;
  let out = d.livingExcept.get(seat);
  if (!out) {
    out = d.living.filter((s) => s !== seat);
    d.livingExcept.set(seat, out);
  }
  return out;
}

export function isLiving(ctx: GameContext, seat: number): boolean {
  return seatOf(ctx, seat)?.alive === true;
}

export function roleAt(ctx: GameContext, seat: number): RoleId | null {
  return seatOf(ctx, seat)?.role ?? null;
}

/**
 * A one-entry memo keyed by object identity. The views of one state are computed one after
 * another for every audience, so one entry catches nearly every repeat; unlike a WeakMap it
 * costs the garbage collector nothing for the many short-lived keys (one per event).
 */
export class Slot<K extends object, V> {
  private key: K | null = null;
  private value: V | undefined;
  get(key: K): V | undefined { return this.key === key ? this.value : undefined; }
  set(key: K, value: V): V { this.key = key; this.value = value; return value; }
}
