import type { SeerResult } from '../../views.ts';
import type { GameContext } from '../types.ts';
import { isLiving, livingExcept, recordAction, roleOf, seenAs, type RoleModule } from './role.ts';

/** Past results from the record, plus tonight's, which the seer learns the moment she acts (R23). */
function results(ctx: GameContext, seat: number): SeerResult[] {
  const out: SeerResult[] = [];
  for (const e of ctx.secrets) if (e.kind === 'seer' && e.seer === seat) out.push({ night: e.night, seat: e.seat, team: e.team });
  const tonight = ctx.phase === 'night' ? ctx.night.actions[seat] : undefined;
  if (tonight?.kind === 'seer') return [...out, { night: ctx.day, seat: tonight.target, team: seenAs(roleOf(ctx, tonight.target)) }];
  return out;
}

export const seer: RoleModule = {
  id: 'seer',
  team: 'village',
  night: {
    kind: 'seer',
    priority: 20,
    due: (ctx, seat) => ctx.night.actions[seat] === undefined,
    validate(ctx, seat, action) {
      if (action.kind !== 'seer') return 'action/not-allowed';
      if (ctx.night.actions[seat]) return 'action/already-done';
      if (action.target === seat || !isLiving(ctx, action.target)) return 'action/invalid-target';
      return null;
    },
    record: recordAction,
    resolve(ctx, res) {
      for (const [seat, action] of Object.entries(ctx.night.actions)) {
        if (action.kind !== 'seer') continue;
        res.secrets.push({ kind: 'seer', night: ctx.day, seer: Number(seat), seat: action.target, team: seenAs(roleOf(ctx, action.target)) });
      }
    },
    prompt: (ctx, seat) => ({ kind: 'seer', targets: livingExcept(ctx, seat) }),
  },
  view: { seerResults: results },
};
