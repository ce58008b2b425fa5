import type { Effect } from './effects.ts';
import { slice, type RoleModule } from './role.ts';

declare module '../../views.ts' {
  interface SecretEntries { elder: { kind: 'elder'; night: number; seat: number } }
}

/** The elder's slice of state: whether he has already shrugged off an attack of the pack (R155). */
interface ElderState { survived: boolean }

/**
 * The elder (docs/rules.md R155): the first attack of the pack does not kill him; the second does,
 * and so does anything else (poison, the vote, a shot, grief) the first time.
 */
export const elder: RoleModule = {
  id: 'elder',
  team: 'village',
  order: 54,
  rules: 'R155, R87',
  seenAs: 'village',
  words: {
    name: 'Elder',
    icon: '⚚',
    summary: 'You survive the first attack of the werewolves.',
    description: 'Plays for the village. The first time the werewolves attack him he lives on (nobody is told but the record); their second attack kills him, and poison, the vote or a shot kill him the first time.',
    secret: (e, name) => (e.kind === 'elder' ? `Night ${e.night}: the elder ${name(e.seat)} survived the werewolves' attack.` : null),
    facts: (you, _name, over) => {
      const s = you.elderSurvived;
      return over || s === undefined ? [] : [s ? 'You have survived one attack: the next one kills you.' : 'The first attack of the werewolves will not kill you.'];
    },
  },
  state: { initial: (): ElderState => ({ survived: false }) },
  view: { elderSurvived: (ctx, seat) => slice<ElderState>(ctx, seat)?.survived === true },
  // After the pack (40) and the witch's heal (50): only an attack that still stands uses up his life.
  dawn: {
    priority: 60,
    resolve(ctx, tonight) {
      const out: Effect[] = [];
      for (const p of ctx.players) {
        if (p.role !== 'elder' || !p.alive || slice<ElderState>(ctx, p.seat)?.survived) continue;
        if (tonight.death(p.seat)?.cause !== 'wolves') continue;
        out.push(
          { kind: 'save', by: p.seat, seat: p.seat },
          { kind: 'state', by: p.seat, value: { survived: true } satisfies ElderState },
          { kind: 'learn', by: p.seat, entry: { kind: 'elder', night: ctx.day, seat: p.seat } },
        );
      }
      return out;
    },
  },
  deal: { max: 1 },
};

declare module '../../views.ts' {
  interface YouView {
    /** Whether the elder has already survived an attack of the pack (elder only, R155). */
    elderSurvived?: boolean;
  }
}
