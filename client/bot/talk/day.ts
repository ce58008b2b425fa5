import type { Decision } from '../decision.ts';
import type { Evidence, Side } from '../evidence.ts';
import type { GameView, Talk, YouView } from '../../sdk/index.ts';
import { daily, phaseStart, same, spoken, type Spoken } from './know.ts';
import { ROLE_MODULES } from '../../../shared/game/roles/index.ts';

/** How the smart strategy talks; the wolf's two lies are tuned with the rest (client/bot/strategies/smart.ts). */
export interface TalkOptions {
  /** The seat this seat would vote for among `targets` now (the strategy's own choice). */
  voteFor: (targets: number[]) => number | undefined;
  /** Chance that a liar poses as the seer at the first dawn, accusing a villager. */
  fakeClaim: number;
  /** Whether a wolf accused by a seer answers with a rival seer claim. */
  counterClaim: boolean;
  /** This bot's own random seed for the phase (a draw of `turn.rng`): its choices differ from game to game. */
  seed: number;
}

export interface TalkTurn {
  /** At most one message: people say one thing at a time, and the runner's think time spaces them. */
  say: Decision[];
  /** Nothing more to say this phase (the strategy may then say it is ready). */
  done: boolean;
}

/** Lines a seat says per phase at most: a few a day, so a table of bots talks without flooding. */
const BUDGET: Record<string, (view: GameView, me: number, seed: number) => number> = {
  dawn: () => 1,
  // At a small table each voice counts for more: one line more each when five or fewer live.
  day: (view, me, seed) => 1 + Math.floor(daily(view, me, 1, seed) * 2) + (view.players.filter((p) => p.alive).length <= 5 ? 1 : 0),
  vote: (view, me, seed) => (daily(view, me, 5, seed) < 0.4 ? 1 : 0),
};

export const tell = (talk: Talk): Decision => ({ command: 'chat:send', payload: { channel: 'day', talk } });

/**
 * What a living seat says by day, one line per call, from its own view only: it claims when its
 * role makes that wise, answers accusations, counters rival claims, says how it will vote and
 * why, and agrees or disagrees with the others. It never states what its knowledge does not
 * support, unless its team is the wolves' (then lying is its strategy).
 */
export function dayTalk(view: GameView, ev: Evidence, opts: TalkOptions): TalkTurn {
  const you = view.you;
  const budget = BUDGET[view.phase];
  if (!you?.alive || !budget) return { say: [], done: true };
  const sp = spoken(view, you.seat);
  if (sp.now.length >= budget(view, you.seat, opts.seed)) return { say: [], done: true };
  // The strategy's choice costs a reading of the evidence: ask it once per call.
  let top: number | undefined | null = null;
  const voteFor = () => (top === null ? (top = opts.voteFor(ev.living.filter((s) => s !== you.seat))) : top);
  const ctx: Ctx = { view, you, ev, sp, opts, voteFor, liar: you.team === 'wolves' || you.pack !== undefined, pack: you.pack ?? [you.seat] };
  for (const line of [reveal, answer, ballots, counter, intention, react, opinion]) {
    const t = line(ctx);
    if (t && !sp.all.some((m) => same(t, m.talk))) return { say: [tell(t)], done: false };
  }
  return { say: [], done: true };
}

interface Ctx {
  view: GameView;
  you: YouView;
  ev: Evidence;
  sp: Spoken;
  opts: TalkOptions;
  /** Whom this seat would vote for now, among the living others. */
  voteFor: () => number | undefined;
  /** The seat's team is the wolves': it may lie. */
  liar: boolean;
  /** The seats it knows are wolves (itself, and its pack if it is a werewolf). */
  pack: number[];
}

