import type { GameEvent } from '../../shared/game/index.ts';
import type { GameRecord, GameSummary } from '../../shared/game/record.ts';

// Declared in shared/ because the browser's replay reads records too; the store port names them.
export type { GameRecord, GameSummary };

/** Everything needed to bring a room back exactly as it was after its last accepted event. */
export interface StoredRoom {
  roomId: string;
  code: string;
  machineVersion: number;
  /** `actor.getPersistedSnapshot()` of the room's game machine after event `snapshotSeq`. */
  snapshot: unknown;
  /** Events after this seq are replayed on top of the snapshot when the room is restored. */
  snapshotSeq: number;
  /** Seat token → seat. Secret: never sent to anyone but the seat's owner. */
  seats: Record<string, number>;
  /** Per-audience view versions, so clients' versions keep growing across a restart. */
  viewVersions: Record<string, number>;
  /**
   * Seat → strategy of the bots this server hosts itself (bot:add), so that after a restart it
   * resumes those seats, and only those: a `bot: true` seat of an outside client is its owner's.
   * The server's own bookkeeping, not the rules'. Absent in rows written before it was kept.
   */
  hostedBots?: Record<string, string>;
  /** Sequence number of the last event appended to this room's log. */
  seq: number;
  /** The persisted snapshot just before the current game's `game.start`, and that event's seq. */
  gameStart: { seq: number; snapshot: unknown } | null;
  createdAt: number;
  updatedAt: number;
}

/** Events up to this seq are needed neither to restore the room (snapshot) nor for its current game's record. */
export function keepAfter(room: Pick<StoredRoom, 'snapshotSeq' | 'gameStart'>): number {
  return Math.min(room.snapshotSeq, room.gameStart?.seq ?? room.snapshotSeq);
}

export interface LoggedEvent { roomId: string; seq: number; event: GameEvent }

/** A store write refused because this node no longer holds the room's lease (clustered mode). */
export class FencedError extends Error {
  constructor(roomId: string) {
    super(`room ${roomId}: lease lost; write fenced`);
    this.name = 'FencedError';
  }
}

/** Called for a stored room that cannot be read (corrupt row); the room is skipped, the rest load. */
export type BrokenRoom = (roomId: string, err: Error) => void;

/**
 * Persistence behind one port: memory for unit tests, SQLite by default, Redis when clustered.
 * `commit` must be durable when its promise resolves: the room acknowledges only then.
 * The log keeps at least the events after min(snapshotSeq, gameStart.seq) of each room;
 * older ones may be pruned.
 */
export interface Store {
  readonly kind: string;
  /**
   * Append `event` (seq `room.seq`) to the room's log and save the room, in one transaction.
   * The room's snapshot is rewritten only when `room.snapshotSeq === room.seq`.
   */
  commit(room: StoredRoom, event: GameEvent | null): Promise<void>;
  loadRooms(onBroken?: BrokenRoom): Promise<StoredRoom[]>;
  loadRoom(roomId: string): Promise<StoredRoom | null>;
  events(roomId: string, afterSeq: number): Promise<LoggedEvent[]>;
  removeRoom(roomId: string): Promise<void>;
  /** Keep a finished game; a second record of the same room and gameNo is ignored (saving is retried after a restart). */
  saveGame(record: GameRecord): Promise<void>;
  getGame(gameId: string): Promise<GameRecord | null>;
  /** Most recent finished games in which a player of this name sat. */
  recentGames(playerName: string, limit: number): Promise<GameSummary[]>;
  close(): Promise<void>;
}
