import type { RoleId } from '../../roles.ts';
import type { DeathCause, SecretEntry } from '../../views.ts';

/**
 * The small vocabulary a night role speaks at dawn (R20). Roles say what their actions do; this
 * file alone says how that changes the game, the same way for every role. `by` is the acting seat:
 * a block or redirect of that seat earlier in the night applies to everything it does.
 */
export type Effect =
  /** The seat cannot be killed by an attack later tonight (a protection must resolve before the attack). */
  | { kind: 'protect'; by: number; seat: number }
  /** The seat dies at dawn; an attack is stopped by a protection, a kill (poison) is not. */
  | { kind: 'kill'; by: number; seat: number; cause: DeathCause; attack: boolean }
  /** Undo a death decided earlier tonight (the witch's heal). */
  | { kind: 'save'; by: number; seat: number }
  /** Learn the seat's side (R23): written to the record as a `seer` entry. */
  | { kind: 'inspect'; by: number; seat: number }
  /** The seat's own effects later tonight are dropped. */
  | { kind: 'block'; by: number; seat: number }
  /** The seat's effects later tonight that name someone name `to` instead. */
  | { kind: 'redirect'; by: number; seat: number; to: number }
  /** Two seats become lovers (R27): each dies of grief when the other dies. */
  | { kind: 'link'; by: number; seats: [number, number] }
  /** Keep an entry in the record (what was done, for game over and the replay). */
  | { kind: 'learn'; by: number; entry: SecretEntry }
  /** Replace the acting seat's own slice of role state (`ctx.roles[by]`). */
  | { kind: 'state'; by: number; value: unknown }
  /** The seat takes another role at dawn, with that role's initial state (R83): the cursed, the alpha's victim. */
  | { kind: 'become'; by: number; seat: number; role: RoleId };

/** What a role may ask of the night so far while it resolves, and its only source of chance. */
export interface Tonight {
  /** The seat an attack killed so far tonight (not saved), or null; with `cause`, an attack of that cause. */
  attacked(cause?: DeathCause): number | null;
  /** The record's entries the night's steps wrote so far, oldest first (the witch reads the pack's victims, R26). */
  learned(): readonly SecretEntry[];
  /** How the seat is to die at dawn as the night stands so far, or null. */
  death(seat: number): { cause: DeathCause; attack: boolean } | null;
  /** A uniform choice by the game's seeded PRNG. */
  pick<T>(items: readonly T[]): T;
}
