import type { RoleId } from '../../roles.ts';
import { roleAt } from '../derived.ts';
import type { GameContext } from '../types.ts';

export function roleOf(ctx: GameContext, seat: number): RoleId {
  return roleAt(ctx, seat) ?? 'villager';
}
