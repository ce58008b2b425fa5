import { z } from 'zod';
import { isLiving } from '../derived.ts';
import type { NightAction } from '../types.ts';
import { recordAction, type NightRole } from './role.ts';

/**
 * The night action most roles have: name one other living player, once a night (the seer's look,
 * the sorceress's, the serial killer's knife). Its wire shape `{ kind, target }`, when it is due,
 * its refusals and how it is kept; the role adds its priority, prompt, form, resolution and bot.
 */
export function oneTarget(kind: NightAction['kind']): Pick<NightRole, 'kind' | 'schema' | 'due' | 'validate' | 'record'> {
  return {
    kind,
    schema: z.strictObject({ kind: z.literal(kind), target: z.number().int().min(0).max(99) }),
    due: (ctx, seat) => ctx.night.actions[seat] === undefined,
    validate(ctx, seat, action) {
      if (action.kind !== kind) return 'action/not-allowed';
      if (ctx.night.actions[seat]) return 'action/already-done';
      const target = (action as { target: number }).target;
      if (target === seat || !isLiving(ctx, target)) return 'action/invalid-target';
      return null;
    },
    record: recordAction,
  };
}
