import { z } from 'zod';
import { derived, isLiving } from '../derived.ts';
import type { GameContext } from '../types.ts';
import { best, promptOf, type RoleModule } from './role.ts';
import { packBotPick, packFacts, packLines, packNote, packPrompt, packRandomPick, packStep, recordPick, showsPick, tapPick, validatePick, type PackPrompt } from './werewolf.ts';

declare module '../../roles.ts' {
  interface Teams { 'white-werewolf': true }
}

declare module '../../views.ts' {
  interface NightActions { white: { kind: 'white'; target?: number; second?: number; kill?: number | null } }
  /** `targets` holds the pack's prey and, on his nights, the werewolves he may kill (`wolves`). */
  interface Prompts { white: { kind: 'white'; wolves: number[]; kill: number | null } & PackPrompt }
  interface SecretEntries { white: { kind: 'white'; night: number; white: number; seat: number } }
  interface DeathCauses { 'white-werewolf': true }
}

/** Whether tonight is one of his nights (R124): every second night, from night 2. */
const hisNight = (ctx: GameContext) => ctx.day % 2 === 0;

/** The werewolves he may kill tonight: the other living members of the pack, on his nights only. */
function prey(ctx: GameContext, seat: number): number[] {
  return hisNight(ctx) ? derived(ctx.players).livingWolves.filter((s) => s !== seat) : [];
}

function killOf(ctx: GameContext, seat: number): number | null {
  const a = ctx.night.actions[seat];
  return a?.kind === 'white' ? a.kill ?? null : null;
}

/** His prompt as the pack's: only the pack's prey as targets (for the shared pack play). */
function asPack(p: { targets: number[]; wolves: number[] } & PackPrompt): PackPrompt {
  const { wolves, kill: _kill, kind: _kind, ...rest } = p as typeof p & { kill: unknown; kind: unknown };
  return { ...rest, targets: p.targets.filter((s) => !wolves.includes(s)) };
}

/**
 * The white werewolf (docs/rules.md R124): a member of the pack in all it sees of him, with a team
 * of his own. Every second night he may also kill one other werewolf, which no protection stops;
 * he wins alone when at most one other player lives; while he lives the village cannot win, nor
 * the pack while anyone outside it lives.
 */
