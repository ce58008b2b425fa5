import { z } from 'zod';
import type { GameContext } from '../types.ts';
import type { Effect } from './effects.ts';
import { best, promptOf, roleOption, slice, type RoleModule } from './role.ts';
import { isLiving, livingExcept } from '../derived.ts';

/** The AIWolf bodyguard (docs/rules.md R34–R35): the doctor's cousin who may not guard himself. */

declare module '../../views.ts' {
  interface NightActions { bodyguard: { kind: 'bodyguard'; target: number } }
  interface Prompts { bodyguard: { kind: 'bodyguard'; targets: number[] } }
  interface SecretEntries { bodyguard: { kind: 'bodyguard'; night: number; bodyguard: number; seat: number } }
  interface YouView {
    /** Whom the bodyguard guarded last night (bodyguard only). */
    guarded?: number | null;
  }
}

/** The bodyguard's slice of state: last night's guard, for the `noRepeat` option (R35). */
interface GuardState { last: number | null }
const last = (ctx: GameContext, seat: number) => slice<GuardState>(ctx, seat)?.last ?? null;
const noRepeat = (ctx: GameContext) => roleOption(ctx, 'bodyguard', 'noRepeat');
/** Every living player but himself, and but last night's guard when the room says so. */
const targets = (ctx: GameContext, seat: number) => livingExcept(ctx, seat).filter((s) => !noRepeat(ctx) || s !== last(ctx, seat));

export const bodyguard: RoleModule = {
  id: 'bodyguard',
  team: 'village',
  order: 35,
  rules: 'R34–R35',
  seenAs: 'village',
  words: {
    name: 'Bodyguard',
    icon: '⛨',
    summary: 'Each night, guard one other player from the wolves.',
    description: 'Each night he guards one living player other than himself from the werewolves (not from poison). With the room option, never the same player two nights running.',
    night: {
      heading: (day) => `Night ${day}: whom will you guard?`,
      verb: 'Guard',
      due: 'guard a player',
      confirm: () => 'Guard',
      told: (a, who) => (a.kind === 'bodyguard' ? `guards ${who(a.target)}` : ''),
    },
    secret: (e, name) => (e.kind === 'bodyguard' ? `Night ${e.night}: the bodyguard ${name(e.bodyguard)} guarded ${name(e.seat)}.` : null),
    facts: (you, name, over) => (you.guarded != null && !over ? [`Last night you guarded ${name(you.guarded)}.`] : []),
  },
  options: {
    noRepeat: { label: 'never the same player twice running', hint: 'The bodyguard may not guard last night\'s player again.' },
  },
  state: { initial: (): GuardState => ({ last: null }) },
  night: {
    kind: 'bodyguard',
    schema: z.strictObject({ kind: z.literal('bodyguard'), target: z.number().int().min(0).max(99) }),
    // After the doctor, before the pack's attack that the guard stops (R34).
    priority: 35,
    due: (ctx, seat) => ctx.night.actions[seat] === undefined,
    validate(ctx, seat, action) {
      if (action.kind !== 'bodyguard') return 'action/not-allowed';
      if (ctx.night.actions[seat]) return 'action/already-done';
      if (action.target === seat || !isLiving(ctx, action.target)) return 'action/invalid-target';
      if (noRepeat(ctx) && last(ctx, seat) === action.target) return 'action/same-target';
      return null;
    },
    resolve(ctx) {
      const out: Effect[] = [];
      for (const p of ctx.players) {
        if (p.role !== 'bodyguard') continue;
        const action = ctx.night.actions[p.seat];
        const target = action?.kind === 'bodyguard' ? action.target : null;
        // A night without a guard frees the choice for the next (R35).
        out.push({ kind: 'state', by: p.seat, value: { last: target } satisfies GuardState });
        if (target === null) continue;
        out.push({ kind: 'protect', by: p.seat, seat: target }, { kind: 'learn', by: p.seat, entry: { kind: 'bodyguard', night: ctx.day, bodyguard: p.seat, seat: target } });
      }
      return out;
    },
    prompt: (ctx, seat) => ({ kind: 'bodyguard', targets: targets(ctx, seat) }),
    form: { picks: 1, build: (_p, [target]) => ({ kind: 'bodyguard', target }) },
    bot: {
      // Guard the seer this seat believes, else the least suspected player.
      smart(p, _you, b, rng) {
        const { targets: t } = promptOf(p, 'bodyguard');
        const target = b.trusted !== null && t.includes(b.trusted) ? b.trusted : best(t, (s) => -b.suspicion(s), rng);
        return target === undefined ? null : { kind: 'bodyguard', target };
      },
    },
  },
  view: { guarded: last },
};
