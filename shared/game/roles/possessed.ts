import type { RoleModule } from './role.ts';

/**
 * The AIWolf possessed (docs/rules.md R101): a human who wants the werewolves to win. He does not
 * know them and they do not know him; the seer and the medium read him as human, and he counts
 * with the others, not the pack, for the wolves' parity (R85).
 */
export const possessed: RoleModule = {
  id: 'possessed',
  team: 'wolves',
  order: 15,
  rules: 'R101, R85',
  seenAs: 'village',
  words: {
    name: 'Possessed',
    icon: '☍',
    summary: 'A human who wins with the werewolves. You do not know them; mislead the village.',
    description: 'A human on the werewolves\' side: the seer and the medium see him as human, and he counts as human for the wolves\' parity win. He does not know the wolves and they do not know him; he wins when they win.',
  },
  // His smart bot poses as the seer from the first dawn, with made-up looks (client/bot/talk/day.ts).
  bot: { claims: 'seer' },
  // Classic (R3): at 17, 18 and 20, where a werewolf more is too many (docs/balance.md).
  deal: { auto: (n) => (n >= 17 && n !== 19 ? 1 : 0), max: 1 },
};