export const whiteWerewolf: RoleModule = {
  id: 'white-werewolf',
  team: 'white-werewolf',
  order: 13,
  rules: 'R124, R85',
  seenAs: 'wolves',
  words: {
    name: 'White werewolf',
    icon: '☼',
    summary: 'A werewolf who plays for himself: every second night, kill a werewolf too. Win alone.',
    description: 'Picks the victim with the pack, which takes him for one of its own. Every second night (nights 2, 4, …) he may also kill one other werewolf. He wins alone when at most one other player is alive. While he lives the village cannot win, and the pack wins only once nobody outside it is left, and then he loses.',
    night: {
      heading: (day) => (day % 2 === 0 ? `Night ${day}: choose a victim with your pack, and a werewolf if you wish` : `Night ${day}: choose a victim with your pack`),
      verb: 'Choose',
      due: 'choose a victim',
      told: (a, who) => (a.kind === 'white' ? [a.target !== undefined ? `picks ${who(a.target)} as the victim` : '', a.kill != null ? `means to kill ${who(a.kill)}` : ''].filter(Boolean).join(' and ') : ''),
      lines(p, you, name) {
        const w = promptOf(p, 'white');
        const mine = w.wolves.length ? [w.kill !== null ? `You will kill ${name(w.kill)} tonight; choose him again to spare him.` : 'Tonight you may also kill a werewolf: choose one of the pack.'] : [];
        return [...packLines(w, you), ...mine];
      },
      note(you, seat, name) {
        const p = you.prompt;
        if (p?.kind === 'white' && p.wolves.includes(seat)) return p.kill === seat ? 'you kill him tonight' : 'of the pack';
        return packNote(you, seat, name);
      },
    },
    causes: { 'white-werewolf': { label: 'killed by the white werewolf', sentence: 'The white werewolf killed you', atNight: true } },
    secret: (e, name) => (e.kind === 'white' ? `Night ${e.night}: the white werewolf ${name(e.white)} killed ${name(e.seat)}.` : null),
    facts: (you, name) => [...packFacts(you, name), 'You play for yourself: the pack does not know it.'],
  },
  night: {
    kind: 'white',
    schema: z.strictObject({
      kind: z.literal('white'),
      target: z.number().int().min(0).max(99).optional(),
      second: z.number().int().min(0).max(99).optional(),
      kill: z.number().int().min(0).max(99).nullable().optional(),
    }),
    priority: 43,
    pack: true,
    due: (ctx, seat) => ctx.night.picks[seat] === undefined,
    validate(ctx, seat, action) {
      if (action.kind !== 'white') return 'action/not-allowed';
      if (action.second !== undefined && action.target === undefined) return 'input/invalid';
      if (action.kill != null) {
        if (!hisNight(ctx)) return 'action/not-allowed';
        if (!prey(ctx, seat).includes(action.kill)) return 'action/invalid-target';
      }
      return validatePick(ctx, action);
    },
    record: (night, seat, action) => {
      // A pick without a target keeps the seat's pick (a tap on a werewolf changes only the kill).
      const kept = action.kind === 'white' && action.target === undefined && night.picks[seat] !== undefined ? { ...action, target: night.picks[seat] } : action;
      return recordPick(night, seat, kept);
    },
    resolve: packStep('white-werewolf'),
    prompt(ctx, seat) {
      const wolves = prey(ctx, seat);
      const pack = packPrompt(ctx, seat);
      return { kind: 'white', ...pack, targets: [...pack.targets, ...wolves].sort((a, b) => a - b), wolves, kill: killOf(ctx, seat) };
    },
    form: {
      picks: 1,
      instant: true,
      current: (p) => promptOf(p, 'white').current,
      build(p, [s]) {
        const w = promptOf(p, 'white');
        if (w.wolves.includes(s)) {
          const pick = w.current === null ? {} : { target: w.current, ...(w.second != null ? { second: w.second } : {}) };
          return { kind: 'white', ...pick, kill: w.kill === s ? null : s };
        }
        return { kind: 'white', ...tapPick(w, s), kill: w.kill };
      },
      shows: (p, a) => a.kind === 'white' && showsPick(promptOf(p, 'white'), a) && promptOf(p, 'white').kill === (a.kill ?? null),
    },
    bot: {
      random(p, rng) {
        const w = promptOf(p, 'white');
        const pick = packRandomPick(asPack(w), rng);
        const kill = w.wolves.length && (rng() < 0.3 || !pick) ? w.wolves[Math.floor(rng() * w.wolves.length)] : null;
        return pick || kill !== null ? { kind: 'white', ...pick, kill } : null;
      },
      smart(p, you, b, rng) {
        const w = promptOf(p, 'white');
        const pack = asPack(w);
        // With no prey left (only the pack alive) there is no pick, but there may be a kill.
        const pick = packBotPick(pack, you, b, rng) ?? {};
        // Thin the pack when that wins him the game at this dawn, or when it is as many as the village
        // (the village would soon be gone, and the pack with it in the way); kill the one least suspected.
        const others = w.wolves.length;
        const after = 1 + (others - 1) + Math.max(0, pack.targets.length - (pack.victims ?? 1));
        const kill = others > 0 && (after <= 2 || others >= pack.targets.length) ? best(w.wolves, (s) => -b.publicSuspicion(s), rng) ?? null : null;
        return { kind: 'white', ...pick, kill };
      },
    },
  },
  // After the pack's victim is decided; no protection stops a blow from inside the pack.
  dawn: {
    priority: 45,
    resolve(ctx) {
      const out = [];
      for (const p of ctx.players) {
        if (!p.alive || p.role !== 'white-werewolf') continue;
        const seat = killOf(ctx, p.seat);
        if (seat === null || !hisNight(ctx) || !isLiving(ctx, seat)) continue;
        out.push({ kind: 'kill' as const, by: p.seat, seat, cause: 'white-werewolf' as const, attack: false },
          { kind: 'learn' as const, by: p.seat, entry: { kind: 'white' as const, night: ctx.day, white: p.seat, seat } });
      }
      return out;
    },
  },
  win: {
    // Alone, or with one other player left (R124).
    check(ctx) {
      const living = ctx.players.filter((p) => p.alive);
      const white = living.find((p) => p.role === 'white-werewolf');
      if (!white || living.length > 2) return null;
      return { winner: 'white-werewolf', seats: [white.seat], reason: 'The white werewolf outlived the village and the pack.' };
    },
  },
  deal: { max: 1 },
};


