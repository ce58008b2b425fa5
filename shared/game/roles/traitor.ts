import { inPack } from '../derived.ts';
import type { RoleModule } from './role.ts';

/**
 * The traitor (docs/rules.md R123): plays for the wolves, reads as village, sleeps; when the last
 * member of the pack dies, he becomes a werewolf at once (R83), before the win is checked.
 */
export const traitor: RoleModule = {
  id: 'traitor',
  team: 'wolves',
  order: 17,
  rules: 'R123, R83',
  seenAs: 'village',
  words: {
    name: 'Traitor',
    icon: '⚔',
    summary: 'You win with the werewolves. When the last of them dies, you become a werewolf.',
    description: 'A human on the werewolves\' side who does not know them, nor they him: the seer reads him as village and he counts as human for the wolves\' parity. The moment the last member of the pack dies, of any cause, he becomes a werewolf, so the village has not won while he lives.',
  },
  on: {
    death(ctx, dead) {
      if (!inPack(dead.role) || ctx.players.some((p) => p.alive && inPack(p.role))) return [];
      return ctx.players.filter((p) => p.alive && p.role === 'traitor').map((p) => ({ kind: 'become' as const, seat: p.seat, role: 'werewolf' }));
    },
  },
  deal: { max: 1 },
};
