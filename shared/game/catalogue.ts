import type { RoleId, RoleInfo } from '../roles.ts';
import type { Settings } from '../settings.ts';
import { ROLE_LIST } from './roles/index.ts';

/**
 * The role catalogue for display and for checks: names, teams and what each role does, read from
 * the role modules (shared/game/roles/<id>.ts), the only place a role is declared. The protocol
 * (shared/*.ts) checks role ids by shape only; the rules check them against this catalogue.
 */
export { ROLE_IDS, isRoleId } from './roles/index.ts';

export const ROLES: Readonly<Record<RoleId, RoleInfo>> = Object.fromEntries(ROLE_LIST.map((r) => [r.id, {
  id: r.id, name: r.words.name, team: r.team, summary: r.words.summary, description: r.words.description, icon: r.words.icon,
}]));

/** The options each role declares (`settings.roleOptions[id][key]`). */
export const ROLES_WITH_OPTIONS = (): ReadonlyMap<RoleId, string[]> => new Map(ROLE_LIST.filter((r) => r.options).map((r) => [r.id, Object.keys(r.options!)]));

/** What in these settings names a role or a role option the catalogue does not have, or null. */
export function roleSettingsProblem(settings: Settings): string | null {
  if (settings.roles !== 'auto') for (const id of Object.keys(settings.roles)) if (!Object.hasOwn(ROLES, id)) return `roles.${id}: unknown role`;
  for (const [role, opts] of Object.entries(settings.roleOptions ?? {})) {
    for (const key of Object.keys(opts)) if (!ROLES_WITH_OPTIONS().get(role)?.includes(key)) return `roleOptions.${role}.${key}: no option '${key}' for role '${role}'`;
  }
  return null;
}
