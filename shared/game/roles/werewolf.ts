import { z } from 'zod';
import type { RoleId } from '../../roles.ts';
import type { YouView } from '../../views.ts';
import { derived, isLiving } from '../derived.ts';
import type { GameContext, NightAction, NightState, Rejection } from '../types.ts';
import type { Effect, Tonight } from './effect-types.ts';
import { registry } from './registry.ts';
import { best, promptOf, type BotBeliefs, type Namer, type RoleModule } from './role.ts';

declare module '../../views.ts' {
  interface NightActions { wolf: { kind: 'wolf'; target: number; second?: number } }
  interface Prompts { wolf: { kind: 'wolf' } & PackPrompt }
  interface SecretEntries { wolves: { kind: 'wolves'; night: number; target: number | null; second?: number } }
  interface DeathCauses { wolves: true }
  interface YouView {
    /** Fellow members of the pack, living or dead (every pack role's seat, R120), and their picks tonight. */
    pack?: number[];
    packPicks?: Record<number, number>;
    /** The pack's second picks on a night it kills two (R121). */
    packSeconds?: Record<number, number>;
  }
}

/** What every pack role's prompt holds (R22, R121): `victims` and `second` only on a night the pack kills two. */
export interface PackPrompt { targets: number[]; current: number | null; victims?: number; second?: number | null }
/** A pack pick on the wire, whichever pack role sends it. */
export interface PackPick { target: number; second?: number }

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

/**
 * Every victim of the pack as it stands, for the witch (R25, R121): the first while the first picks
 * have one leader; on a night of two, the second too while the second picks have one leader that
 * the dawn cannot take away (it is not among the first picks' tied leaders).
 */
export function currentVictims(ctx: GameContext): number[] {
  const first = leadingPicks(ctx);
  const out = first.length === 1 ? [first[0]] : [];
  if (packVictims(ctx) < 2) return out;
  const seconds = leading(ctx, (w) => secondPick(ctx, w), out[0] ?? null);
  if (seconds.length === 1 && !first.includes(seconds[0])) out.push(seconds[0]);
  return out;
}

const NO_PICKS: Readonly<Record<number, number>> = Object.freeze({});

/** How many the pack kills tonight (R121): one, and one more for each role that says so (the wolf cub's rage), at most two. */
export function packVictims(ctx: GameContext): number {
  let n = 1;
  for (const m of registry.values()) if (m.packVictims && ctx.players.some((p) => p.role === m.id)) n += m.packVictims(ctx);
  return Math.min(n, 2);
}

/** This pack seat's second pick tonight, kept with its answer (R121). */
export function secondPick(ctx: GameContext, seat: number): number | undefined {
  return (ctx.night.actions[seat] as Partial<PackPick> | undefined)?.second;
}

/** The prompt every pack role shares (R22, R121). */
export function packPrompt(ctx: GameContext, seat: number): PackPrompt {
  const base = { targets: derived(ctx.players).livingPrey, current: ctx.night.picks[seat] ?? null };
  return packVictims(ctx) > 1 ? { ...base, victims: 2, second: secondPick(ctx, seat) ?? null } : base;
}

/** A pick is of a living seat outside the pack; a second pick only on a night of two victims, of another such seat. */
export function validatePick(ctx: GameContext, a: Partial<PackPick>): Rejection {
  const prey = (s: number) => isLiving(ctx, s) && !derived(ctx.players).wolves.includes(s);
  if (a.target !== undefined && !prey(a.target)) return 'action/invalid-target';
  if (a.second !== undefined) {
    if (packVictims(ctx) < 2) return 'action/not-allowed';
    if (!prey(a.second) || a.second === a.target) return 'action/invalid-target';
  }
  return null;
}

/** The pick goes where the pack's picks are (R22); the whole answer is kept too, for its second pick and its role's choices. */
export function recordPick(night: NightState, seat: number, action: NightAction): NightState {
  const target = (action as Partial<PackPick>).target;
  const picks = target === undefined ? night.picks : { ...night.picks, [seat]: target };
  return { ...night, picks, actions: { ...night.actions, [seat]: action } };
}

