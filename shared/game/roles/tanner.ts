import type { RoleModule } from './role.ts';

/** The tanner has no action; the win check gives him the game if he is executed (R51). */
export const tanner: RoleModule = { id: 'tanner', team: 'tanner' };
