import type { RoleModule } from './role.ts';

export const villager: RoleModule = { id: 'villager', team: 'village' };
