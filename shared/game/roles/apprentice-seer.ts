import type { RoleModule } from './role.ts';

/**
 * The apprentice seer (docs/rules.md R152): a villager who becomes the seer when the last seer
 * dies (R83), and looks from the next night on.
 */
export const apprenticeSeer: RoleModule = {
  id: 'apprentice-seer',
  team: 'village',
  order: 22,
  rules: 'R152, R83',
  seenAs: 'village',
  words: {
    name: 'Apprentice seer',
    icon: '◎',
    summary: 'When the seer dies, you become the seer.',
    description: 'Plays for the village with no power while a seer lives. When the last seer dies, of any cause, he becomes the seer and looks each night from then on.',
  },
  on: {
    death(ctx, dead) {
      if (dead.role !== 'seer' || ctx.players.some((p) => p.alive && p.role === 'seer')) return [];
      return ctx.players.filter((p) => p.alive && p.role === 'apprentice-seer').map((p) => ({ kind: 'become' as const, seat: p.seat, role: 'seer' }));
    },
  },
  deal: { max: 1 },
};
