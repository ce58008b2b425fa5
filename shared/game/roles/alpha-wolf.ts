import { z } from 'zod';
import { derived, isLiving } from '../derived.ts';
import type { GameContext } from '../types.ts';
import type { Effect } from './effect-types.ts';
import { promptOf, slice, type RoleModule } from './role.ts';
import { packBotPick, packFacts, packLines, packNote, packPrompt, packRandomPick, packStep, recordPick, showsPick, tapPick, validatePick, type PackPrompt } from './werewolf.ts';

declare module '../../views.ts' {
  interface NightActions { alpha: { kind: 'alpha'; target: number; second?: number; turn?: boolean } }
  interface Prompts { alpha: { kind: 'alpha'; canTurn: boolean; turn: boolean } & PackPrompt }
  interface SecretEntries { alpha: { kind: 'alpha'; night: number; alpha: number; seat: number } }
  interface YouView {
    /** The alpha's bite is still his to use (the alpha wolf only). */
    alphaBite?: boolean;
    /** A living alpha chose to turn tonight's victim instead of killing him (every member of the pack, R120, R125). */
    packTurn?: boolean;
  }
}

interface AlphaState { used: boolean }

const used = (ctx: Pick<GameContext, 'roles'>, seat: number) => slice<AlphaState>(ctx, seat)?.used === true;

/** Whether this alpha chose to turn tonight's victim. */
function turning(ctx: GameContext, seat: number): boolean {
  const a = ctx.night.actions[seat];
  return a?.kind === 'alpha' && a.turn === true && !used(ctx, seat);
}

/** The living alphas who chose to turn tonight's victim, in seat order. */
function turners(ctx: GameContext): number[] {
  return ctx.players.filter((p) => p.alive && p.role === 'alpha-wolf' && turning(ctx, p.seat)).map((p) => p.seat);
}

/**
 * The alpha wolf (docs/rules.md R125): a member of the pack who picks with it and, once a game,
 * may turn the pack's victim into a werewolf instead of killing him. The turn is taken after the
 * night's protections and heals: a victim they save is neither killed nor turned, and the bite is
 * kept for another night.
 */
export const alphaWolf: RoleModule = {
  id: 'alpha-wolf',
  team: 'wolves',
  order: 11,
  rules: 'R125, R83',
  seenAs: 'wolves',
  words: {
    name: 'Alpha wolf',
    icon: '♛',
    summary: 'A werewolf who, once a game, may turn the pack\'s victim into a werewolf instead of killing him.',
    description: 'Picks the victim with the pack. Once a game he may choose, before dawn, to bite rather than kill: the pack\'s victim lives and wakes a werewolf, in the pack from then on. The pack sees his choice. A protection or a heal that saves the victim stops the bite too, and the alpha keeps it.',
    night: {
      heading: (day) => `Night ${day}: choose a victim with your pack`,
      verb: 'Attack',
      due: 'choose a victim',
      told: (a, who) => (a.kind === 'alpha' ? `picks ${who(a.target)} as the victim${a.second !== undefined ? ` and ${who(a.second)} as the second` : ''}${a.turn ? ', to turn him' : ''}` : ''),
      lines: (p, you) => packLines(promptOf(p, 'alpha'), you),
      note: packNote,
    },
    secret: (e, name) => (e.kind === 'alpha' ? `Night ${e.night}: the alpha wolf ${name(e.alpha)} turned ${name(e.seat)} into a werewolf.` : null),
    facts(you, name) {
      return [...packFacts(you, name), you.alphaBite ? 'Your bite is unused: once, you may turn the pack\'s victim into a werewolf.' : 'You have used your bite.'];
    },
  },
  state: { initial: (): AlphaState => ({ used: false }) },
  night: {
    kind: 'alpha',
    schema: z.strictObject({ kind: z.literal('alpha'), target: z.number().int().min(0).max(99), second: z.number().int().min(0).max(99).optional(), turn: z.boolean().optional() }),
    priority: 41,
    pack: true,
    due: (ctx, seat) => ctx.night.picks[seat] === undefined,
    validate(ctx, seat, action) {
      if (action.kind !== 'alpha') return 'action/not-allowed';
      if (action.turn && used(ctx, seat)) return 'action/already-done';
      return validatePick(ctx, action);
    },
    record: recordPick,
    resolve: packStep('alpha-wolf'),
    prompt: (ctx, seat) => ({ kind: 'alpha', ...packPrompt(ctx, seat), canTurn: !used(ctx, seat), turn: turning(ctx, seat) }),
    form: {
      picks: 1,
      instant: true,
      current: (p) => promptOf(p, 'alpha').current,
      checks: (p) => (promptOf(p, 'alpha').canTurn ? [{ key: 'turn', label: 'Turn the victim into a werewolf instead of killing him (once a game)' }] : []),
      checked: (p) => (promptOf(p, 'alpha').turn ? ['turn'] : []),
      build: (p, [target], checked) => ({ kind: 'alpha', ...tapPick(promptOf(p, 'alpha'), target), turn: checked.includes('turn') && promptOf(p, 'alpha').canTurn }),
      shows: (p, a) => a.kind === 'alpha' && showsPick(promptOf(p, 'alpha'), a) && promptOf(p, 'alpha').turn === (a.turn === true),
    },
    bot: {
      random(p, rng) {
        const w = promptOf(p, 'alpha');
        const pick = packRandomPick(w, rng);
        return pick && { kind: 'alpha', ...pick, turn: w.canTurn && rng() < 0.3 };
      },
      smart(p, you, b, rng) {
        const w = promptOf(p, 'alpha');
        const pick = packBotPick(w, you, b, rng);
        if (!pick) return null;
        // A claimed seer is worth more to the pack as one of its own (the village still trusts her);
        // from the third night on, a werewolf more is worth more than a kill.
        const turn = w.canTurn && (b.publicSeers.includes(pick.target) || b.day >= 3);
        return { kind: 'alpha', ...pick, turn };
      },
    },
  },
  // After the protections (R24, R29) and the witch's heal (R26): the victim the attack still kills is turned.
  dawn: {
    priority: 52,
    resolve(ctx, tonight): Effect[] {
      const [by] = turners(ctx);
      if (by === undefined) return [];
      const seat = tonight.attacked('wolves');
      if (seat === null || !isLiving(ctx, seat) || derived(ctx.players).wolves.includes(seat)) return [];
      return [
        { kind: 'save', by, seat },
        { kind: 'become', by, seat, role: 'werewolf' },
        { kind: 'state', by, value: { used: true } satisfies AlphaState },
        { kind: 'learn', by, entry: { kind: 'alpha', night: ctx.day, alpha: by, seat } },
      ];
    },
  },
  view: { alphaBite: (ctx, seat) => !used(ctx, seat) },
  packView: { packTurn: (ctx) => (ctx.phase === 'night' && turners(ctx).length > 0 ? true : undefined) },
  deal: { max: 1 },
};