const and = (parts: Talk[]): Talk => (parts.length === 1 ? parts[0] : { kind: 'and', parts });
const claimed = (c: Ctx, role: string) => c.sp.claims.some((x) => x.kind === 'claim' && x.role === role);
const saidResult = (c: Ctx, seat: number) => c.sp.claims.some((x) => (x.kind === 'result' || x.kind === 'identified') && x.seat === seat);
const species = (team: Side): 'werewolf' | 'human' => (team === 'wolves' ? 'werewolf' : 'human');
const pressure = (c: Ctx) => Object.values(c.view.vote?.ballots ?? {}).filter((t) => t === c.you.seat).length >= 2
  || c.ev.said.filter((s) => s.kind === 'accuse' && s.seat === c.you.seat && s.by !== c.you.seat).length >= 2;

/** Come out with one's role when that is wise, and report its results; or, for a liar, pose as the seer. */
function reveal(c: Ctx): Talk | null {
  const { view, you, ev } = c;
  const living = new Set(ev.living);
  // A role that learns something (the seer, the medium: its module's `reports`) tells it once it matters.
  const reports = you.role ? ROLE_MODULES.get(you.role)?.reports?.(you) : undefined;
  if (reports && you.role) {
    const fresh = reports.filter((r) => !saidResult(c, r.seat)).slice(-3).map((r): Talk => ({ kind: r.how, seat: r.seat, species: species(r.team) }));
    if (claimed(c, you.role)) return fresh.length ? and(fresh) : null;
    const rivals = ev.said.some((s) => s.kind === 'claim' && s.role === you.role && s.by !== you.seat);
    // A wolf found among the living, or among the executed (the village voted well: say so).
    const found = reports.some((r) => r.team === 'wolves' && (living.has(r.seat) || r.how === 'identified'));
    const wise = found || rivals || (view.day >= 3 && reports.length >= 2) || pressure(c);
    return wise && fresh.length ? and([{ kind: 'claim', seat: you.seat, role: you.role }, ...fresh]) : null;
  }
  // A role whose secret is worth less than its life says so when the village turns on it.
  if ((you.role === 'doctor' || you.role === 'hunter') && !claimed(c, you.role) && pressure(c)) {
    const guarded = you.role === 'doctor' && typeof you.lastProtected === 'number' ? [{ kind: 'guarded', seat: you.lastProtected } as Talk] : [];
    return and([{ kind: 'claim', seat: you.seat, role: you.role }, ...guarded]);
  }
  // The tanner fishes for the rope as tanners do: on his first day he calls himself a werewolf,
  // which no wolf would say (the village discounts it, client/bot/evidence.ts).
  if (you.role === 'tanner' && view.phase === 'day' && !claimed(c, 'werewolf')) return { kind: 'claim', seat: you.seat, role: 'werewolf' };
  if (!c.liar) return null;
  const others = ev.living.filter((s) => !c.pack.includes(s));
  const accuser = ev.said.find((s) => s.kind === 'result' && s.team === 'wolves' && c.pack.includes(s.seat) && living.has(s.seat) && ev.seers.includes(s.by) && living.has(s.by) && s.by !== you.seat);
  if (claimed(c, 'seer')) {
    // The story goes on: one made-up result a day, clearing the villager the village doubts most
    // (a safe lie: no reveal can contradict it, and the doubt moves elsewhere; measured with npm run balance).
    if (view.phase !== 'day') return null;
    const doubted = [...others].sort((a, b) => (ev.suspicion.get(b) ?? 0) - (ev.suspicion.get(a) ?? 0)).find((s) => !saidResult(c, s));
    return doubted === undefined ? null : { kind: 'divined', seat: doubted, species: 'human' };
  }
  if (ev.seers.some((s) => c.pack.includes(s))) return null;
  // A role that poses as the seer by day (the possessed) claims at the first dawn, rival claim or
  // not, as a true seer would, with a made-up first look: the rival is the werewolf, else someone is human.
  if (poses(you) && view.day === 1 && (view.phase === 'dawn' || view.phase === 'day')) {
    const rival = ev.seers.find((s) => s !== you.seat && living.has(s));
    const pool = others.filter((s) => s !== you.seat);
    const look: Talk | null = rival !== undefined ? { kind: 'divined', seat: rival, species: 'werewolf' }
      : pool.length ? { kind: 'divined', seat: pool[Math.floor(daily(view, you.seat, 4, c.opts.seed) * pool.length)], species: 'human' } : null;
    return and([{ kind: 'claim', seat: you.seat, role: 'seer' }, ...(look ? [look] : [])]);
  }
  if (accuser?.kind === 'result') {
    const answerer = living.has(accuser.seat) ? accuser.seat : c.pack.filter((s) => living.has(s)).sort((a, b) => a - b)[0];
    if (answerer !== you.seat || !c.opts.counterClaim) return null;
    return and([{ kind: 'claim', seat: you.seat, role: 'seer' }, { kind: 'divined', seat: accuser.by, species: 'werewolf' }]);
  }
  const faker = c.pack.filter((s) => living.has(s)).sort((a, b) => a - b)[0];
  if (faker !== you.seat || view.phase !== 'dawn' || view.day !== 1 || ev.seers.length > 0) return null;
  if (daily(view, you.seat, 3, c.opts.seed) >= c.opts.fakeClaim || others.length === 0) return null;
  const victim = others[Math.floor(daily(view, you.seat, 4, c.opts.seed) * others.length)];
  return and([{ kind: 'claim', seat: you.seat, role: 'seer' }, { kind: 'divined', seat: victim, species: 'werewolf' }]);
}