/** The most picked living seats among these picks, several when tied (R22). */
function leading(ctx: GameContext, pickOf: (wolf: number) => number | undefined, except: number | null): number[] {
  const counts = new Map<number, number>();
  for (const wolf of livingWolves(ctx)) {
    const target = pickOf(wolf);
    if (target !== undefined && target !== except && isLiving(ctx, target)) counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  let top = 0;
  let seats: number[] = [];
  for (const [seat, n] of counts) {
    if (n > top) { top = n; seats = [seat]; } else if (n === top) seats.push(seat);
  }
  return seats.sort((a, b) => a - b);
}

/** The pack's victims at dawn (R22, R121): the first from the first picks, the second from the second picks. */
function resolvePack(ctx: GameContext, tonight: Tonight): Effect[] {
  const first = leadingPicks(ctx);
  const target = first.length > 0 ? tonight.pick(first) : null;
  const seconds = packVictims(ctx) > 1 ? leading(ctx, (w) => secondPick(ctx, w), target) : [];
  const second = seconds.length > 0 ? tonight.pick(seconds) : undefined;
  const by = livingWolves(ctx)[0] ?? -1;
  const entry = { kind: 'wolves' as const, night: ctx.day, target, ...(second !== undefined ? { second } : {}) };
  const out: Effect[] = [{ kind: 'learn', by, entry }];
  for (const seat of [target, second]) if (seat !== null && seat !== undefined) out.push({ kind: 'kill', by, seat, cause: 'wolves', attack: true });
  return out;
}

/**
 * The pack's dawn step, taken once: by the pack role dealt in this game that comes first in night
 * order (R87). Every pack role's `resolve` is this, for its own id.
 */
export function packStep(id: RoleId): (ctx: GameContext, tonight: Tonight) => Effect[] {
  return (ctx, tonight) => {
    let lead: RoleModule | undefined;
    for (const m of registry.values()) {
      if (m.night?.pack && ctx.players.some((p) => p.role === m.id) && (!lead || m.night.priority < lead.night!.priority)) lead = m;
    }
    return lead?.id === id ? resolvePack(ctx, tonight) : [];
  };
}

/**
 * A tap on a target (the form is instant): on a night of one victim it is the pick; on a night of
 * two the seat's last two taps are its two picks (R121).
 */
export function tapPick(p: PackPrompt, s: number): PackPick {
  if ((p.victims ?? 1) < 2) return { target: s };
  const other = s === p.current ? p.second : p.current;
  return other === null || other === undefined || other === s ? { target: s } : { target: s, second: other };
}

/** Whether the prompt already shows this pick (the bots do not send it twice). */
export function showsPick(p: PackPrompt, a: Partial<PackPick>): boolean {
  return p.current === (a.target ?? p.current) && (p.second ?? undefined) === a.second;
}

/** The lines above the pack's targets: a second victim, the alpha's choice (R121, R125). */
export function packLines(p: PackPrompt, you: YouView): string[] {
  const out: string[] = [];
  if ((p.victims ?? 1) > 1) out.push('The wolf cub is dead: in its rage the pack kills two tonight. Your last two choices are your two victims.');
  if (you.packTurn) out.push('The alpha wolf will turn tonight\'s victim into a werewolf instead of killing him.');
  return out;
}

/** Who of the pack picked this seat, first or second (R22, R121). */
export function packNote(you: YouView, seat: number, name: Namer): string | null {
  const by = (picks: Record<number, number> | undefined) => Object.entries(picks ?? {}).filter(([w, t]) => t === seat && Number(w) !== you.seat).map(([w]) => name(Number(w)));
  const first = by(you.packPicks);
  const second = by(you.packSeconds);
  const mine = you.prompt && 'second' in you.prompt && you.prompt.second === seat ? ['your second victim'] : [];
  const parts = [...mine, ...(first.length ? [`picked by ${first.join(', ')}`] : []), ...(second.length ? [`second pick of ${second.join(', ')}`] : [])];
  return parts.length ? parts.join('; ') : null;
}

/** The pack's bot: follow a person of the pack, else agree on the first victim (wolfTarget); on a night of two pick the next one the same way. */
export function packBotPick(p: PackPrompt, you: YouView, b: BotBeliefs, rng: () => number): PackPick | null {
  // A seat the pack learned is dangerous (a role's `bot.preys`) comes first, unless the pack already agreed.
  const prey = [...registry.values()].flatMap((m) => m.bot?.preys?.(you) ?? []).find((s) => p.targets.includes(s));
  const agreed = Object.values(you.packPicks ?? {}).some((t) => p.targets.includes(t));
  // A person of the pack leads its bots with a word in the wolves' chat ("let's take Bea"), picks or not.
  const wanted = [...(b.packWants ?? [])].reverse().find((s) => p.targets.includes(s));
  const target = wanted ?? (prey !== undefined && !agreed ? prey : wolfTarget(you.packPicks ?? {}, p.targets, b, rng));
  if (target === undefined) return null;
  if ((p.victims ?? 1) < 2) return { target };
  const rest = p.targets.filter((s) => s !== target);
  const second = wolfTarget(you.packSeconds ?? {}, rest, b, rng);
  return second === undefined ? { target } : { target, second };
}

/** A random pick, and a random second one on a night of two. */
export function packRandomPick(p: PackPrompt, rng: () => number): PackPick | null {
  const pool = [...p.targets];
  if (!pool.length) return null;
  const target = pool.splice(Math.floor(rng() * pool.length), 1)[0];
  return (p.victims ?? 1) > 1 && pool.length ? { target, second: pool[Math.floor(rng() * pool.length)] } : { target };
}

export const werewolf: RoleModule = {
  id: 'werewolf',
  team: 'wolves',
  order: 10,
  rules: 'R21–R22, R55, R120',
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
      told: (a, who) => (a.kind === 'wolf' ? `picks ${who(a.target)} as the victim${a.second !== undefined ? ` and ${who(a.second)} as the second` : ''}` : ''),
      due: 'choose a victim',
      lines: (p, you) => packLines(promptOf(p, 'wolf'), you),
      note: packNote,
    },
    causes: { wolves: { label: 'killed by the werewolves', sentence: 'The werewolves killed you', atNight: true } },
    secret: (e, name) => (e.kind !== 'wolves' ? null : e.target === null ? `Night ${e.night}: the werewolves chose nobody.` : `Night ${e.night}: the werewolves attacked ${name(e.target)}${e.second !== undefined ? ` and ${name(e.second)}` : ''}.`),
    facts: packFacts,
  },
  night: {
    kind: 'wolf',
    schema: z.strictObject({ kind: z.literal('wolf'), target: z.number().int().min(0).max(99), second: z.number().int().min(0).max(99).optional() }),
    priority: 40,
    pack: true,
    due: (ctx, seat) => ctx.night.picks[seat] === undefined,
    validate(ctx, _seat, action) {
      if (action.kind !== 'wolf') return 'action/not-allowed';
      return validatePick(ctx, action);
    },
    record: recordPick,
    resolve: packStep('werewolf'),
    prompt: (ctx, seat) => ({ kind: 'wolf', ...packPrompt(ctx, seat) }),
    form: {
      picks: 1,
      instant: true,
      current: (p) => promptOf(p, 'wolf').current,
      build: (p, [target]) => ({ kind: 'wolf', ...tapPick(promptOf(p, 'wolf'), target) }),
      shows: (p, a) => a.kind === 'wolf' && showsPick(promptOf(p, 'wolf'), a),
    },
    bot: {
      random(p, rng) {
        const pick = packRandomPick(promptOf(p, 'wolf'), rng);
        return pick && { kind: 'wolf', ...pick };
      },
      smart(p, you, b, rng) {
        const pick = packBotPick(promptOf(p, 'wolf'), you, b, rng);
        return pick && { kind: 'wolf', ...pick };
      },
    },
  },
  // Every member of the pack sees these (R120); shared with the context, which is never mutated.
  packView: {
    pack: (ctx) => derived(ctx.players).wolves,
    packPicks: (ctx) => (ctx.phase === 'night' ? ctx.night.picks : NO_PICKS),
    packSeconds: (ctx) => (ctx.phase === 'night' && packVictims(ctx) > 1 ? secondsOf(ctx) : undefined),
  },
  // Classic (R3): 2 from 6 players, one more at 9, 12, 15 and 19 (tuned with npm run balance).
  deal: { auto: (n) => (n === 5 ? 1 : 2 + [9, 12, 15, 19].filter((k) => n >= k).length) },
};

function secondsOf(ctx: GameContext): Record<number, number> {
  const out: Record<number, number> = {};
  for (const w of derived(ctx.players).wolves) { const s = secondPick(ctx, w); if (s !== undefined) out[w] = s; }
  return out;
}

/** The pack's line on every pack role's card. */
export function packFacts(you: YouView, name: Namer): string[] {
  if (!you.pack) return [];
  const others = you.pack.filter((s) => s !== you.seat);
  return [others.length ? `Your pack: ${others.map(name).join(', ')}.` : 'You are the only werewolf.'];
}

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
