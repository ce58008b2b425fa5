import { ROLES, type RoleId, type Team } from '../../roles.ts';
import type { DeathCause, Prompt, SecretEntry } from '../../views.ts';
import { roleAt } from '../derived.ts';
import type { GameContext, NightAction, NightState, Rejection } from '../types.ts';

/** The effects of one night, gathered by the roles in priority order and applied at dawn. */
export interface NightResolution {
  protectedSeats: Set<number>;
  wolfTarget: number | null;
  deaths: Map<number, DeathCause>;
  secrets: SecretEntry[];
  rng: number;
  lovers: [number, number] | null;
  lastProtected: Record<number, number | null>;
  potions: Record<number, { heal: boolean; poison: boolean }>;
}

export interface NightRole {
  kind: NightAction['kind'];
  /** Lower resolves first at dawn (docs/rules.md R20). */
  priority: number;
  /** Whether this living seat must act tonight before the night can end early. */
  due(ctx: GameContext, seat: number): boolean;
  validate(ctx: GameContext, seat: number, action: NightAction): Rejection;
  record(night: NightState, seat: number, action: NightAction): NightState;
  /** Fold this role's recorded actions into the night's resolution. */
  resolve(ctx: GameContext, res: NightResolution): void;
  prompt(ctx: GameContext, seat: number): Prompt;
}

/** One role's rules. A new role is one module like this plus its tests. */
export interface RoleModule {
  id: RoleId;
  team: Team;
  /** What the seer learns of this role. */
  night?: NightRole;
  /** Fields this role adds to its own seat's `you` view; each key is declared by exactly one role. */
  view?: Record<string, (ctx: GameContext, seat: number) => unknown>;
  /** Hunter-like roles queue a shot when they die. */
  shootsOnDeath?: boolean;
}

export function recordAction(night: NightState, seat: number, action: NightAction): NightState {
  return { ...night, actions: { ...night.actions, [seat]: action } };
}

/** Seats with the given role, living or not, in seat order. */
export function seatsWithRole(ctx: GameContext, role: RoleId): number[] {
  return ctx.players.filter((p) => p.role === role).map((p) => p.seat);
}

export { isLiving, livingExcept, livingSeats } from '../derived.ts';

export function roleOf(ctx: GameContext, seat: number): RoleId {
  return roleAt(ctx, seat) ?? 'villager';
}

/** What the seer learns (R23): only the pack reads as wolves; the tanner reads as village. */
export function seenAs(role: RoleId): 'village' | 'wolves' {
  return ROLES[role].team === 'wolves' ? 'wolves' : 'village';
}
