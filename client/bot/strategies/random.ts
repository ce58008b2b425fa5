import { act, type Decision, ready, shoot, type Strategy, vote } from '../decision.ts';
import { pick } from '../rng.ts';

/** Answers every prompt with a random legal choice, and never talks. */
export const random: Strategy = (view, { rng }) => {
  const p = view.you?.prompt;
  if (!p) return [];
  if (p.kind === 'sleep') return [act({ kind: 'sleep' })];
  const targets = p.kind === 'ready' ? [] : p.targets;
  const any = (): number => pick(rng, targets)!;
  const out: Decision[] = [];
  switch (p.kind) {
    case 'ready': out.push(ready()); break;
    case 'vote': out.push(vote(targets.length && rng() < 0.9 ? any() : null)); break;
    case 'hunter': out.push(shoot(targets.length ? any() : null)); break;
    case 'wolf':
    case 'seer':
    case 'doctor':
      if (targets.length) out.push(act({ kind: p.kind, target: any() }));
      break;
    case 'witch': {
      const poison = p.canPoison && targets.length && rng() < 0.2 ? any() : null;
      out.push(act({ kind: 'witch', heal: p.canHeal && rng() < 0.5, poison }));
      break;
    }
    case 'cupid': {
      const a = any();
      const b = pick(rng, targets.filter((t) => t !== a));
      if (b !== undefined) out.push(act({ kind: 'cupid', targets: [a, b] }));
      break;
    }
  }
  return out;
};
