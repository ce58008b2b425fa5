import { isLiving, livingSeats, recordAction, type RoleModule } from './role.ts';

export const cupid: RoleModule = {
  id: 'cupid',
  team: 'village',
  night: {
    kind: 'cupid',
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
    resolve(ctx, res) {
      for (const action of Object.values(ctx.night.actions)) {
        if (action.kind !== 'cupid') continue;
        const seats = [...action.targets].sort((x, y) => x - y) as [number, number];
        res.lovers = seats;
        res.secrets.push({ kind: 'lovers', night: ctx.day, seats });
      }
    },
    prompt: (ctx) => ({ kind: 'cupid', targets: livingSeats(ctx) }),
  },
  view: {
    lovers(ctx) {
      const linked = ctx.secrets.find((e) => e.kind === 'lovers');
      return linked?.kind === 'lovers' ? linked.seats : undefined;
    },
  },
};
