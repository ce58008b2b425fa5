import type { RoleId } from '../../roles.ts';
import type { RoleModule } from './role.ts';

/**
 * The catalogue as a late-bound table. ./index.ts fills it once it has found every module; a role
 * module that must ask about another role (the seer: how does that role read?) asks here at run
 * time, since importing ./index.ts from a role module would be an import circle with the discovery.
 */
export const registry = new Map<RoleId, RoleModule>();

export function moduleOf(role: RoleId): RoleModule {
  const m = registry.get(role);
  if (!m) throw new Error(`no role module '${role}'`);
  return m;
}
