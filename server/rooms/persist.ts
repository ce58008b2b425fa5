import type { GameContext, GameEvent } from '../../shared/game/index.ts';
import type { StoredRoom } from '../store/types.ts';

export interface Accepted {
  event: GameEvent;
  before: GameContext;
  after: GameContext;
  /** The persisted snapshot after the event, and the one before it: computed only when stored. */
  persisted(): unknown;
  previous(): unknown;
  /** The command's ack data (a new seat's token, say). */
  data: Record<string, unknown>;
  versions: Record<string, number>;
  /** The strategy of the server's own bot taking the seat this event grants, if it is one. */
  hosted?: string;
  /** Take a snapshot every this many events (and at every phase change and game start). */
  every: number;
}

/**
 * The room's stored record after an accepted event: the event's seq, a fresh snapshot when one
 * is due (otherwise restore replays the log after the last one), seat tokens, view versions, and
 * the snapshot from just before a game's start, which its record and replay begin from.
 */
export function nextRecord(rec: StoredRoom, a: Accepted): StoredRoom {
  const seq = rec.seq + 1;
  const snapshotNow = a.after.phaseId !== a.before.phaseId || seq - rec.snapshotSeq >= a.every || a.event.type === 'game.start';
  return {
    ...rec,
    seq,
    snapshot: snapshotNow ? a.persisted() : rec.snapshot,
    snapshotSeq: snapshotNow ? seq : rec.snapshotSeq,
    seats: seatsAfter(rec.seats, a),
    hostedBots: hostedAfter(rec.hostedBots ?? {}, a),
    viewVersions: a.versions,
    gameStart: a.event.type === 'game.start' ? { seq: rec.seq, snapshot: a.previous() } : rec.gameStart,
    updatedAt: a.event.now,
  };
}

/** The server's bots by seat: one joins with its grant, one whose seat is gone is forgotten. */
function hostedAfter(hosted: Record<string, string>, { data, before, after, hosted: strategy }: Pick<Accepted, 'data' | 'before' | 'after' | 'hosted'>): Record<string, string> {
  if (after.players === before.players && strategy === undefined) return hosted;
  const present = new Set(after.players.filter((p) => p.bot && !p.left).map((p) => String(p.seat)));
  const next: Record<string, string> = {};
  for (const [seat, s] of Object.entries(hosted)) if (present.has(seat)) next[seat] = s;
  if (strategy !== undefined && typeof data.seat === 'number') next[String(data.seat)] = strategy;
  return next;
}

/**
 * Tokens of seats that are gone stop working, so a later occupant of the seat is not exposed; a
 * seat given up mid-game (R13: it stays, dead, marked as left) loses its token too, as
 * docs/protocol.md §3 promises. The leaver may still watch as a spectator.
 */
function seatsAfter(seats: Record<string, number>, { data, before, after }: Pick<Accepted, 'data' | 'before' | 'after'>): Record<string, number> {
  // Most events move no seat and grant no token: the same tokens, not a copy.
  if (after.players === before.players && typeof data.token !== 'string') return seats;
  const next: Record<string, number> = {};
  const present = new Set(after.players.filter((p) => !p.left).map((p) => p.seat));
  for (const [token, seat] of Object.entries(seats)) if (present.has(seat)) next[token] = seat;
  if (typeof data.token === 'string') next[data.token] = data.seat as number;
  return next;
}
