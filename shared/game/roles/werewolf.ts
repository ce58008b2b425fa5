import { derived, roleAt } from '../derived.ts';
import { pick } from '../rng.ts';
import type { GameContext } from '../types.ts';
import { isLiving, type RoleModule } from './role.ts';

export function livingWolves(ctx: GameContext): number[] {
  return derived(ctx.players).livingWolves;
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
  let seats: number[] = [];
  for (const [seat, n] of counts) {
    if (n > best) { best = n; seats = [seat]; } else if (n === best) seats.push(seat);
  }
  seats.sort((a, b) => a - b);
  return seats;
}

/** The victim as it stands, for the witch: null while the pack is undecided or tied. */
export function currentVictim(ctx: GameContext): number | null {
  const seats = leadingPicks(ctx);
  return seats.length === 1 ? seats[0] : null;
}

const NO_PICKS: Readonly<Record<number, number>> = Object.freeze({});

export const werewolf: RoleModule = {
  id: 'werewolf',
  team: 'wolves',
  night: {
    kind: 'wolf',
    priority: 40,
    due: (ctx, seat) => ctx.night.picks[seat] === undefined,
    validate(ctx, _seat, action) {
      if (action.kind !== 'wolf') return 'action/not-allowed';
      if (!isLiving(ctx, action.target) || roleAt(ctx, action.target) === 'werewolf') return 'action/invalid-target';
      return null;
    },
    record: (night, seat, action) => (action.kind === 'wolf' ? { ...night, picks: { ...night.picks, [seat]: action.target } } : night),
    resolve(ctx, res) {
      const seats = leadingPicks(ctx);
      let target: number | null = null;
      if (seats.length > 0) [target, res.rng] = pick(seats, res.rng);
      res.secrets.push({ kind: 'wolves', night: ctx.day, target });
      if (target !== null && !res.protectedSeats.has(target)) res.wolfTarget = target;
      else res.wolfTarget = null;
      if (res.wolfTarget !== null) res.deaths.set(res.wolfTarget, 'wolves');
    },
    prompt: (ctx, seat) => ({ kind: 'wolf', targets: derived(ctx.players).livingPrey, current: ctx.night.picks[seat] ?? null }),
  },
  // Shared with the context, which is never mutated.
  view: {
    pack: (ctx) => derived(ctx.players).wolves,
    packPicks: (ctx) => (ctx.phase === 'night' ? ctx.night.picks : NO_PICKS),
  },
};