/** Whether this seat's role says its smart bot poses as the seer by day (a role's `bot.claims`). */
const poses = (you: YouView): boolean => (you.role ? ROLE_MODULES.get(you.role)?.bot?.claims === 'seer' : false);

/** Answer the latest accusation against oneself: deny it, and turn on the accuser if there is reason. */
function answer(c: Ctx): Talk | null {
  const me = c.you.seat;
  const hit = [...c.ev.said].reverse().find((s) => s.by !== me && ((s.kind === 'accuse' && s.seat === me) || (s.kind === 'result' && s.seat === me && s.team === 'wolves')));
  if (!hit || c.sp.answered.has(hit.id)) return null;
  const ref = { kind: 'disagree' as const, ref: { channel: 'day' as const, id: hit.id } };
  const iAmSeer = claimed(c, 'seer');
  // A packmate's slip is not answered in kind: a wolf never names a packmate a wolf.
  if (c.pack.includes(hit.by)) return and([ref, { kind: 'defend', seat: me }]);
  // A seer claimant who names me a wolf is a liar to me (if I am village, I know it; a wolf says it anyway).
  if (hit.kind === 'result' && (iAmSeer || c.you.role === 'seer')) return and([ref, { kind: 'accuse', seat: hit.by }]);
  if (hit.kind === 'result') return and([ref, { kind: 'because', reason: { kind: 'defend', seat: me }, then: { kind: 'accuse', seat: hit.by } }]);
  return daily(c.view, me, hit.id, c.opts.seed) < 0.5 ? and([ref, { kind: 'defend', seat: me }]) : { kind: 'because', reason: { kind: 'defend', seat: me }, then: { kind: 'accuse', seat: hit.by } };
}

/** In the vote, call out the first ballot cast against oneself, and deny it. */
function ballots(c: Ctx): Talk | null {
  if (c.view.phase !== 'vote') return null;
  const me = c.you.seat;
  const voter = Object.entries(c.view.vote?.ballots ?? {}).find(([v, t]) => t === me && Number(v) !== me);
  if (!voter) return null;
  return and([{ kind: 'voted', seat: me, subject: Number(voter[0]) }, { kind: 'defend', seat: me }]);
}

/** Call out a rival claim to one's own (true or posed) seer role. */
function counter(c: Ctx): Talk | null {
  if (!claimed(c, 'seer')) return null;
  const rival = c.ev.seers.find((s) => s !== c.you.seat && c.ev.living.includes(s) && !c.pack.includes(s));
  if (rival === undefined) return null;
  return { kind: 'because', reason: { kind: 'and', parts: [{ kind: 'claim', seat: rival, role: 'seer', subject: rival }, { kind: 'claim', seat: c.you.seat, role: 'seer' }] }, then: { kind: 'accuse', seat: rival } };
}

