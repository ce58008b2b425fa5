import { nextRandom } from '../rng.ts';
import type { GameContext } from '../types.ts';
import { answers, type RoleModule } from './role.ts';
import { seer } from './seer.ts';

declare module '../../views.ts' {
  /** A look of the fool (R190): his view shows it as a seer's result; the record, told at game over, says it was the fool's. */
  interface SecretEntries { fool: { kind: 'fool'; night: number; fool: number; seat: number; team: 'village' | 'wolves' } }
}

/**
 * What the fool's look at `target` shows (R190): chance, but fixed for the game, the night and the
 * target, so his view and the dawn agree and asking twice changes nothing.
 */
function reading(ctx: GameContext, seat: number, target: number): 'village' | 'wolves' {
  const [x] = nextRandom(((ctx.seed ?? 0) ^ Math.imul(ctx.day, 0x9e3779b1) ^ Math.imul(target + 1, 0x85ebca6b) ^ Math.imul(seat + 1, 0xc2b2ae35)) | 0);
  return x < 0.5 ? 'village' : 'wolves';
}

/**
 * The fool (docs/rules.md R190): he believes he is the seer (R86) and answers the seer's prompt,
 * but what he learns is chance. The village may never tell him; game over does.
 */
export const fool: RoleModule = {
  id: 'fool',
  team: 'village',
  order: 21,
  rules: 'R190, R86',
  seenAs: 'village',
  believes: 'seer',
  words: {
    name: 'Fool',
    icon: '◌',
    summary: 'You believe you are the seer; your visions are chance.',
    description: 'Plays for the village and is told he is the seer: each night he looks at a player, and what he learns is a coin toss. Only game over tells him the truth.',
    // He is asked as the seer is; the replay tells his looks the same way ("Ann (fool) looks at Bob").
    night: seer.words.night,
    // Told only at game over, when his role is known to all: what he saw was no vision.
    secret: (e, name) => (e.kind === 'fool' ? `Night ${e.night}: the fool ${name(e.fool)} believed he saw that ${name(e.seat)} is with ${e.team === 'wolves' ? 'the werewolves' : 'the village'}.` : null),
  },
  night: {
    ...seer.night!,
    // Just after the seer's step: each step has a place of its own (R20).
    priority: 21,
    // With the seer's shape and prompt (R87); his looks are read by chance and kept as his own (his view reads them as the seer's).
    reading,
    resolve: (ctx) => answers(ctx, 'seer', 'fool').map(([by, a]) => ({
      kind: 'learn' as const, by, entry: { kind: 'fool' as const, night: ctx.day, fool: by, seat: a.target, team: reading(ctx, by, a.target) },
    })),
  },
  deal: { max: 1 },
};
