import type { GameEffect, GameEvent } from '../../shared/game/index.ts';
import type { StoredRoom } from '../store/types.ts';

export interface Accepted {
  event: GameEvent;
  /** What the machine announced as it took the event. */
  effects: readonly GameEffect[];
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
  const started = a.effects.some((fx) => fx.type === 'game.started');
  const snapshotNow = started || a.effects.some((fx) => fx.type === 'phase.entered') || seq - rec.snapshotSeq >= a.every;
  const removed = a.effects.filter((fx) => fx.type === 'player.removed').map((fx) => fx.seat);
  return {
    ...rec,
    seq,
    snapshot: snapshotNow ? a.persisted() : rec.snapshot,
    snapshotSeq: snapshotNow ? seq : rec.snapshotSeq,
    seats: seatsAfter(rec.seats, removed, a.data),
    hostedBots: hostedAfter(rec.hostedBots ?? {}, removed, a),
    viewVersions: a.versions,
    gameStart: started ? { seq: rec.seq, snapshot: a.previous() } : rec.gameStart,
    updatedAt: a.event.now,
  };
}

/** The server's bots by seat: one joins with its grant, one whose player is removed is forgotten. */
function hostedAfter(hosted: Record<string, string>, removed: number[], { data, hosted: strategy }: Pick<Accepted, 'data' | 'hosted'>): Record<string, string> {
  if (removed.length === 0 && strategy === undefined) return hosted;
  const next: Record<string, string> = {};
  for (const [seat, s] of Object.entries(hosted)) if (!removed.includes(Number(seat))) next[seat] = s;
  if (strategy !== undefined && typeof data.seat === 'number') next[String(data.seat)] = strategy;
  return next;
}

/**
 * Tokens of removed players stop working, so a later occupant of the seat is not exposed; a
 * seat given up mid-game (R13: it stays, dead, marked as left) loses its token too, as
 * docs/protocol.md §3 promises. The leaver may still watch as a spectator.
 */
function seatsAfter(seats: Record<string, number>, removed: number[], data: Record<string, unknown>): Record<string, number> {
  // Most events remove no player and grant no token: the same tokens, not a copy.
  if (removed.length === 0 && typeof data.token !== 'string') return seats;
  const next: Record<string, number> = {};
  for (const [token, seat] of Object.entries(seats)) if (!removed.includes(seat)) next[token] = seat;
  if (typeof data.token === 'string') next[data.token] = data.seat as number;
  return next;
}
