import { z } from 'zod';
import type { GameContext } from '../types.ts';
import { isLiving, livingExcept } from '../derived.ts';
import type { Effect } from './effects.ts';
import { best, promptOf, recordAction, slice, type RoleModule } from './role.ts';

/** The wild child (docs/rules.md R200–R202): a villager who follows a model, and turns wolf when the model dies. */

declare module '../../views.ts' {
  interface NightActions { model: { kind: 'model'; target: number } }
  interface Prompts { model: { kind: 'model'; targets: number[] } }
  interface SecretEntries { model: { kind: 'model'; night: number; child: number; seat: number } }
  interface YouView {
    /** The wild child's model (wild child only, R201). */
    model?: number | null;
  }
}

/** The wild child's slice of state: the model, from the first dawn on. */
interface ChildState { model: number | null }

function model(ctx: GameContext, seat: number): number | null {
  const kept = slice<ChildState>(ctx, seat)?.model ?? null;
  if (kept !== null) return kept;
  // He knows his pick the moment he makes it.
  const tonight = ctx.phase === 'night' ? ctx.night.actions[seat] : undefined;
  return tonight?.kind === 'model' ? tonight.target : null;
}

export const wildChild: RoleModule = {
  id: 'wild-child',
  team: 'village',
  order: 72,
  rules: 'R200–R202',
  seenAs: 'village',
  words: {
    name: 'Wild child',
    icon: '❦',
    summary: 'On the first night, choose a model. If your model dies, you become a werewolf.',
    description: 'Plays for the village while his model lives. On the first night he chooses another player as his model (chance chooses if he does not); only he knows whom. When the model dies, of any cause, he becomes a werewolf and joins the pack.',
    night: {
      heading: () => 'Night 1: choose your model',
      verb: 'Follow',
      due: 'choose a model',
      confirm: (picked, name) => (picked.length ? `Follow ${name(picked[0])}` : 'Follow'),
      told: (a, who) => (a.kind === 'model' ? `takes ${who(a.target)} as a model` : ''),
    },
    secret: (e, name) => (e.kind === 'model' ? `Night ${e.night}: the wild child ${name(e.child)} took ${name(e.seat)} as a model.` : null),
    facts: (you, name) => (typeof you.model === 'number' ? [`Your model: ${name(you.model)}. If your model dies, you become a werewolf.`] : []),
  },
  state: { initial: (): ChildState => ({ model: null }) },
  night: {
    kind: 'model',
    schema: z.strictObject({ kind: z.literal('model'), target: z.number().int().min(0).max(99) }),
    // Early: nothing of the night depends on it.
    priority: 12,
    due: (ctx, seat) => ctx.day === 1 && ctx.night.actions[seat] === undefined && slice<ChildState>(ctx, seat)?.model == null,
    validate(ctx, seat, action) {
      if (action.kind !== 'model' || ctx.day !== 1) return 'action/not-allowed';
      if (ctx.night.actions[seat]) return 'action/already-done';
      if (action.target === seat || !isLiving(ctx, action.target)) return 'action/invalid-target';
      return null;
    },
    record: recordAction,
    resolve(ctx, tonight) {
      if (ctx.day !== 1) return [];
      const out: Effect[] = [];
      for (const p of ctx.players) {
        if (p.role !== 'wild-child' || !p.alive || slice<ChildState>(ctx, p.seat)?.model != null) continue;
        const a = ctx.night.actions[p.seat];
        // No answer by dawn: chance chooses his model among the others (R200).
        const seat = a?.kind === 'model' ? a.target : tonight.pick(livingExcept(ctx, p.seat));
        out.push({ kind: 'state', by: p.seat, value: { model: seat } satisfies ChildState }, { kind: 'learn', by: p.seat, entry: { kind: 'model', night: ctx.day, child: p.seat, seat } });
      }
      return out;
    },
    prompt: (ctx, seat) => ({ kind: 'model', targets: livingExcept(ctx, seat) }),
    form: { picks: 1, build: (_p, [target]) => ({ kind: 'model', target }) },
    bot: {
      // A model he trusts: the seer he believes, else the least suspected player.
      smart(p, _you, b, rng) {
        const { targets } = promptOf(p, 'model');
        const target = b.trusted !== null && targets.includes(b.trusted) ? b.trusted : best(targets, (s) => -b.suspicion(s), rng);
        return target === undefined ? null : { kind: 'model', target };
      },
    },
  },
  on: {
    // The model's death turns every living wild child who follows it into a werewolf (R202, R83).
    death: (ctx, dead) => ctx.players
      .filter((p) => p.alive && p.role === 'wild-child' && slice<ChildState>(ctx, p.seat)?.model === dead.seat)
      .map((p) => ({ kind: 'become' as const, seat: p.seat, role: 'werewolf' })),
  },
  view: { model },
  deal: { max: 1 },
};
