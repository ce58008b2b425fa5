import type { GameContext } from '../types.ts';
import type { RoleModule } from './role.ts';

declare module '../../views.ts' {
  interface YouView {
    /** Every mason's seat, his own included, living or dead (masons only, R157). */
    masons?: number[];
  }
}

/** The mason seats, living or dead, in seat order. */
export function masonSeats(ctx: Pick<GameContext, 'players'>): number[] {
  return ctx.players.filter((p) => p.role === 'mason').map((p) => p.seat);
}

/** The masons (docs/rules.md R157): villagers who know each other from the deal on. */
export const mason: RoleModule = {
  id: 'mason',
  team: 'village',
  order: 56,
  rules: 'R157',
  seenAs: 'village',
  words: {
    name: 'Mason',
    icon: '⚒',
    summary: 'You know the other masons, and they know you.',
    description: 'Plays for the village with no power at night, but every mason knows from the start who the other masons are; nobody else learns it from them.',
    facts(you, name) {
      const others = (you.masons ?? []).filter((s) => s !== you.seat);
      return [others.length ? `Your fellow masons: ${others.map(name).join(', ')}.` : 'You are the only mason.'];
    },
  },
  view: { masons: (ctx) => masonSeats(ctx) },
  deal: { max: 3 },
};
