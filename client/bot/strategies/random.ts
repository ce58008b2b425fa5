import { roleOfKind } from '../../../shared/game/roles/index.ts';
import { randomAnswer } from '../../../shared/game/roles/role.ts';
import { act, type Decision, ready, shoot, type Strategy, vote } from '../decision.ts';
import { pick } from '../rng.ts';

/** Answers every prompt with a random legal choice, and never talks. Night roles answer as their modules declare. */
export const random: Strategy = (view, { rng }) => {
  const p = view.you?.prompt;
  if (!p) return [];
  const out: Decision[] = [];
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
