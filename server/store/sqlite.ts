import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { GameEvent } from '../../shared/game/index.ts';
import { migrateSchema, type RoomRow, type Statements, statements } from './schema.ts';
import type { WriteOp } from './sqlite-writer.ts';
import { type BrokenRoom, type GameRecord, type GameSummary, keepAfter, type LoggedEvent, type Store, type StoredRoom } from './types.ts';
import { WriterThread, type WriterOptions } from './writer.ts';

export interface SqliteOptions extends Partial<WriterOptions> {
  /** The directory of the database file; created if missing. */
  dir: string;
  file?: string;
  /**
   * FULL (default): every transaction is fsynced before its commit returns, so an ack survives
   * a power cut. NORMAL in WAL mode survives a process crash (kill -9) but not a power cut.
   */
  synchronous?: 'FULL' | 'NORMAL';
}

/**
 * The default store: one SQLite file in DATA_DIR, WAL mode, group commit across rooms. Writes
 * are committed on a writer thread (sqlite-writer.ts), so fsync never stalls the game server;
 * reads (at boot, restore and for finished games) use this thread's own connection.
 *
 * @example
 *   const store = new SqliteStore({ dir: './data' });
 *   await store.commit(room, event); // durable once this resolves
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly file: string;
  private db: Database.Database;
  private st: Statements;
  private writer: WriterThread;
  /** Rooms whose row this process wrote, with the gameStart seq it holds: later commits may skip the snapshot. */
  private written = new Map<string, number>();
  private closed = false;
  private started: Promise<void>;

  constructor(opts: SqliteOptions) {
    mkdirSync(opts.dir, { recursive: true });
    this.file = path.join(opts.dir, opts.file ?? 'werewolf.sqlite');
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    migrateSchema(this.db, this.file);
    this.st = statements(this.db);
    this.writer = new WriterThread(
      { file: this.file, synchronous: opts.synchronous ?? 'FULL', maxBatch: opts.maxBatch ?? 256 },
      { windowMs: opts.windowMs ?? 0, maxBatch: opts.maxBatch ?? 256 },
      (op) => this.stored(op),
    );
    this.started = this.writer.start();
    this.started.catch(() => {}); // reported by ready(), and by the first write
  }

  /** Resolves once the writer thread has the file open; rejects if it cannot open it. */
  ready(): Promise<void> { return this.started; }

  /** Transactions and writes so far: writes / transactions is the mean group size. */
  get stats() { return this.writer.stats; }

  /** The thread that commits the writes, while one runs. */
  get writerThread() { return this.writer.thread; }

  commit(room: StoredRoom, event: GameEvent | null): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    const gameStartSeq = room.gameStart?.seq ?? -1;
    const full = room.snapshotSeq === room.seq || this.written.get(room.roomId) !== gameStartSeq;
    let op: WriteOp;
    try {
      // Snapshots are serialised only when the row needs them; most commits move the small columns alone.
      op = {
        kind: 'commit', roomId: room.roomId, seq: room.seq, updatedAt: room.updatedAt, seats: JSON.stringify(room.seats), viewVersions: JSON.stringify(room.viewVersions),
        hostedBots: JSON.stringify(room.hostedBots ?? {}),
        event: event ? JSON.stringify(event) : null,
        row: full ? {
          code: room.code, machineVersion: room.machineVersion, snapshot: JSON.stringify(room.snapshot), snapshotSeq: room.snapshotSeq,
          gameStart: room.gameStart ? JSON.stringify(room.gameStart) : null, createdAt: room.createdAt, keepAfter: keepAfter(room),
        } : null,
      };
    } catch (err) {
      return Promise.reject(err);
    }
    this.written.set(room.roomId, gameStartSeq);
    return this.writer.write(op).catch((err) => { this.written.delete(room.roomId); throw err; });
  }

  /** Whether a write is in the file (asked after a writer thread died without reporting on it). */
  private stored(op: WriteOp): boolean {
    if (op.kind === 'game') return this.st.oneGame.get(op.gameId) !== undefined;
    const row = this.st.oneRoom.get(op.roomId) as RoomRow | undefined;
    // A room's seq only grows, and each commit sets it: the commit is in iff the row has reached it.
    return op.kind === 'remove' ? row === undefined : row !== undefined && row.seq >= op.seq;
  }

  async loadRooms(onBroken?: BrokenRoom): Promise<StoredRoom[]> {
    await this.writer.settled();
    const out: StoredRoom[] = [];
    for (const row of this.st.allRooms.all() as RoomRow[]) {
      try { out.push(toRoom(row)); } catch (err) { onBroken?.(row.room_id, err as Error); }
    }
    return out;
  }

  async loadRoom(roomId: string): Promise<StoredRoom | null> {
    await this.writer.settled();
    const row = this.st.oneRoom.get(roomId) as RoomRow | undefined;
    return row ? toRoom(row) : null;
  }

  async events(roomId: string, afterSeq: number): Promise<LoggedEvent[]> {
    await this.writer.settled();
    return (this.st.eventsAfter.all(roomId, afterSeq) as { seq: number; event: string }[]).map((row) => {
      try {
        return { roomId, seq: row.seq, event: JSON.parse(row.event) as GameEvent };
      } catch {
        throw new Error(`room ${roomId}: logged event ${row.seq} is not valid JSON`);
      }
    });
  }

  removeRoom(roomId: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    this.written.delete(roomId);
    return this.writer.write({ kind: 'remove', roomId });
  }

  saveGame(g: GameRecord): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return this.writer.write({
      kind: 'game', gameId: g.gameId, roomId: g.roomId, gameNo: g.gameNo, name: g.settings.name, winner: g.outcome.winner, players: g.players.length,
      finishedAt: g.finishedAt, record: JSON.stringify(g), names: [...new Set(g.players.map((p) => p.name.toLowerCase()))],
    });
  }

  async getGame(gameId: string): Promise<GameRecord | null> {
    await this.writer.settled();
    const row = this.st.oneGame.get(gameId) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as GameRecord) : null;
  }

  async recentGames(playerName: string, limit: number): Promise<GameSummary[]> {
    await this.writer.settled();
    const rows = this.st.gamesOf.all(playerName.toLowerCase(), limit) as { game_id: string; room_id: string; name: string; winner: string; players: number; finished_at: number }[];
    return rows.map((r) => ({ gameId: r.game_id, roomId: r.room_id, name: r.name, winner: r.winner as GameSummary['winner'], players: r.players, finishedAt: r.finished_at }));
  }

  /** Write what is pending, then close the file (SQLite checkpoints the WAL on close). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try { await this.writer.close(); } finally { this.db.close(); }
  }
}

function toRoom(row: RoomRow): StoredRoom {
  return {
    roomId: row.room_id,
    code: row.code,
    machineVersion: row.machine_version,
    snapshot: JSON.parse(row.snapshot),
    snapshotSeq: row.snapshot_seq,
    seats: JSON.parse(row.seats),
    viewVersions: JSON.parse(row.view_versions),
    hostedBots: JSON.parse(row.hosted_bots ?? '{}'),
    seq: row.seq,
    gameStart: row.game_start === null ? null : JSON.parse(row.game_start),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
