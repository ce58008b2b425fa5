import { z } from 'zod';
import type { GameContext } from '../types.ts';
import { leader as soleLeader, slice, type RoleModule } from './role.ts';

declare module '../../views.ts' {
  interface DayActions { truce: { kind: 'truce' } }
}

interface PacifistState { used: boolean }
const used = (ctx: GameContext, seat: number) => slice<PacifistState>(ctx, seat)?.used === true;

/** Trust below this (the bot's suspicion scale, client/bot/evidence.ts) is a player the pacifist will not see executed. */
const TRUSTED = -15;

/**
 * The pacifist (docs/rules.md R159): once a game, by day or during the vote, he calls a truce
 * (R82): it is public, reveals him (R80), and nobody is executed that day.
 */
export const pacifist: RoleModule = {
  id: 'pacifist',
  team: 'village',
  order: 55,
  rules: 'R159, R80, R82',
  seenAs: 'village',
  words: {
    name: 'Pacifist',
    icon: '☮',
    summary: 'Once a game, call a truce by day: nobody is executed that day.',
    description: 'Plays for the village. Once a game, by day or during the vote, he may call a truce for all to see: the vote still runs, but nobody is executed that day. Calling it shows everyone he is the pacifist.',
    facts: (you, _name, over) => (over ? [] : [you.truceUsed ? 'You have called your truce.' : 'You may call one truce in this game.']),
  },
  state: { initial: (): PacifistState => ({ used: false }) },
  view: { truceUsed: (ctx, seat) => used(ctx, seat) },
  day: {
    kind: 'truce',
    schema: z.strictObject({ kind: z.literal('truce') }),
    offered: (ctx, seat) => !used(ctx, seat) && ctx.truce !== ctx.day,
    validate: (ctx, seat) => (used(ctx, seat) || ctx.truce === ctx.day ? 'action/already-done' : null),
    apply: () => [{ kind: 'truce' }, { kind: 'reveal' }, { kind: 'state', value: { used: true } satisfies PacifistState }],
    label: 'Call a truce',
    hint: 'Once a game: nobody is executed today. Everyone will know you are the pacifist.',
    told: (seat, name) => `${name(seat)} calls a truce: nobody is executed today.`,
    // In the vote, when the ballots cast so far would execute a player he trusts (or himself).
    bot(you, beliefs, view) {
      if (view.phase !== 'vote' || !view.tally) return null;
      const leader = soleLeader(view.tally);
      if (leader === null) return null;
      const trusts = leader === you.seat || leader === beliefs.trusted || beliefs.suspicion(leader) <= TRUSTED;
      return trusts ? { kind: 'truce' } : null;
    },
  },
  deal: { max: 1 },
};

declare module '../../views.ts' {
  interface YouView {
    /** Whether the pacifist has called his truce (pacifist only, R159). */
    truceUsed?: boolean;
  }
}
