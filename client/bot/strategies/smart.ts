import type { GameView, YouView } from '../../sdk/index.ts';
import { act, type Decision, ready, shoot, type Strategy, vote } from '../decision.ts';
import { dayTalk } from '../talk/day.ts';
import { ballotsFor, best, evidence, type Evidence } from '../evidence.ts';
import type { Rng } from '../rng.ts';
import { pick } from '../rng.ts';
import { night } from './smart-night.ts';
import { ROLE_MODULES } from '../../../shared/game/roles/index.ts';

/** How a smart seat plays; the numbers are tuned with `npm run balance` (docs/bots.md). */
export const TUNING = {
  /** The seer reveals herself from this day on even without a wolf found, if she has this many results. */
  seerRevealDay: 3,
  seerRevealResults: 2,
  /** Chance that a wolf claims to be the seer at the first dawn, accusing a villager. */
  wolfFakeClaim: 0.25,
  /** Whether a wolf accused by a seer answers with a rival seer claim. */
  wolfCounterClaim: true,
  /** Weight of one ballot already cast when choosing whom to vote for. */
  bandwagon: 3,
};

/**
 * A reasoning player. The seer shares her results in day chat once they matter and votes on
 * them; the village votes on the evidence (seer claims it believes, the dead's roles, past
 * ballots); the wolves blend in, never vote for one another, and kill claimed seers; the doctor
 * guards the claimed seer; the witch saves on night one. It reads only its own view.
 */
export const smart: Strategy = (view, { rng, urgent }) => {
  const you = view.you;
  if (!you) return [];
  const ev = evidence(view);
  // Talk by day (client/bot/talk): ready only once it has said its piece, or time is short.
  const talk = dayTalk(view, ev, { voteFor: (t) => chooseVote(view, you, ev, t, () => 0.5), fakeClaim: TUNING.wolfFakeClaim, counterClaim: TUNING.wolfCounterClaim, seed: Math.floor(rng() * 2 ** 31) });
  const out: Decision[] = [...talk.say];
  const p = you.prompt;
  if (!p) return out;
  switch (p.kind) {
    case 'ready': if (talk.done || urgent) out.push(ready()); break;
    case 'sleep': out.push(act({ kind: 'sleep' })); break;
    case 'vote': out.push(vote(chooseVote(view, you, ev, p.targets, rng) ?? null)); break;
    case 'hunter': out.push(shoot(hunterTarget(you, ev, p.targets, rng))); break;
    default: out.push(...night(view, you, p, ev, rng, urgent));
  }
  return out;
};

function chooseVote(view: GameView, you: YouView, ev: Evidence, targets: number[], rng: Rng): number | undefined {
  const ballots = ballotsFor(view);
  // Every member of the pack sees the pack (R120), whichever of its roles it holds.
  const pack = you.pack ?? [];
  const candidates = targets.filter((s) => s !== you.seat && s !== you.lover && !pack.includes(s));
  // What only this seat's role knows may mark a seat for the rope (the sorceress's seer): back it.
  const marked = you.role ? ROLE_MODULES.get(you.role)?.bot?.marks?.(you).filter((s) => candidates.includes(s)) ?? [] : [];
  if (marked.length) return best(marked, (s) => TUNING.bandwagon * (ballots.get(s) ?? 0), rng);
  if (pack.length > 0) {
    // Blend in: back the pack's own seer story, else follow the village's reasoning and its bandwagon.
    const pub = evidence(view, true);
    const accused = new Set(ev.said.filter((s) => s.kind === 'result' && s.team === 'wolves' && pack.includes(s.by)).map((s) => (s.kind === 'result' ? s.seat : -1)));
    return best(candidates, (s) => (pub.suspicion.get(s) ?? 0) + (accused.has(s) ? 60 : 0) + TUNING.bandwagon * (ballots.get(s) ?? 0), rng);
  }
  return best(candidates, (s) => (ev.suspicion.get(s) ?? 0) + TUNING.bandwagon * (ballots.get(s) ?? 0), rng);
}

function hunterTarget(you: YouView, ev: Evidence, targets: number[], rng: Rng): number | null {
  const open = targets.filter((s) => s !== you.lover && (ev.suspicion.get(s) ?? 0) > -20);
  const top = best(open, (s) => ev.suspicion.get(s) ?? 0, rng);
  if (top !== undefined && (ev.suspicion.get(top) ?? 0) > 0) return top;
  return pick(rng, open) ?? null;
}
