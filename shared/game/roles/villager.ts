import type { RoleModule } from './role.ts';

export const villager: RoleModule = {
  id: 'villager',
  team: 'village',
  order: 0,
  rules: 'R3, R54',
  seenAs: 'village',
  words: {
    name: 'Villager',
    icon: '⌂',
    summary: 'Find the werewolves by talk and vote them out by day.',
    description: 'No power but your voice and your vote. Every seat the deal leaves over is a villager (R3).',
  },
};
