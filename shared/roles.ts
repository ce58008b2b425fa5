/**
 * The words of the protocol for roles and teams. The catalogue itself (names, descriptions, which
 * ids exist) is read from the role modules by shared/game/catalogue.ts; the protocol checks a role
 * id by its shape only.
 */
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
