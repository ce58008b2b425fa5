import type { RoleModule } from './role.ts';

/** A villager whom the seer reads as a werewolf (docs/rules.md R102); the medium too. */
export const lycan: RoleModule = {
  id: 'lycan',
  team: 'village',
  order: 5,
  rules: 'R102',
  seenAs: 'wolves',
  words: {
    name: 'Lycan',
    icon: '☽',
    summary: 'A villager with a wolf\'s shadow: the seer sees you as a werewolf.',
    description: 'Plays for the village with no power of his own, but the seer (and the medium) read him as a werewolf. He does not know this unless he is told.',
  },
};
