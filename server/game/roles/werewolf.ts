import { pick } from '../rng.ts';
import type { GameContext } from '../types.ts';
import { isLiving, livingSeats, type RoleModule } from './role.ts';

export function livingWolves(ctx: GameContext): number[] {
  return ctx.players.filter((p) => p.alive && p.role === 'werewolf').map((p) => p.seat);
}

/**
 * The living seats that most living wolves picked (R22): several when tied, none when nobody
 * picked. The pick of a wolf who left, or of a victim who left, does not count.
 */
export function leadingPicks(ctx: GameContext): number[] {
  const counts = new Map<number, number>();
  for (const wolf of livingWolves(ctx)) {
    const target = ctx.night.picks[wolf];
    if (target !== undefined && isLiving(ctx, target)) counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  let best = 0;
  let leaders: number[] = [];
  for (const [seat, n] of counts) {
    if (n > best) { best = n; leaders = [seat]; } else if (n === best) leaders.push(seat);
  }
  return leaders.sort((a, b) => a - b);
}

/** The victim as it stands, for the witch: null while the pack is undecided or tied. */
export function currentVictim(ctx: GameContext): number | null {
  const leaders = leadingPicks(ctx);
  return leaders.length === 1 ? leaders[0] : null;
}

const targets = (ctx: GameContext) => livingSeats(ctx).filter((s) => ctx.players.find((p) => p.seat === s)?.role !== 'werewolf');

export const werewolf: RoleModule = {
  id: 'werewolf',
  team: 'wolves',
  night: {
    kind: 'wolf',
    priority: 40,
    due: (ctx, seat) => ctx.night.picks[seat] === undefined,
    validate(ctx, _seat, action) {
      if (action.kind !== 'wolf') return 'action/not-allowed';
      if (!isLiving(ctx, action.target) || !targets(ctx).includes(action.target)) return 'action/invalid-target';
      return null;
    },
    record: (night, seat, action) => (action.kind === 'wolf' ? { ...night, picks: { ...night.picks, [seat]: action.target } } : night),
    resolve(ctx, res) {
      const leaders = leadingPicks(ctx);
      let target: number | null = null;
      if (leaders.length > 0) [target, res.rng] = pick(leaders, res.rng);
      res.secrets.push({ kind: 'wolves', night: ctx.day, target });
      if (target !== null && !res.protectedSeats.has(target)) res.wolfTarget = target;
      else res.wolfTarget = null;
      if (res.wolfTarget !== null) res.deaths.set(res.wolfTarget, 'wolves');
    },
    prompt: (ctx, seat) => ({ kind: 'wolf', targets: targets(ctx), current: ctx.night.picks[seat] ?? null }),
  },
  knows: (ctx) => ({
    pack: ctx.players.filter((p) => p.role === 'werewolf').map((p) => p.seat),
    packPicks: ctx.phase === 'night' ? { ...ctx.night.picks } : {},
  }),
};
