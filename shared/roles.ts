/** The role catalogue for display: names, teams and what each role does. The rules live in shared/game/roles. */
export const ROLE_IDS = ['villager', 'werewolf', 'seer', 'doctor', 'witch', 'hunter', 'cupid', 'tanner'] as const;
export type RoleId = (typeof ROLE_IDS)[number];

/** A team is who wins together. `lovers` exists only for a couple linked across village and wolves. */
export const TEAMS = ['village', 'wolves', 'tanner', 'lovers'] as const;
export type Team = (typeof TEAMS)[number];

export interface RoleInfo {
  id: RoleId;
  name: string;
  team: Team;
  /** One sentence a player reads on the role card. */
  summary: string;
}

export const ROLES: Record<RoleId, RoleInfo> = {
  villager: { id: 'villager', name: 'Villager', team: 'village', summary: 'Find the werewolves by talk and vote them out by day.' },
  werewolf: { id: 'werewolf', name: 'Werewolf', team: 'wolves', summary: 'Each night, choose a victim together with your pack. Win when you are as many as the others.' },
  seer: { id: 'seer', name: 'Seer', team: 'village', summary: "Each night, learn one player's team." },
  doctor: { id: 'doctor', name: 'Doctor', team: 'village', summary: 'Each night, protect one player from the wolves; never the same player two nights running.' },
  witch: { id: 'witch', name: 'Witch', team: 'village', summary: "You learn the wolves' victim. One healing potion and one killing potion for the whole game." },
  hunter: { id: 'hunter', name: 'Hunter', team: 'village', summary: 'When you die, you shoot one player of your choice.' },
  cupid: { id: 'cupid', name: 'Cupid', team: 'village', summary: 'On the first night, link two lovers: if one dies, the other dies of grief.' },
  tanner: { id: 'tanner', name: 'Tanner', team: 'tanner', summary: 'You hate your life. You win alone if the village executes you.' },
};
