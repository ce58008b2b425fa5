import { z } from 'zod';
import type { GameContext } from '../types.ts';
import { anyOf, promptOf, recordAction, slice, type RoleModule } from './role.ts';
import { isLiving, livingExcept } from '../derived.ts';

declare module '../../views.ts' {
  interface NightActions { doctor: { kind: 'doctor'; target: number } }
  interface Prompts { doctor: { kind: 'doctor'; targets: number[] } }
  interface SecretEntries { doctor: { kind: 'doctor'; night: number; doctor: number; seat: number } }
  interface YouView {
    /** Whom the doctor protected last night, who may not be protected again tonight. */
    lastProtected?: number | null;
  }
}

/** The doctor's slice of state: last night's protection (R24). */
interface DoctorState { last: number | null }
const last = (ctx: GameContext, seat: number) => slice<DoctorState>(ctx, seat)?.last ?? null;
const targets = (ctx: GameContext, seat: number) => livingExcept(ctx, last(ctx, seat));

export const doctor: RoleModule = {
  id: 'doctor',
  team: 'village',
  order: 30,
  rules: 'R24',
  seenAs: 'village',
  words: {
    name: 'Doctor',
    icon: '✚',
    summary: 'Each night, protect one player from the wolves; never the same player two nights running.',
    description: 'Each night he protects one living player, himself included, from the werewolves (not from poison), never the same player two nights running.',
    night: { heading: (day) => `Night ${day}: whom will you protect?`, verb: 'Protect', due: 'protect a player', confirm: () => 'Protect', told: (a, who) => (a.kind === 'doctor' ? `protects ${who(a.target)}` : '') },
    secret: (e, name) => (e.kind === 'doctor' ? `Night ${e.night}: the doctor ${name(e.doctor)} protected ${name(e.seat)}.` : null),
    facts: (you, name, over) => (you.lastProtected != null && !over ? [`Last night you protected ${name(you.lastProtected)}: not again tonight.`] : []),
  },
  state: { initial: (): DoctorState => ({ last: null }) },
  night: {
    kind: 'doctor',
    schema: z.strictObject({ kind: z.literal('doctor'), target: z.number().int().min(0).max(99) }),
    priority: 30,
    due: (ctx, seat) => ctx.night.actions[seat] === undefined,
    validate(ctx, seat, action) {
      if (action.kind !== 'doctor') return 'action/not-allowed';
      if (ctx.night.actions[seat]) return 'action/already-done';
      if (!isLiving(ctx, action.target)) return 'action/invalid-target';
      if (last(ctx, seat) === action.target) return 'action/same-target';
      return null;
    },
    record: recordAction,
    resolve(ctx) {
      const out: ReturnType<NonNullable<RoleModule['night']>['resolve']> = [];
      for (const p of ctx.players) {
        if (p.role !== 'doctor') continue;
        const action = ctx.night.actions[p.seat];
        const target = action?.kind === 'doctor' ? action.target : null;
        // A night without protection frees him to protect anyone the next night.
        out.push({ kind: 'state', by: p.seat, value: { last: target } satisfies DoctorState });
        if (target === null) continue;
        out.push({ kind: 'protect', by: p.seat, seat: target }, { kind: 'learn', by: p.seat, entry: { kind: 'doctor', night: ctx.day, doctor: p.seat, seat: target } });
      }
      return out;
    },
    prompt: (ctx, seat) => ({ kind: 'doctor', targets: targets(ctx, seat) }),
    form: { picks: 1, build: (_p, [target]) => ({ kind: 'doctor', target }) },
    bot: {
      // Guard the seer this seat believes, else himself half the time.
      smart(p, you, b, rng) {
        const { targets: t } = promptOf(p, 'doctor');
        const seer = b.trusted;
        const target = seer !== null && t.includes(seer) ? seer : t.includes(you.seat) && rng() < 0.5 ? you.seat : anyOf(rng, t);
        return target === undefined ? null : { kind: 'doctor', target };
      },
    },
  },
  view: { lastProtected: last },
  deal: { auto: (n) => (n >= 6 ? 1 : 0) },
};
