import type { SecretEntry } from '../../views.ts';
import type { GameContext } from '../types.ts';
import type { Effect } from './effects.ts';
import type { RoleModule } from './role.ts';
import { sideSeen } from './util.ts';

declare module '../../views.ts' {
  interface SecretEntries { medium: { kind: 'medium'; night: number; medium: number; seat: number; team: 'village' | 'wolves' } }
  interface YouView {
    /** What the medium learned of each executed player (medium only, R100). */
    mediumResults?: { day: number; seat: number; team: 'village' | 'wolves' }[];
  }
}

/** Who the village executed on this day: the record's executions of that day (a spared seat did not die, R81). */
function executedOn(ctx: GameContext, day: number): number[] {
  const out: number[] = [];
  for (const e of ctx.secrets) if (e.kind === 'death' && e.day === day && e.cause === 'executed') out.push(e.seat);
  return out;
}

function results(ctx: GameContext, seat: number) {
  const out: NonNullable<import('../../views.ts').YouView['mediumResults']> = [];
  for (const e of ctx.secrets) if (e.kind === 'medium' && e.medium === seat) out.push({ day: e.night - 1, seat: e.seat, team: e.team });
  return out;
}

/**
 * The AIWolf medium (docs/rules.md R100): at each dawn after an execution, every living medium
 * learns the side of the player executed the day before, as the seer would read it (R23).
 */
export const medium: RoleModule = {
  id: 'medium',
  team: 'village',
  order: 25,
  rules: 'R100',
  seenAs: 'village',
  words: {
    name: 'Medium',
    icon: '☊',
    summary: 'After each execution, learn at dawn whether the executed player was a werewolf.',
    description: 'At the dawn after each execution she learns whether the executed player was a werewolf, as the seer would see him. She learns nothing of the night\'s dead.',
    secret: (e, name) => (e.kind === 'medium' ? `Night ${e.night}: the medium ${name(e.medium)} learned that ${name(e.seat)} was with ${e.team === 'wolves' ? 'the werewolves' : 'the village'}.` : null),
    facts: (you, name) => (you.mediumResults ?? []).map((r) => `Day ${r.day}: the executed ${name(r.seat)} was with ${r.team === 'wolves' ? 'the werewolves' : 'the village'}.`),
  },
  // First at dawn: what she learns does not depend on the night.
  dawn: {
    priority: 1,
    resolve(ctx) {
      const out: Effect[] = [];
      const executed = executedOn(ctx, ctx.day - 1);
      for (const p of ctx.players) {
        if (p.role !== 'medium' || !p.alive) continue;
        for (const seat of executed) {
          const entry: SecretEntry = { kind: 'medium', night: ctx.day, medium: p.seat, seat, team: sideSeen(ctx, seat) };
          out.push({ kind: 'learn', by: p.seat, entry });
        }
      }
      return out;
    },
  },
  view: { mediumResults: results },
  // She tells the village what she learned of the executed (AIWolf's IDENTIFIED).
  reports: (you) => (you.mediumResults ?? []).map((r) => ({ seat: r.seat, team: r.team, how: 'identified' })),
  deal: { max: 1 },
};
