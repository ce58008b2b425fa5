import { actionSchemaOfDay, roleOfKind } from '../../../shared/game/roles/index.ts';
import { randomAnswer } from '../../../shared/game/roles/role.ts';
import type { DayAction } from '../../../shared/views.ts';
import { act, dayAct, type Decision, ready, shoot, type Strategy, vote } from '../decision.ts';
import { pick } from '../rng.ts';

/** The chance, each time a random bot is asked in the day or the vote, that it takes a day action it is offered. */
const DAY_ACT = 0.1;

/** Answers every prompt with a random legal choice, and never talks. Night roles answer as their modules declare. */
export const random: Strategy = (view, { rng }) => {
  const p = view.you?.prompt;
  const out: Decision[] = [];
  // Now and then a day action it is offered (R82), whatever it does.
  for (const a of view.you?.dayActions ?? []) {
    const action = { kind: a.kind } as DayAction;
    if (rng() < DAY_ACT && actionSchemaOfDay(a.kind)?.safeParse(action).success) out.push(dayAct(action));
  }
  if (!p) return out;
  switch (p.kind) {
    case 'sleep': out.push(act({ kind: 'sleep' })); break;
    case 'ready': out.push(ready()); break;
    case 'vote': out.push(vote(p.targets.length && rng() < 0.9 ? pick(rng, p.targets)! : null)); break;
    case 'hunter': out.push(shoot(p.targets.length ? pick(rng, p.targets)! : null)); break;
    default: {
      const night = roleOfKind(p.kind)?.night;
      const action = night ? randomAnswer(night, p, rng) : null;
      if (action) out.push(act(action));
    }
  }
  return out;
};
