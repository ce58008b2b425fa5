import type { GameContext } from '../types.ts';
import { slice, type RoleModule } from './role.ts';

interface IdiotState { spared: boolean }
const spared = (ctx: Pick<GameContext, 'roles'>, seat: number) => slice<IdiotState>(ctx, seat)?.spared === true;

/**
 * The village idiot (docs/rules.md R156): the first time the village executes him he is spared and
 * revealed (R81), and his ballot counts none for the rest of the game (R84).
 */
export const villageIdiot: RoleModule = {
  id: 'village-idiot',
  team: 'village',
  order: 53,
  rules: 'R156, R81, R84',
  seenAs: 'village',
  words: {
    name: 'Village idiot',
    icon: '☺',
    summary: 'The first time the village votes to execute you, you are spared and revealed, but you lose your vote.',
    description: 'Plays for the village. The first time the vote executes him, the village sees he is the idiot and lets him live, revealed; from then on he may no longer vote. A second execution kills him; the night kills him like anyone.',
    facts: (you, _name, over) => (!over && you.idiotSpared ? ['The village spared you: you may no longer vote.'] : []),
  },
  state: { initial: (): IdiotState => ({ spared: false }) },
  view: { idiotSpared: (ctx, seat) => spared(ctx, seat) },
  ballot: (ctx, seat) => (spared(ctx, seat) ? 0 : 1),
  on: {
    executed: (ctx, seat) => (spared(ctx, seat) ? null : { spare: true, reveal: true, state: { spared: true } satisfies IdiotState }),
  },
  deal: { max: 1 },
};

declare module '../../views.ts' {
  interface YouView {
    /** Whether the village already spared the idiot, who may no longer vote (village idiot only, R156). */
    idiotSpared?: boolean;
  }
}
