import type { RoleModule } from './role.ts';

declare module '../../views.ts' {
  interface DeathCauses { shot: true }
}

/** Dying, the hunter shoots someone in a hunter phase of his own (R30–R33). */
export const hunter: RoleModule = {
  id: 'hunter',
  team: 'village',
  order: 70,
  rules: 'R30–R33',
  seenAs: 'village',
  shoots: true,
  words: {
    name: 'Hunter',
    icon: '➶',
    summary: 'When you die, you shoot one player of your choice.',
    description: 'When he dies, by night or by day, he takes one player with him, or holds his fire. Leaving or idling out gives no shot.',
    causes: { shot: { label: 'shot by the hunter', sentence: 'The hunter shot you', atNight: false } },
  },
  deal: { auto: (n) => (n >= 9 ? 1 : 0) },
};
