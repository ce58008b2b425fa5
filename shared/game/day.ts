import { pick } from './rng.ts';
import { applyDeaths, type Death, player, secretShots } from './deaths.ts';
import { livingSeats as living } from './derived.ts';
import { actionSchemaOfDay, moduleOf, roleOfDayKind } from './roles/index.ts';
import type { EventOf, GameContext, Patch, Player, Rejection } from './types.ts';
import type { DayActionOffer, TimelineEntry } from '../views.ts';

/** How many votes this seat's ballot counts (R84): 1 unless its role says otherwise; 0 may not vote. */
export function ballotWeight(ctx: GameContext, seat: number): number {
  const role = player(ctx, seat)?.role;
  const ballot = role ? moduleOf(role).ballot : undefined;
  return ballot ? ballot(ctx, seat) : 1;
}

/** The living seats whose ballot counts (R84): the vote waits for these only. */
function voters(ctx: GameContext): number[] {
  return living(ctx).filter((s) => ballotWeight(ctx, s) > 0);
}

/** The day actions this living seat may take now (R82), for its view and its buttons. */
export function dayOffers(ctx: GameContext, me: Player): DayActionOffer[] | undefined {
  if ((ctx.phase !== 'day' && ctx.phase !== 'vote') || !me.alive || !me.role) return undefined;
  const day = moduleOf(me.role).day;
  return day && day.offered(ctx, me.seat) ? [{ kind: day.kind, label: day.label, hint: day.hint }] : undefined;
}

export function rejectDayAction(ctx: GameContext, e: EventOf<'day.act'>): Rejection {
  if (!actionSchemaOfDay(e.action.kind)?.safeParse(e.action).success) return 'input/invalid';
  if (ctx.phase !== 'day' && ctx.phase !== 'vote') return 'phase/wrong';
  const p = player(ctx, e.seat);
  if (!p) return 'room/not-member';
  if (!p.alive) return 'player/dead';
  const day = p.role ? moduleOf(p.role).day : undefined;
  if (!day || day.kind !== e.action.kind) return 'action/not-allowed';
  return day.validate(ctx, e.seat, e.action);
}

/** A day action's effects (R82): a public reveal (R80), a truce, the seat's new state; one public entry. */
export function dayAct(ctx: GameContext, e: EventOf<'day.act'>): Patch {
  const role = roleOfDayKind(e.action.kind)!;
  const patch: Patch = {};
  const entries: TimelineEntry[] = [{ kind: 'act', day: ctx.day, seat: e.seat, act: e.action.kind }];
  for (const fx of role.day!.apply(ctx, e.seat, e.action)) {
    if (fx.kind === 'state') patch.roles = { ...(patch.roles ?? ctx.roles), [e.seat]: fx.value };
    else if (fx.kind === 'truce') patch.truce = ctx.day;
    else {
      patch.players = (patch.players ?? ctx.players).map((p) => (p.seat === e.seat ? { ...p, revealed: true } : p));
      entries.push({ kind: 'reveal', day: ctx.day, seat: e.seat, role: role.id });
    }
  }
  patch.timeline = [...ctx.timeline, ...entries];
  return patch;
}

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
  // Run after every event of the day: a scan without building the list of the living.
  for (const p of ctx.players) if (p.alive && !ctx.ready.includes(p.seat)) return false;
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
  if (ballotWeight(ctx, e.seat) === 0) return 'action/not-allowed';
  return null;
}

/** A vote may change until the close (R41). */
export function castVote(ctx: GameContext, e: EventOf<'vote.cast'>): Patch {
  return { vote: { ...ctx.vote!, ballots: { ...ctx.vote!.ballots, [e.seat]: e.target } } };
}

export function allVoted(ctx: GameContext): boolean {
  if (ctx.vote === null) return false;
  const ballots = ctx.vote.ballots;
  // Run after every event of the vote: the voters (R84) scanned in place.
  for (const p of ctx.players) if (p.alive && !(p.seat in ballots) && ballotWeight(ctx, p.seat) > 0) return false;
  return true;
}

/**
 * Close the vote (R44–R48): count, apply the vote rule and the tie rule, and either open a
 * re-vote or settle the execution and the idle voters (R40).
 */
