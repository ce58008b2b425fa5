import { pick } from './rng.ts';
import { applyDeaths, type Death, player, secretShots } from './deaths.ts';
import { livingSeats as living } from './derived.ts';
import type { EventOf, GameContext, Patch, Rejection } from './types.ts';
import type { TimelineEntry } from '../views.ts';

export function rejectReady(ctx: GameContext, e: EventOf<'day.ready'>): Rejection {
  if (ctx.phase !== 'day') return 'phase/wrong';
  const p = player(ctx, e.seat);
  if (!p) return 'room/not-member';
  return p.alive ? null : 'player/dead';
}

export function ready(ctx: GameContext, seat: number): Patch {
  return ctx.ready.includes(seat) ? {} : { ready: [...ctx.ready, seat] };
}

export function allReady(ctx: GameContext): boolean {
  const alive = living(ctx);
  if (ctx.ready.length < alive.length) return false;
  for (const s of alive) if (!ctx.ready.includes(s)) return false;
  return true;
}

export function openVote(ctx: GameContext): Patch {
  return { vote: { round: 1, candidates: living(ctx), ballots: {} } };
}

export function rejectVote(ctx: GameContext, e: EventOf<'vote.cast'>): Rejection {
  if (ctx.phase !== 'vote' || !ctx.vote) return 'phase/wrong';
  const p = player(ctx, e.seat);
  if (!p) return 'room/not-member';
  if (!p.alive) return 'player/dead';
  if (e.target !== null && !ctx.vote.candidates.includes(e.target)) return 'vote/invalid-target';
  if (e.target !== null && !player(ctx, e.target)?.alive) return 'vote/invalid-target';
  return null;
}

/** A vote may change until the close (R41). */
export function castVote(ctx: GameContext, e: EventOf<'vote.cast'>): Patch {
  return { vote: { ...ctx.vote!, ballots: { ...ctx.vote!.ballots, [e.seat]: e.target } } };
}

export function allVoted(ctx: GameContext): boolean {
  if (ctx.vote === null) return false;
  const ballots = ctx.vote.ballots;
  for (const s of living(ctx)) if (!(s in ballots)) return false;
  return true;
}

/**
 * Close the vote (R44–R48): count, apply the vote rule and the tie rule, and either open a
 * re-vote or settle the execution and the idle voters (R40).
 */
export function tally(ctx: GameContext): Patch {
  const vote = ctx.vote!;
  const voters = living(ctx);
  const counts: Record<number, number> = {};
  let abstain = 0;
  const alive = new Set(voters);
  for (const seat of voters) {
    const b = vote.ballots[seat];
    if (b === undefined) continue;
    // A ballot for a player who has since left counts as an abstention (R43).
    if (b === null || !alive.has(b)) abstain++;
    else counts[b] = (counts[b] ?? 0) + 1;
  }
  let max = 0;
  let leaders: number[] = [];
  for (const key in counts) {
    const n = counts[key];
    if (n > max) { max = n; leaders = [Number(key)]; } else if (n === max) leaders.push(Number(key));
  }
  leaders.sort((a, b) => a - b);
  if (ctx.settings.voteRule === 'majority' && max * 2 <= voters.length) leaders = [];

  let rng = ctx.rng;
  let outcome: 'executed' | 'none' | 'revote' = 'none';
  let executed: number | null = null;
  if (leaders.length === 1) { outcome = 'executed'; executed = leaders[0]; }
  else if (leaders.length > 1) {
    if (ctx.settings.tieRule === 'random') { [executed, rng] = pick(leaders, rng); outcome = 'executed'; }
    else if (ctx.settings.tieRule === 'revote' && vote.round === 1) outcome = 'revote';
  }

  // Ballots are never changed once the vote closes, so the record may share them.
  const ballots = ctx.settings.secretVotes ? undefined : vote.ballots;
  const entry: TimelineEntry = { kind: 'vote', day: ctx.day, round: vote.round, tally: counts, abstain, outcome, ...(ballots ? { ballots } : {}), ...(executed !== null ? { seat: executed } : {}) };

  const timeline = [...ctx.timeline, entry];
  if (outcome === 'revote') {
    return { rng, timeline, vote: { round: 2, candidates: leaders, ballots: {} } };
  }
  // Idle voters (R40): only the day's last round counts, so a re-vote neither saves nor doubles
  // a miss. One missed vote warns, two in a row remove the player.
  const idle: number[] = [];
  let players = ctx.players;
  for (let i = 0; i < players.length; i++) {
    const p = players[i];
    if (!p.alive) continue;
    const missedVotes = p.seat in vote.ballots ? 0 : p.missedVotes + 1;
    if (missedVotes >= 2) idle.push(p.seat);
    if (missedVotes === p.missedVotes) continue;
    if (players === ctx.players) players = players.slice();
    players[i] = { ...p, missedVotes };
  }
  const deaths: Death[] = [];
  if (executed !== null) deaths.push({ seat: executed, cause: 'executed', publicCause: 'executed' });
  for (const seat of idle) if (seat !== executed) deaths.push({ seat, cause: 'afk', publicCause: 'afk' });
  const [after, died] = applyDeaths({ players, pendingShots: ctx.pendingShots, secrets: ctx.secrets, day: ctx.day }, deaths, 'grief', secretShots(ctx));
  const events: TimelineEntry[] = died.filter((d) => d.cause !== 'executed').map((d) => (d.cause === 'afk' ? { kind: 'afk', day: ctx.day, seat: d.seat } : { kind: 'death', day: ctx.day, seat: d.seat, cause: d.publicCause }));
  return { ...after, rng, vote: null, executed, next: 'night', timeline: [...timeline, ...events] };
}

export const isRevote = (ctx: GameContext) => ctx.vote !== null && ctx.vote.round === 2 && Object.keys(ctx.vote.ballots).length === 0;
