import type { RoleModule } from './role.ts';

/** The hunter's shot is settled by the machine's hunter phase (R30–R32). */
export const hunter: RoleModule = { id: 'hunter', team: 'village', shootsOnDeath: true };
