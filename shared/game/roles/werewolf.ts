import { z } from 'zod';
import { derived } from '../derived.ts';
import type { GameContext, NightState } from '../types.ts';
import { best, promptOf, type BotBeliefs, type RoleModule } from './role.ts';
import { isLiving } from '../derived.ts';

declare module '../../views.ts' {
  interface NightActions { wolf: { kind: 'wolf'; target: number } }
  interface Prompts { wolf: { kind: 'wolf'; targets: number[]; current: number | null } }
  interface SecretEntries { wolves: { kind: 'wolves'; night: number; target: number | null } }
  interface DeathCauses { wolves: true }
  interface YouView {
    /** Fellow werewolves (werewolves only), and their picks tonight. */
    pack?: number[];
    packPicks?: Record<number, number>;
  }
}

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
  return seats.sort((a, b) => a - b);
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
  order: 10,
  rules: 'R21–R22, R55',
  seenAs: 'wolves',
  readsPicks: true,
  words: {
    name: 'Werewolf',
    icon: '☾',
    summary: 'Each night, choose a victim together with your pack. Win when you are as many as the others.',
    description: 'Knows the pack. Each night the pack picks a victim, changeably until dawn; the most picked dies, a tie is settled by chance. The pack talks in its own chat at night.',
    night: {
      heading: (day) => `Night ${day}: choose a victim with your pack`,
      verb: 'Attack',
      told: (a, who) => (a.kind === 'wolf' ? `picks ${who(a.target)} as the victim` : ''),
      due: 'choose a victim',
      note(you, seat, name) {
        const by = Object.entries(you.packPicks ?? {}).filter(([w, t]) => t === seat && Number(w) !== you.seat).map(([w]) => name(Number(w)));
        return by.length ? `picked by ${by.join(', ')}` : null;
      },
    },
    causes: { wolves: { label: 'killed by the werewolves', sentence: 'The werewolves killed you', atNight: true } },
    secret: (e, name) => (e.kind !== 'wolves' ? null : e.target === null ? `Night ${e.night}: the werewolves chose nobody.` : `Night ${e.night}: the werewolves attacked ${name(e.target)}.`),
    facts(you, name) {
      if (!you.pack) return [];
      const others = you.pack.filter((s) => s !== you.seat);
      return [others.length ? `Your pack: ${others.map(name).join(', ')}.` : 'You are the only werewolf.'];
    },
  },
  night: {
    kind: 'wolf',
    schema: z.strictObject({ kind: z.literal('wolf'), target: z.number().int().min(0).max(99) }),
    priority: 40,
    pack: true,
    due: (ctx, seat) => ctx.night.picks[seat] === undefined,
    validate(ctx, _seat, action) {
      if (action.kind !== 'wolf') return 'action/not-allowed';
      if (!isLiving(ctx, action.target) || derived(ctx.players).wolves.includes(action.target)) return 'action/invalid-target';
      return null;
    },
    record: (night, seat, action) => (action.kind === 'wolf' ? { ...night, picks: { ...night.picks, [seat]: action.target } } : night),
    resolve(ctx, tonight) {
      const seats = leadingPicks(ctx);
      const target = seats.length > 0 ? tonight.pick(seats) : null;
      const by = livingWolves(ctx)[0] ?? -1;
      const entry = { kind: 'wolves' as const, night: ctx.day, target };
      if (target === null) return [{ kind: 'learn', by, entry }];
      return [{ kind: 'learn', by, entry }, { kind: 'kill', by, seat: target, cause: 'wolves', attack: true }];
    },
    prompt: (ctx, seat) => ({ kind: 'wolf', targets: derived(ctx.players).livingPrey, current: ctx.night.picks[seat] ?? null }),
    form: {
      picks: 1,
      instant: true,
      current: (p) => promptOf(p, 'wolf').current,
      build: (_p, [target]) => ({ kind: 'wolf', target }),
    },
    bot: {
      smart(p, you, b, rng) {
        const { targets } = promptOf(p, 'wolf');
        const target = wolfTarget(you.packPicks ?? {}, targets, b, rng);
        return target === undefined ? null : { kind: 'wolf', target };
      },
    },
  },
  // Shared with the context, which is never mutated.
  view: {
    pack: (ctx) => derived(ctx.players).wolves,
    packPicks: (ctx) => (ctx.phase === 'night' ? ctx.night.picks : NO_PICKS),
  },
  deal: { auto: (n) => (n === 5 ? 1 : n >= 10 ? Math.floor((n - 1) / 3) : 2) },
};

/**
 * The pack agrees without talking: a claimed seer first (as the village sees it), else the pick of
 * the lowest-seated wolf who picked, else the most trusted villager.
 */
function wolfTarget(picks: Record<number, number>, targets: number[], b: BotBeliefs, rng: () => number): number | undefined {
  const seers = b.publicSeers.filter((s) => targets.includes(s));
  if (seers.length) return b.publicTrusted !== null && seers.includes(b.publicTrusted) ? b.publicTrusted : seers[0];
  // Picks made at the same moment may differ: all follow the lowest-seated wolf who picked.
  const agreed = Object.entries(picks).filter(([, t]) => targets.includes(t));
  if (agreed.length) return agreed.sort((a, c) => Number(a[0]) - Number(c[0]))[0][1];
  return best(targets, (s) => -b.publicSuspicion(s), rng);
}
