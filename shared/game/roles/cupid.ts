import { z } from 'zod';
import { answers, recordAction, type RoleModule } from './role.ts';
import { isLiving, livingSeats } from '../derived.ts';

declare module '../../views.ts' {
  interface NightActions { cupid: { kind: 'cupid'; targets: [number, number] } }
  interface Prompts { cupid: { kind: 'cupid'; targets: number[] } }
  interface SecretEntries { lovers: { kind: 'lovers'; night: number; seats: [number, number] } }
  interface YouView {
    /** The couple you linked (cupid only). */
    lovers?: [number, number];
  }
}

const seat = z.number().int().min(0).max(99);

export const cupid: RoleModule = {
  id: 'cupid',
  team: 'village',
  order: 60,
  rules: 'R29, R50',
  seenAs: 'village',
  words: {
    name: 'Cupid',
    icon: '♥',
    summary: 'On the first night, link two lovers: if one dies, the other dies of grief.',
    description: 'On the first night he links two players, himself allowed, as lovers: each learns the other, and when one dies the other dies of grief. Lovers from both sides win together as the last two alive.',
    night: {
      heading: () => 'Night 1: choose two lovers',
      verb: 'Link',
      due: 'choose the lovers',
      told: (a, who) => (a.kind === 'cupid' ? `links ${who(a.targets[0])} and ${who(a.targets[1])}` : ''),
      confirm: (picked, name) => (picked.length === 2 ? `Link ${name(picked[0])} and ${name(picked[1])}` : `Choose ${2 - picked.length} more`),
    },
    secret: (e, name) => (e.kind === 'lovers' ? `Night ${e.night}: cupid linked ${name(e.seats[0])} and ${name(e.seats[1])} as lovers.` : null),
    facts: (you, name) => (you.lovers ? [`You linked ${name(you.lovers[0])} and ${name(you.lovers[1])} as lovers.`] : []),
  },
  night: {
    kind: 'cupid',
    schema: z.strictObject({ kind: z.literal('cupid'), targets: z.tuple([seat, seat]) }),
    priority: 10,
    due: (ctx, seat) => ctx.day === 1 && ctx.night.actions[seat] === undefined,
    validate(ctx, seat, action) {
      if (action.kind !== 'cupid' || ctx.day !== 1) return 'action/not-allowed';
      if (ctx.night.actions[seat]) return 'action/already-done';
      const [a, b] = action.targets;
      if (a === b || !isLiving(ctx, a) || !isLiving(ctx, b)) return 'action/invalid-target';
      return null;
    },
    record: recordAction,
    resolve: (ctx) => answers(ctx, 'cupid').flatMap(([by, a]) => {
      const seats = [...a.targets].sort((x, y) => x - y) as [number, number];
      return [{ kind: 'link' as const, by, seats }, { kind: 'learn' as const, by, entry: { kind: 'lovers' as const, night: ctx.day, seats } }];
    }),
    prompt: (ctx) => ({ kind: 'cupid', targets: livingSeats(ctx) }),
    form: { picks: 2, build: (_p, [a, b]) => ({ kind: 'cupid', targets: [a, b] }) },
  },
  // The lovers' grief (R28): whoever dies takes the other along.
  on: {
    death: (_ctx, dead, _d, griefCause) => (dead.lover !== null ? [{ kind: 'die', seat: dead.lover, cause: 'grief', publicCause: griefCause }] : []),
  },
  view: {
    lovers(ctx) {
      const linked = ctx.secrets.find((e) => e.kind === 'lovers');
      return linked?.kind === 'lovers' ? linked.seats : undefined;
    },
  },
  deal: { auto: (n) => (n >= 9 ? 1 : 0), max: 1 },
};
