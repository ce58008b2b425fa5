import type { GameContext } from '../types.ts';
import { isLiving, livingExcept, recordAction, type RoleModule } from './role.ts';

const targets = (ctx: GameContext, seat: number) => livingExcept(ctx, ctx.lastProtected[seat] ?? null);

export const doctor: RoleModule = {
  id: 'doctor',
  team: 'village',
  night: {
    kind: 'doctor',
    priority: 30,
    due: (ctx, seat) => ctx.night.actions[seat] === undefined,
    validate(ctx, seat, action) {
      if (action.kind !== 'doctor') return 'action/not-allowed';
      if (ctx.night.actions[seat]) return 'action/already-done';
      if (!isLiving(ctx, action.target)) return 'action/invalid-target';
      if ((ctx.lastProtected[seat] ?? null) === action.target) return 'action/same-target';
      return null;
    },
    record: recordAction,
    resolve(ctx, res) {
      for (const p of ctx.players) {
        if (p.role !== 'doctor') continue;
        const action = ctx.night.actions[p.seat];
        const target = action?.kind === 'doctor' ? action.target : null;
        res.lastProtected[p.seat] = target;
        if (target === null) continue;
        res.protectedSeats.add(target);
        res.secrets.push({ kind: 'doctor', night: ctx.day, doctor: p.seat, seat: target });
      }
    },
    prompt: (ctx, seat) => ({ kind: 'doctor', targets: targets(ctx, seat) }),
  },
  view: { lastProtected: (ctx, seat) => ctx.lastProtected[seat] ?? null },
};
