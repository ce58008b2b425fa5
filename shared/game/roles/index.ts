import type { RoleId, Team } from '../../roles.ts';
import type { GameContext } from '../types.ts';
import { cupid } from './cupid.ts';
import { doctor } from './doctor.ts';
import { hunter } from './hunter.ts';
import type { RoleModule } from './role.ts';
export { roleOf, seenAs } from './role.ts';
import { seer } from './seer.ts';
import { tanner } from './tanner.ts';
import { villager } from './villager.ts';
import { werewolf } from './werewolf.ts';
import { witch } from './witch.ts';

export const ROLE_MODULES: Record<RoleId, RoleModule> = { villager, werewolf, seer, doctor, witch, hunter, cupid, tanner };

/** Night roles in the order their actions resolve at dawn. */
export const NIGHT_ORDER: RoleModule[] = Object.values(ROLE_MODULES)
  .filter((r) => r.night)
  .sort((a, b) => a.night!.priority - b.night!.priority);

export function teamOf(role: RoleId): Team {
  return ROLE_MODULES[role].team;
}
