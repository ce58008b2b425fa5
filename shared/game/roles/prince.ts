import { slice, type RoleModule } from './role.ts';

interface PrinceState { spared: boolean }

/** The prince (docs/rules.md R151): the first time the village votes to execute him, he is spared and revealed (R81). */
export const prince: RoleModule = {
  id: 'prince',
  team: 'village',
  order: 52,
  rules: 'R151, R81',
  seenAs: 'village',
  words: {
    name: 'Prince',
    icon: '♚',
    summary: 'The first time the village votes to execute you, you are spared and revealed.',
    description: 'Plays for the village. The first time the vote executes him he shows who he is and lives on, revealed; a second execution kills him. The night kills him like anyone.',
  },
  state: { initial: (): PrinceState => ({ spared: false }) },
  on: {
    executed: (ctx, seat) => (slice<PrinceState>(ctx, seat)?.spared ? null : { spare: true, reveal: true, state: { spared: true } satisfies PrinceState }),
  },
  deal: { max: 1 },
};
