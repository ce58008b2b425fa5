import type { GameView, YouView } from '../../sdk/index.ts';
import { roleOfDayKind } from '../../../shared/game/roles/index.ts';
import { act, dayAct, type Decision, ready, shoot, type Strategy, vote } from '../decision.ts';
import { dayTalk } from '../talk/day.ts';
import { ballotsFor, best, evidence, type Evidence } from '../evidence.ts';
import type { Rng } from '../rng.ts';
import { pick } from '../rng.ts';
import { beliefs, night } from './smart-night.ts';
import { hostile } from '../../../shared/game/derived.ts';
import { ROLE_MODULES } from '../../../shared/game/roles/index.ts';

/** How a smart seat plays; the numbers are tuned with `npm run balance` (docs/bots.md). */
export const TUNING = {
  /** The seer reveals herself from this day on even without a wolf found, if she has this many results. */
  seerRevealDay: 3,
  seerRevealResults: 2,
  /**
   * Chance that a wolf claims to be the seer at the first dawn, accusing a villager: at a table of
   * up to `smallTable` seats, and above it (where a false seer is caught more often: a lower chance
   * keeps the village within 40–60%, docs/balance.md).
   */
  wolfFakeClaimSmall: 0.25,
  wolfFakeClaim: 0.1,
  smallTable: 7,
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
  const talk = dayTalk(view, ev, { voteFor: (t) => chooseVote(view, you, ev, t, () => 0.5), fakeClaim: view.players.length <= TUNING.smallTable ? TUNING.wolfFakeClaimSmall : TUNING.wolfFakeClaim, counterClaim: TUNING.wolfCounterClaim, seed: Math.floor(rng() * 2 ** 31) });
  const out: Decision[] = [...talk.say, ...dayActions(view, you, ev, urgent)];
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

/** The day actions this seat is offered (R82) that its role's bot play (`day.bot`) takes now. */
function dayActions(view: GameView, you: YouView, ev: Evidence, urgent: boolean): Decision[] {
  const out: Decision[] = [];
  for (const offer of you.dayActions ?? []) {
    const bot = roleOfDayKind(offer.kind)?.day?.bot;
    const action = bot?.(you, beliefs(view, ev, urgent), { day: view.day, phase: view.phase, tally: tallyOf(view) });
    if (action) out.push(dayAct(action));
  }
  return out;
}

/** The ballots cast so far in the vote, one vote each, by candidate; undefined when votes are secret or there is no vote. */
function tallyOf(view: GameView): Record<number, number> | undefined {
  const ballots = view.vote?.ballots;
  if (!ballots) return undefined;
  const out: Record<number, number> = {};
  for (const t of Object.values(ballots)) if (t !== null) out[t] = (out[t] ?? 0) + 1;
  return out;
}

/**
 * Days in a row, up to today, whose vote executed nobody. Two sides that vote the same way each
 * day never break a tie (a wolf and his believer against the seer and her guard, while the guard
 * saves her each night): after two such days the bots' choices get looser, as people's do.
 */
function stalls(view: GameView): number {
  let n = 0;
  for (let day = view.day - 1; day > 0; day--) {
    const votes = view.timeline.filter((e) => e.kind === 'vote' && e.day === day);
    if (votes.length === 0 || votes.some((e) => e.kind === 'vote' && e.outcome === 'executed')) break;
    n++;
  }
  return n;
}

function chooseVote(view: GameView, you: YouView, ev: Evidence, targets: number[], rng0: Rng): number | undefined {
  const stalled = stalls(view);
  const rng: Rng = stalled >= 2 ? () => rng0() * 40 * (stalled - 1) : rng0;
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
  // A hostile seat outside the pack (the serial killer) hides: it votes as the village reasons.
  const reasoning = hostile(you.role) ? evidence(view, true) : ev;
  return best(candidates, (s) => (reasoning.suspicion.get(s) ?? 0) + TUNING.bandwagon * (ballots.get(s) ?? 0), rng);
}

function hunterTarget(you: YouView, ev: Evidence, targets: number[], rng: Rng): number | null {
  const open = targets.filter((s) => s !== you.lover && (ev.suspicion.get(s) ?? 0) > -20);
  const top = best(open, (s) => ev.suspicion.get(s) ?? 0, rng);
  if (top !== undefined && (ev.suspicion.get(top) ?? 0) > 0) return top;
  return pick(rng, open) ?? null;
}
