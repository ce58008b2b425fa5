import type { SecretEntry, SeerResult } from '../../views.ts';
import type { GameContext } from '../types.ts';
import { moduleOf } from './registry.ts';
import { oneTarget } from './one-target.ts';
import { answers, best, promptOf, type RoleModule } from './role.ts';
import { livingExcept } from '../derived.ts';
import { roleOf, sideSeen } from './util.ts';

declare module '../../views.ts' {
  interface NightActions { seer: { kind: 'seer'; target: number } }
  interface Prompts { seer: { kind: 'seer'; targets: number[] } }
  interface YouView { seerResults?: SeerResult[] }
}

/** Whether this record entry is a look by this seat: the seer's, or the fool's, which his view shows as hers (R86, R190). */
function lookBy(e: SecretEntry, seat: number): e is Extract<SecretEntry, { kind: 'seer' | 'fool' }> {
  return (e.kind === 'seer' && e.seer === seat) || (e.kind === 'fool' && e.fool === seat);
}

/** Past results from the record, plus tonight's, which the seer learns the moment she acts (R23). */
function results(ctx: GameContext, seat: number): SeerResult[] {
  const out: SeerResult[] = [];
  for (const e of ctx.secrets) if (lookBy(e, seat)) out.push({ night: e.night, seat: e.seat, team: e.team });
  const tonight = ctx.phase === 'night' ? ctx.night.actions[seat] : undefined;
  if (tonight?.kind === 'seer') return [...out, { night: ctx.day, seat: tonight.target, team: readingOf(ctx, seat, tonight.target) }];
  return out;
}

/** What this seat's look shows: its own role's reading (a role that shares the seer's action, R87), else the truth. */
function readingOf(ctx: GameContext, seat: number, target: number): 'village' | 'wolves' {
  const reading = moduleOf(roleOf(ctx, seat)).night?.reading;
  return reading ? reading(ctx, seat, target) : sideSeen(ctx, target);
}

export const seer: RoleModule = {
  id: 'seer',
  team: 'village',
  order: 20,
  rules: 'R23',
  seenAs: 'village',
  words: {
    name: 'Seer',
    icon: '◉',
    summary: "Each night, learn one player's team.",
    description: 'Each night she looks at one other living player and learns at once whether the werewolves count him as theirs. The tanner reads as village.',
    night: { heading: (day) => `Night ${day}: whose team will you learn?`, verb: 'Look', due: 'look at a player', confirm: () => 'Look', told: (a, who) => (a.kind === 'seer' ? `looks at ${who(a.target)}` : '') },
    secret: (e, name) => (e.kind === 'seer' ? `Night ${e.night}: the seer ${name(e.seer)} saw that ${name(e.seat)} is with ${e.team === 'wolves' ? 'the werewolves' : 'the village'}.` : null),
    facts: (you, name) => (you.seerResults ?? []).map((r) => `Night ${r.night}: ${name(r.seat)} is with ${r.team === 'wolves' ? 'the werewolves' : 'the village'}.`),
  },
  night: {
    ...oneTarget('seer'),
    priority: 20,
    resolve: (ctx) => answers(ctx, 'seer', 'seer').map(([by, a]) => ({ kind: 'inspect', by, seat: a.target })),
    prompt: (ctx, seat) => ({ kind: 'seer', targets: livingExcept(ctx, seat) }),
    form: { picks: 1, build: (_p, [target]) => ({ kind: 'seer', target }) },
    bot: {
      // Probe the most suspected seat not yet seen.
      smart(p, you, b, rng) {
        const { targets } = promptOf(p, 'seer');
        const known = new Set((you.seerResults ?? []).map((r) => r.seat));
        const open = targets.filter((s) => !known.has(s));
        const target = best(open.length ? open : targets, (s) => b.suspicion(s), rng);
        return target === undefined ? null : { kind: 'seer', target };
      },
    },
  },
  view: { seerResults: results },
  reports: (you) => (you.seerResults ?? []).map((r) => ({ seat: r.seat, team: r.team, how: 'divined' })),
  deal: { auto: () => 1 },
};