export function tally(ctx: GameContext): Patch {
  const vote = ctx.vote!;
  const voting = voters(ctx);
  const counts: Record<number, number> = {};
  let abstain = 0;
  const alive = new Set(living(ctx));
  let weights = 0;
  for (const seat of voting) {
    const weight = ballotWeight(ctx, seat);
    weights += weight;
    const b = vote.ballots[seat];
    if (b === undefined) continue;
    // A ballot for a player who has since left counts as an abstention (R43).
    if (b === null || !alive.has(b)) abstain++;
    else counts[b] = (counts[b] ?? 0) + weight;
  }
  let max = 0;
  let leaders: number[] = [];
  for (const key in counts) {
    const n = counts[key];
    if (n > max) { max = n; leaders = [Number(key)]; } else if (n === max) leaders.push(Number(key));
  }
  leaders.sort((a, b) => a - b);
  if (ctx.settings.voteRule === 'majority' && max * 2 <= weights) leaders = [];
  // A truce (R82) lets the vote run and be counted, and nobody dies by it.
  if (ctx.truce === ctx.day) leaders = [];

  let rng = ctx.rng;
  let outcome: 'executed' | 'none' | 'revote' = 'none';
  let executed: number | null = null;
  if (leaders.length === 1) { outcome = 'executed'; executed = leaders[0]; }
  else if (leaders.length > 1) {
    if (ctx.settings.tieRule === 'random') { [executed, rng] = pick(leaders, rng); outcome = 'executed'; }
    else if ((ctx.settings.tieRule === 'revote' || ctx.settings.tieRule === 'revote-random') && vote.round === 1) outcome = 'revote';
    // AIWolf's rule: a tie again draws lots among the tied.
    else if (ctx.settings.tieRule === 'revote-random') { [executed, rng] = pick(leaders, rng); outcome = 'executed'; }
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
  let roles = ctx.roles;
  const timelineAfter: TimelineEntry[] = [];
  for (let i = 0; i < players.length; i++) {
    const p = players[i];
    // A seat without a vote (R84) cannot miss one.
    if (!p.alive || ballotWeight(ctx, p.seat) === 0) continue;
    const missedVotes = p.seat in vote.ballots ? 0 : p.missedVotes + 1;
    if (missedVotes >= 2) idle.push(p.seat);
    if (missedVotes === p.missedVotes) continue;
    if (players === ctx.players) players = players.slice();
    players[i] = { ...p, missedVotes };
  }
  // The executed seat's role may spare it (R81), and may reveal it.
  const spare = executed === null ? null : spared(ctx, executed);
  if (spare && executed !== null) {
    const seat = executed;
    players = players.map((p) => (p.seat === seat ? { ...p, ...(spare.reveal ? { revealed: true } : {}) } : p));
    if (spare.state !== undefined) roles = { ...roles, [seat]: spare.state };
    timelineAfter.push({ kind: 'spared', day: ctx.day, seat });
    if (spare.reveal) timelineAfter.push({ kind: 'reveal', day: ctx.day, seat, role: player(ctx, seat)!.role! });
    executed = null;
  }
  const deaths: Death[] = [];
  if (executed !== null) deaths.push({ seat: executed, cause: 'executed', publicCause: 'executed' });
  for (const seat of idle) if (seat !== executed) deaths.push({ seat, cause: 'afk', publicCause: 'afk' });
  const [after, died] = applyDeaths({ players, pendingShots: ctx.pendingShots, secrets: ctx.secrets, roles, day: ctx.day }, deaths, 'grief', secretShots(ctx));
  const events: TimelineEntry[] = died.filter((d) => d.cause !== 'executed').map((d) => (d.cause === 'afk' ? { kind: 'afk', day: ctx.day, seat: d.seat } : { kind: 'death', day: ctx.day, seat: d.seat, cause: d.publicCause }));
  return { ...after, rng, vote: null, executed, next: 'night', timeline: [...timeline, ...timelineAfter, ...events] };
}

function spared(ctx: GameContext, seat: number) {
  const role = player(ctx, seat)?.role;
  return role ? moduleOf(role).on?.executed?.(ctx, seat) ?? null : null;
}

export const isRevote = (ctx: GameContext) => ctx.vote !== null && ctx.vote.round === 2 && Object.keys(ctx.vote.ballots).length === 0;
