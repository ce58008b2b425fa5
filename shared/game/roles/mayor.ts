import { z } from 'zod';
import { seatOf } from '../derived.ts';
import type { GameContext } from '../types.ts';
import { leader, type RoleModule } from './role.ts';

declare module '../../views.ts' {
  interface DayActions { reveal: { kind: 'reveal' } }
}

/** From this day on the mayor reveals himself to survive a vote against him (his bot play). */
const LATE = 3;

const revealed = (ctx: GameContext, seat: number) => seatOf(ctx, seat)?.revealed === true;

/**
 * The mayor (docs/rules.md R150): once he reveals himself, by day and for all to see, his ballot
 * counts twice; the reveal cannot be taken back (R80, R82, R84).
 */
export const mayor: RoleModule = {
  id: 'mayor',
  team: 'village',
  order: 50,
  rules: 'R150, R80, R84',
  seenAs: 'village',
  words: {
    name: 'Mayor',
    icon: '♛',
    summary: 'Reveal yourself by day, and your vote counts twice from then on.',
    description: 'Plays for the village. By day or during a vote he may reveal himself: everyone then sees he is the mayor, for good, and his ballot counts as two votes.',
  },
  day: {
    kind: 'reveal',
    schema: z.strictObject({ kind: z.literal('reveal') }),
    offered: (ctx, seat) => !revealed(ctx, seat),
    validate: (ctx, seat) => (revealed(ctx, seat) ? 'action/already-done' : null),
    apply: () => [{ kind: 'reveal' }],
    label: 'Reveal yourself as the mayor',
    hint: 'Everyone will know you are the mayor, and your vote will count twice.',
    told: (seat, name) => `${name(seat)} reveals himself as the mayor: his vote counts twice.`,
    // In the vote: when a second vote for his choice would make it the one executed, or (late in
    // the game) when the ballots are about to execute him.
    bot(you, _beliefs, view) {
      if (view.phase !== 'vote' || !view.tally) return null;
      const mine = you.prompt?.kind === 'vote' ? you.prompt.current : undefined;
      if (view.day >= LATE && leader(view.tally) === you.seat) return { kind: 'reveal' };
      if (mine === undefined || mine === null || leader(view.tally) === mine) return null;
      return leader({ ...view.tally, [mine]: (view.tally[mine] ?? 0) + 1 }) === mine ? { kind: 'reveal' } : null;
    },
  },
  ballot: (ctx, seat) => (revealed(ctx, seat) ? 2 : 1),
  deal: { max: 1 },
};
