import type { GameView, PlayerView } from '../sdk/index.ts';
import { ROLE_MODULES, teamOf } from '../../shared/game/roles/index.ts';
import { claimsIn, type Said } from './claims.ts';

export type Side = 'village' | 'wolves';

/** How much a baseless self-accusation ("I am a werewolf") speaks for the speaker's innocence of the pack. */
export const TANNER_DISCOUNT = 45;

/** What an unproven rival seer claim weighs against the claimant while the setup's decoys (the possessed) could account for it. */
export const DECOY_RIVAL = -20;

/** What one seat makes of a game from its own view: who claims what, whom to believe, whom to suspect. */
export interface Evidence {
  me: number;
  living: number[];
  said: Said[];
  /** Seats that claimed to be the seer, in the order they first did. */
  seers: number[];
  /** The seer claim this seat believes (itself when it is the seer), or null. */
  trusted: number | null;
  /** Sides known for sure (the pack, one's own seer results) or taken from the trusted seer. */
  sides: Map<number, Side>;
  /** Higher means more likely a wolf; only living seats other than `me`. */
  suspicion: Map<number, number>;
}

const sideOf = (p: PlayerView): Side | null => (p.team ? (p.team === 'wolves' ? 'wolves' : 'village') : null);

/**
 * Read the evidence in a view. With `asPublic` the seat ignores what only it knows (its pack, its
 * seer results): that is what an ordinary villager believes, which wolves use to blend in.
 */
