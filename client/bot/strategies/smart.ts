import type { GameView, YouView } from '../../sdk/index.ts';
import { formatClaims, type Claim } from '../claims.ts';
import { act, type Decision, ready, say, shoot, type Strategy, vote } from '../decision.ts';
import { ballotsFor, best, evidence, type Evidence } from '../evidence.ts';
import type { Rng } from '../rng.ts';
import { pick } from '../rng.ts';
import { night } from './smart-night.ts';

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
  const out: Decision[] = [...talk(view, you, ev, rng)];
  const p = you.prompt;
  if (!p) return out;
  switch (p.kind) {
    case 'ready': out.push(ready()); break;
    case 'sleep': out.push(act({ kind: 'sleep' })); break;
    case 'vote': out.push(vote(chooseVote(view, you, ev, p.targets, rng) ?? null)); break;
    case 'hunter': out.push(shoot(hunterTarget(you, ev, p.targets, rng))); break;
    default: out.push(...night(view, you, p, ev, rng, urgent));
  }
  return out;
};

const TALK_PHASES = new Set(['dawn', 'day', 'vote']);

function talk(view: GameView, you: YouView, ev: Evidence, rng: Rng): Decision[] {
  if (!you.alive || !TALK_PHASES.has(view.phase)) return [];
  const claims = you.role === 'seer' ? seerTalk(view, you, ev) : you.role === 'werewolf' ? wolfTalk(view, you, ev, rng) : null;
  if (!claims) return [];
  const text = formatClaims(claims);
  const mine = view.chat.filter((m) => m.seat === you.seat && m.channel === 'day').at(-1);
  return mine?.text === text ? [] : [say(text)];
}

/** The seer claims once she found a living wolf, once she has cleared enough, or when the vote turns on her. */
function seerTalk(view: GameView, you: YouView, ev: Evidence): Claim[] | null {
  const results = you.seerResults ?? [];
  const living = new Set(ev.living);
  const revealed = ev.seers.includes(you.seat)
    || results.some((r) => r.team === 'wolves' && living.has(r.seat))
    || (view.day >= TUNING.seerRevealDay && results.length >= TUNING.seerRevealResults)
    || (view.phase === 'vote' && (ballotsFor(view).get(you.seat) ?? 0) >= 2);
  if (!revealed || results.length === 0) return null;
  return [{ kind: 'claim', role: 'seer' }, ...results.slice(-10).map((r): Claim => ({ kind: 'result', seat: r.seat, team: r.team }))];
}

/**
 * A wolf may pose as the seer: at the first dawn, before any claim, accusing a villager; or, when
 * a seer accuses one of the pack, the accused answers with a rival claim accusing her back.
 */
function wolfTalk(view: GameView, you: YouView, ev: Evidence, rng: Rng): Claim[] | null {
  const pack = you.pack ?? [you.seat];
  if (ev.seers.some((s) => pack.includes(s))) return null;
  const living = new Set(ev.living);
  const accuser = ev.said.find((s) => s.kind === 'result' && s.team === 'wolves' && pack.includes(s.seat) && living.has(s.seat) && ev.seers.includes(s.by) && living.has(s.by));
  if (accuser?.kind === 'result') {
    const answerer = living.has(accuser.seat) ? accuser.seat : pack.filter((s) => living.has(s)).sort((a, b) => a - b)[0];
    if (answerer !== you.seat || !TUNING.wolfCounterClaim) return null;
    return [{ kind: 'claim', role: 'seer' }, { kind: 'result', seat: accuser.by, team: 'wolves' }];
  }
  const faker = pack.filter((s) => living.has(s)).sort((a, b) => a - b)[0];
  if (faker !== you.seat || view.phase !== 'dawn' || view.day !== 1 || ev.seers.length > 0) return null;
  if (rng() >= TUNING.wolfFakeClaim) return null;
  const victim = pick(rng, ev.living.filter((s) => !pack.includes(s)));
  return victim === undefined ? null : [{ kind: 'claim', role: 'seer' }, { kind: 'result', seat: victim, team: 'wolves' }];
}

function chooseVote(view: GameView, you: YouView, ev: Evidence, targets: number[], rng: Rng): number | undefined {
  const ballots = ballotsFor(view);
  const pack = you.role === 'werewolf' ? you.pack ?? [] : [];
  const candidates = targets.filter((s) => s !== you.seat && s !== you.lover && !pack.includes(s));
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
