import type { RoleModule } from './role.ts';

/** The tanner has no action; he wins alone, at once, if the village executes him (R51). */
export const tanner: RoleModule = {
  id: 'tanner',
  team: 'tanner',
  order: 45,
  rules: 'R51',
  // He reads as village, so the seer cannot tell him from a villager (R23).
  seenAs: 'village',
  words: {
    name: 'Tanner',
    icon: '⚒',
    summary: 'You hate your life. You win alone if the village executes you.',
    description: 'Plays for himself: if the village executes him, he alone wins and the game ends. Dying any other way, he simply loses.',
  },
  on: {
    execution: (_ctx, executed) => (executed.role === 'tanner' ? { winner: 'tanner', seats: [executed.seat], reason: 'The tanner was executed.' } : null),
  },
  deal: { auto: (n) => (n >= 9 ? 1 : 0) },
};