/** Say whom one will vote for, and why, once a phase (again only if the choice changed). */
function intention(c: Ctx): Talk | null {
  const { view, you, ev } = c;
  if (view.phase !== 'day' && view.phase !== 'vote') return null;
  const target = c.voteFor();
  if (target === undefined) return null;
  const vote: Talk = { kind: 'vote', seat: target };
  if (c.sp.now.some((m) => m.talk && JSON.stringify(m.talk).includes(JSON.stringify(vote)))) return null;
  const why = reason(c, target);
  // Someone said it first: back them rather than repeat them.
  const start = view.chat.find((m) => m.channel === 'day' && m.at >= phaseStart(view))?.id ?? Infinity;
  const first = ev.said.find((s) => s.kind === 'vote' && s.seat === target && s.by !== you.seat && s.id >= start);
  if (first && !why) return and([{ kind: 'agree', ref: { channel: 'day', id: first.id } }, vote]);
  return why ? { kind: 'because', reason: why, then: vote } : vote;
}

/** The public reason, or one's own result, that speaks against `target` (the first that holds). */
function reason(c: Ctx, target: number): Talk | null {
  const { view, you, ev } = c;
  const named = ev.said.find((s) => s.kind === 'result' && s.seat === target && s.team === 'wolves' && (s.by === ev.trusted || s.by === you.seat));
  if (named) return named.by === you.seat ? { kind: 'divined', seat: target, species: 'werewolf' } : { kind: 'divined', seat: target, species: 'werewolf', subject: named.by };
  if (ev.seers.includes(target) && target !== ev.trusted) return { kind: 'claim', seat: target, role: 'seer', subject: target };
  const accused = ev.said.find((s) => s.kind === 'accuse' && s.by === target && s.seat === you.seat);
  if (accused) return { kind: 'accuse', seat: you.seat, subject: target };
  const village = (s: number) => { const p = view.players.find((x) => x.seat === s); return p && !p.alive && p.team !== undefined && p.team !== 'wolves'; };
  for (const e of [...view.timeline].reverse()) {
    if (e.kind === 'vote' && e.ballots && e.seat !== undefined && e.ballots[target] === e.seat && village(e.seat)) return { kind: 'voted', seat: e.seat, subject: target };
  }
  return null;
}

/** Agree with a voice against the seat one suspects most; disagree with one against a seat one trusts. */
function react(c: Ctx): Talk | null {
  const { ev, you, view } = c;
  const start = view.chat.find((m) => m.channel === 'day' && m.at >= phaseStart(view))?.id ?? Infinity;
  const top = c.voteFor();
  for (const s of [...ev.said].reverse()) {
    if (s.by === you.seat || s.id < start || c.sp.answered.has(s.id) || (s.kind !== 'vote' && s.kind !== 'accuse')) continue;
    if (s.seat === you.seat) continue;
    const ref = { channel: 'day' as const, id: s.id };
    const trusted = ev.sides.get(s.seat) === 'village' || ev.trusted === s.seat || (c.liar && c.pack.includes(s.seat));
    if (trusted) return and([{ kind: 'disagree', ref }, { kind: 'defend', seat: s.seat }]);
    if (s.seat === top && daily(view, you.seat, s.id, c.opts.seed) < 0.6) return { kind: 'agree', ref };
  }
  return null;
}

/** With nothing else to say, say whom one doubts most (or, at a small table, trusts): an opinion, never a fact. */
function opinion(c: Ctx): Talk | null {
  if (c.view.phase !== 'day') return null;
  const others = c.ev.living.filter((s) => s !== c.you.seat);
  const top = c.voteFor();
  if (top === undefined) return null;
  const accuse: Talk = { kind: 'accuse', seat: top };
  if (!c.sp.now.some((m) => same(accuse, m.talk))) return accuse;
  const trusted = others.find((s) => c.ev.sides.get(s) === 'village' || c.ev.trusted === s);
  return trusted === undefined ? null : { kind: 'defend', seat: trusted };
}
