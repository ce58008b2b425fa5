import { z } from 'zod';
import type { GameContext, NightState } from '../types.ts';
import type { Effect } from './effects.ts';
import { promptOf, recordAction, slice, type RoleModule } from './role.ts';

declare module '../../views.ts' {
  /** `peek: false` is her sleep; `from` is kept by the rules (the wolves' last message id as she peeked), never sent. */
  interface NightActions { peek: { kind: 'peek'; peek: boolean; from?: number } }
  interface Prompts { peek: { kind: 'peek' } }
  interface SecretEntries { peek: { kind: 'peek'; night: number; seat: number; discovered: boolean } }
  interface YouView {
    /** The wolves' messages of the nights she peeked, without their authors (little girl only, R160). */
    peeked?: { night: number; text: string }[];
    /** The little girls the pack caught peeking, and when (every member of the pack, R161); absent before any is caught. */
    caughtPeeking?: { night: number; seat: number }[];
  }
}

/** How many of the overheard messages her role card shows, newest last. */
const SHOWN = 8;

/** One night's peek: the wolves' message ids she saw, after `from` up to `to` (R160). */
interface Peek { night: number; from: number; to: number }
interface GirlState { peeks: Peek[] }

/** The chance that the pack sees her on a night she peeks (R161): one draw in four of the game's PRNG. */
const CAUGHT = [true, false, false, false] as const;

function peeked(ctx: GameContext, seat: number): { night: number; text: string }[] {
  const ranges = [...(slice<GirlState>(ctx, seat)?.peeks ?? [])];
  const tonight = ctx.phase === 'night' ? ctx.night.actions[seat] : undefined;
  if (tonight?.kind === 'peek' && tonight.peek) ranges.push({ night: ctx.day, from: tonight.from ?? 0, to: Infinity });
  const out: { night: number; text: string }[] = [];
  if (ranges.length === 0) return out;
  // Her own list, built from the chat: the text only, never the seat or the name of who wrote it.
  for (const m of ctx.chat) {
    if (m.channel !== 'wolves') continue;
    const r = ranges.find((x) => m.id > x.from && m.id <= x.to);
    if (r) out.push({ night: r.night, text: m.text });
  }
  return out;
}

/**
 * The little girl (docs/rules.md R160–R161): each night she may peek at the werewolves' chat,
 * which she reads without names; each night she peeks, the pack may catch her at it.
 */
export const littleGirl: RoleModule = {
  id: 'little-girl',
  team: 'village',
  order: 57,
  rules: 'R160–R161',
  seenAs: 'village',
  words: {
    name: 'Little girl',
    icon: '✿',
    summary: 'At night you may peek at the werewolves\' chat, without names; but they may catch you.',
    description: 'Plays for the village. Each night she may peek: she reads what the werewolves write that night from then on, without knowing who wrote it. Each night she peeks, one time in four the pack catches her and learns who she is.',
    night: {
      heading: (day) => `Night ${day}: peek at the werewolves?`,
      verb: 'Peek',
      due: 'peek or sleep',
      confirm: (_picked, _name, checked) => (checked.includes('peek') ? 'Peek' : 'Sleep'),
      lines: () => ['You read the werewolves\' chat tonight without names; one time in four they catch you and learn who you are.'],
      told: (a) => (a.kind === 'peek' ? (a.peek ? 'peeks at the werewolves' : 'sleeps') : ''),
    },
    secret: (e, name) => (e.kind === 'peek' ? `Night ${e.night}: the little girl ${name(e.seat)} peeked at the werewolves${e.discovered ? ', and they caught her' : ''}.` : null),
    // The last words she overheard, without their authors (R160).
    facts: (you, _name, over) => (over ? [] : (you.peeked ?? []).slice(-SHOWN).map((m) => `Night ${m.night}, a werewolf wrote: “${m.text}”`)),
    packFacts: (you, name, over) => (over ? [] : (you.caughtPeeking ?? []).map((c) => `Night ${c.night}: you caught ${name(c.seat)} peeking. She is the little girl.`)),
  },
  state: { initial: (): GirlState => ({ peeks: [] }) },
  // The pack's bots silence a little girl they caught (she reads their chat).
  bot: { preys: (you) => (you.caughtPeeking ?? []).map((c) => c.seat) },
  view: { peeked },
  packView: {
    // Absent until she is caught, so the pack's view does not tell that a little girl was dealt.
    caughtPeeking(ctx) {
      const caught = ctx.secrets.flatMap((e) => (e.kind === 'peek' && e.discovered ? [{ night: e.night, seat: e.seat }] : []));
      return caught.length ? caught : undefined;
    },
  },
  night: {
    kind: 'peek',
    schema: z.strictObject({ kind: z.literal('peek'), peek: z.boolean() }),
    // Last at dawn: the night's chat is over, and nothing she does changes the other roles' night.
    priority: 90,
    due: (ctx, seat) => ctx.night.actions[seat] === undefined,
    validate(ctx, seat, action) {
      if (action.kind !== 'peek') return 'action/not-allowed';
      return ctx.night.actions[seat] ? 'action/already-done' : null;
    },
    // She reads from the moment she peeks: the wolves' last message id then is where her reading starts.
    record: (night: NightState, seat, action, ctx) => recordAction(night, seat, action.kind === 'peek' && action.peek ? { ...action, from: ctx.chatIds.wolves } : action),
    resolve(ctx, tonight) {
      const out: Effect[] = [];
      for (const p of ctx.players) {
        const a = ctx.night.actions[p.seat];
        if (p.role !== 'little-girl' || !p.alive || a?.kind !== 'peek' || !a.peek) continue;
        const discovered = tonight.pick(CAUGHT);
        const peeks = [...(slice<GirlState>(ctx, p.seat)?.peeks ?? []), { night: ctx.day, from: a.from ?? 0, to: ctx.chatIds.wolves }];
        out.push(
          { kind: 'state', by: p.seat, value: { peeks } satisfies GirlState },
          { kind: 'learn', by: p.seat, entry: { kind: 'peek', night: ctx.day, seat: p.seat, discovered } },
        );
      }
      return out;
    },
    prompt: () => ({ kind: 'peek' }),
    form: {
      picks: 0,
      optional: true,
      pickable: () => false,
      checks: (p) => (promptOf(p, 'peek') ? [{ key: 'peek', label: 'Peek at the werewolves' }] : []),
      build: (_p, _picked, checked) => ({ kind: 'peek', peek: checked.includes('peek') }),
    },
    bot: {
      random: (_p, rng) => ({ kind: 'peek', peek: rng() < 0.5 }),
      // She cannot know whether she was caught; the pack's words are worth the risk one night in two.
      smart: (_p, _you, _b, rng) => ({ kind: 'peek', peek: rng() < 0.5 }),
    },
  },
  deal: { max: 1 },
};
