import type { RoleId } from '../../roles.ts';
import { roleAt } from '../derived.ts';
import { moduleOf } from './registry.ts';
import type { GameContext } from '../types.ts';

export function roleOf(ctx: GameContext, seat: number): RoleId {
  return roleAt(ctx, seat) ?? 'villager';
}

/** What a look at this seat shows (R23): its role's `looks` when it has one, else its `seenAs`. */
export function sideSeen(ctx: GameContext, seat: number): 'village' | 'wolves' {
  const m = moduleOf(roleOf(ctx, seat));
  return m.looks ? m.looks(ctx, seat) : m.seenAs;
}
