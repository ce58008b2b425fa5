import { ROLE_LIST } from './game/roles/index.ts';

/**
 * The role catalogue for display: names, teams and what each role does, read from the role
 * modules (shared/game/roles/<id>.ts), which are the only place a role is declared.
 */
export { ROLE_IDS, isRoleId } from './game/roles/index.ts';
/** A role's id: any id the catalogue holds, checked at run time (settings, views, records). */
export type RoleId = string;

/**
 * A team is who wins together. `wolves` is the one word for the werewolves' side everywhere: the
 * team, the chat channel, the seer's reading, the death cause. `lovers` exists only for a couple
 * linked across village and wolves. A role with a team of its own adds it here by declaration merging.
 */
export interface Teams { village: true; wolves: true; tanner: true; lovers: true }
export type Team = keyof Teams;
export const TEAMS: readonly Team[] = ['village', 'wolves', 'tanner', 'lovers'];

export interface RoleInfo {
  id: RoleId;
  name: string;
  team: Team;
  /** One sentence a player reads on the role card. */
  summary: string;
  description: string;
  icon: string;
}

export const ROLES: Readonly<Record<RoleId, RoleInfo>> = Object.fromEntries(ROLE_LIST.map((r) => [r.id, {
  id: r.id, name: r.words.name, team: r.team, summary: r.words.summary, description: r.words.description, icon: r.words.icon,
}]));

/** The options each role declares, for the settings' check (looked up when parsing, after the catalogue is loaded). */
export const ROLES_WITH_OPTIONS = (): ReadonlyMap<RoleId, string[]> => new Map(ROLE_LIST.filter((r) => r.options).map((r) => [r.id, Object.keys(r.options!)]));