export function evidence(view: GameView, asPublic = false): Evidence {
  const you = view.you!;
  const me = you.seat;
  const bySeat = new Map(view.players.map((p) => [p.seat, p]));
  const living = view.players.filter((p) => p.alive).map((p) => p.seat);
  const said = claimsIn(view.chat, view.players);
  const iAmSeer = !asPublic && you.role === 'seer';
  // By the pack, not team: a cross-team lover's team is `lovers` (R50), yet a seer reads a wolf as a wolf.
  const iAmVillage = !asPublic && you.role !== null && !you.pack;

  const seers: number[] = [];
  for (const s of said) if (s.kind === 'claim' && s.role === 'seer' && !seers.includes(s.by)) seers.push(s.by);
  // A lone medium claimant's readings of the executed tell their sides when the reveal does not
  // (a pack member who poses as her is no witness to her packmates).
  const mediums = [...new Set(said.filter((s) => s.kind === 'claim' && s.role === 'medium').map((s) => s.by))];
  const medium = mediums.length === 1 && !(!asPublic && you.pack?.includes(mediums[0])) ? mediums[0] : null;
  const identified = new Map<number, Side>();
  for (const s of said) if (s.kind === 'identified' && s.by === medium) identified.set(s.seat, s.team);
  if (!asPublic) for (const r of you.mediumResults ?? []) identified.set(r.seat, r.team);
  /** What the village knows of a dead seat's side: the reveal, else the medium's word. */
  const deadSide = (p: PlayerView): Side | null => sideOf(p) ?? identified.get(p.seat) ?? null;
  const resultsBy = (c: number) => said.filter((s): s is Said & { kind: 'result' } => s.kind === 'result' && s.by === c);

  // A claimant is a liar when the dead tell otherwise, or when this seat knows better.
  const liar = (c: number): boolean => {
    if (c === me) return false;
    if (iAmSeer) return true;
    if (!asPublic && you.pack?.includes(c)) return true;
    const dead = bySeat.get(c);
    if (dead && !dead.alive && dead.role) return dead.role !== 'seer';
    if (dead && !dead.alive && dead.team) return dead.team === 'wolves';
    for (const r of resultsBy(c)) {
      const t = bySeat.get(r.seat);
      const side = t && !t.alive ? deadSide(t) : null;
      if (side && side !== r.team) return true;
      if (iAmVillage && r.seat === me && r.team === 'wolves') return true;
    }
    return false;
  };
  // A claimant is confirmed when one of her results is borne out by the dead.
  const confirmed = (c: number): boolean => resultsBy(c).some((r) => {
    const t = bySeat.get(r.seat);
    return t !== undefined && !t.alive && deadSide(t) === r.team;
  });
  const liars = new Set(seers.filter(liar));
  const trusted = iAmSeer ? me : believe(seers.filter((c) => !liars.has(c)), me, confirmed);

  const sides = new Map<number, Side>();
  if (trusted !== null && trusted !== me) for (const r of resultsBy(trusted)) sides.set(r.seat, r.team);
  // A living seat whose role everyone sees was revealed by a rule of its role (R80: a mayor, a spared prince): no claim, the truth.
  for (const p of view.players) if (p.alive && p.seat !== me && p.role) sides.set(p.seat, teamOf(p.role) === 'wolves' ? 'wolves' : 'village');
  if (!asPublic) {
    for (const r of you.seerResults ?? []) sides.set(r.seat, r.team);
    if (you.pack) for (const p of view.players) sides.set(p.seat, you.pack.includes(p.seat) ? 'wolves' : 'village');
    // Masons know each other (R157): a fellow mason is village for sure.
    for (const m of you.masons ?? []) if (m !== me) sides.set(m, 'village');
  }

  const score = new Map<number, number>();
  const add = (seat: number, n: number) => { if (seat !== me) score.set(seat, (score.get(seat) ?? 0) + n); };
  // A false seer claim is a wolf's, unless the public setup holds roles that pose as the seer for the
  // pack (the possessed): while there are no more rival claims than such roles, a rival is as likely
  // one of them, and the rope is better spent on the others (AIWolf 5 gave the village 20% when it
  // hanged the rival claimant every time; measured with npm run balance, docs/balance.md).
  const decoys = Object.entries(view.setup?.roles ?? {}).reduce((a, [id, k]) => a + (ROLE_MODULES.get(id)?.bot?.claims === 'seer' ? k ?? 0 : 0), 0);
  // The seer herself knows every rival is false, not which of them is a wolf: a rival proven false only by that counts as unproven.
  const decoyed = decoys > 0 && seers.length - 1 <= decoys;
  const proven = (c: number) => liars.has(c) && !(iAmSeer && decoyed);
  for (const c of seers) if (c !== trusted) add(c, proven(c) ? 50 : decoyed ? DECOY_RIVAL : 25);
  for (const [seat, side] of sides) add(seat, side === 'wolves' ? 60 : -60);
  // No wolf outs itself: a seat calling itself a werewolf on its own word, with no result against
  // it, fishes for the rope (the tanner's play), and the village does not oblige (measured with
  // npm run balance, docs/balance.md).
  const selfAccused = new Set(said.filter((s) => s.kind === 'claim' && s.role === 'werewolf').map((s) => s.by));
  for (const seat of selfAccused) if (sides.get(seat) !== 'wolves') add(seat, -TANNER_DISCOUNT);
  if (trusted !== null) add(trusted, -40);

  // Ballots tell on the voters: voting out a wolf speaks for you, voting out a villager or the seer against you.
  const judge = (ballots: Record<number, number | null>, executed: number | undefined) => {
    for (const [v, t] of Object.entries(ballots)) {
      if (t === null) continue;
      const target = bySeat.get(t);
      const side = target && !target.alive ? deadSide(target) : sides.get(t) ?? null;
      if (side === 'wolves') add(Number(v), -3);
      else if (side === 'village' && t === executed) add(Number(v), 2);
      if (t === trusted) add(Number(v), 4);
    }
  };
  for (const e of view.timeline) if (e.kind === 'vote' && e.ballots) judge(e.ballots, e.seat);
  // Talk is cheap: a voice against a seat proves nothing (the ballots already count the crowd), but
  // calling a seat this seat knows to be village a wolf (itself included), or vouching for a known
  // wolf, counts against the speaker. (Counting every accusation too gave the village ~5 points more.)
  const knownSide = (seat: number): Side | null => (seat === me && iAmVillage ? 'village' : sides.get(seat) ?? null);
  for (const s of said) {
    if (s.by === me || (s.kind !== 'accuse' && s.kind !== 'defend')) continue;
    const known = knownSide(s.seat);
    if (known === (s.kind === 'accuse' ? 'village' : 'wolves')) add(s.by, 8);
  }
  if (view.vote?.ballots) judge(view.vote.ballots, undefined);

  const suspicion = new Map<number, number>();
  for (const s of living) if (s !== me) suspicion.set(s, score.get(s) ?? 0);
  return { me, living, said, seers, trusted, sides, suspicion };
}

/**
 * Which of several seer claims to believe: a confirmed one, else the only one; between rival
 * claims nothing in the view tells, so each seat settles it by its own fixed coin and the
 * village splits, as people do.
 */
function believe(open: number[], me: number, confirmed: (c: number) => boolean): number | null {
  const sure = open.filter(confirmed);
  const pool = sure.length ? sure : open;
  if (pool.length <= 1) return pool[0] ?? null;
  let h = me * 2654435761;
  for (const c of pool) h = Math.imul(h ^ c, 0x01000193);
  return pool[(h >>> 0) % pool.length];
}

/** Votes cast for each seat in the current vote, leaving out votes for oneself. */
export function ballotsFor(view: GameView): Map<number, number> {
  const out = new Map<number, number>();
  for (const [v, t] of Object.entries(view.vote?.ballots ?? {})) if (t !== null && t !== Number(v)) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

// The same choice the role modules' bot play makes (shared/game/roles/role.ts).
export { best } from '../../shared/game/roles/role.ts';
