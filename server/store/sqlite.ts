import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { GameEvent } from '../game/index.ts';
import { GroupCommit, type GroupOptions } from './group.ts';
import { migrateSchema, type RoomRow, type Statements, statements } from './schema.ts';
import { type BrokenRoom, type GameRecord, type GameSummary, keepAfter, type LoggedEvent, type Store, type StoredRoom } from './types.ts';

export interface SqliteOptions extends Partial<GroupOptions> {
  /** The directory of the database file; created if missing. */
  dir: string;
  file?: string;
  /**
   * FULL (default): every transaction is fsynced before its commit returns, so an ack survives
   * a power cut. NORMAL in WAL mode survives a process crash (kill -9) but not a power cut.
   */
  synchronous?: 'FULL' | 'NORMAL';
}

type Op =
  | { kind: 'commit'; room: StoredRoom; full: boolean; event: string | null; small: { seats: string; viewVersions: string } }
  | { kind: 'remove'; roomId: string }
  | { kind: 'game'; record: GameRecord; json: string };

/**
 * The default store: one SQLite file in DATA_DIR, WAL mode, group commit across rooms.
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
  private group: GroupCommit<Op>;
  /** Rooms whose row this process wrote, with the gameStart seq it holds: later commits may skip the snapshot. */
  private written = new Map<string, number>();
  private closed = false;

  constructor(opts: SqliteOptions) {
    mkdirSync(opts.dir, { recursive: true });
    this.file = path.join(opts.dir, opts.file ?? 'werewolf.sqlite');
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    migrateSchema(this.db, this.file);
    this.st = statements(this.db);
    const tx = this.db.transaction((ops: Op[]) => { for (const op of ops) this.apply(op); });
    this.group = new GroupCommit<Op>((ops) => tx(ops), { windowMs: opts.windowMs ?? 0, maxBatch: opts.maxBatch ?? 256 });
  }

  /** Transactions and writes so far: writes / transactions is the mean group size. */
  get stats() { return this.group.stats; }

  commit(room: StoredRoom, event: GameEvent | null): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    const gameStartSeq = room.gameStart?.seq ?? -1;
    const full = room.snapshotSeq === room.seq || this.written.get(room.roomId) !== gameStartSeq;
    let op: Op;
    try {
      // The event and the small columns are serialized now; snapshots are immutable values,
      // serialized at write time and only when the row needs them.
      op = { kind: 'commit', room, full, event: event ? JSON.stringify(event) : null, small: { seats: JSON.stringify(room.seats), viewVersions: JSON.stringify(room.viewVersions) } };
    } catch (err) {
      return Promise.reject(err);
    }
    this.written.set(room.roomId, gameStartSeq);
    return this.group.push(op).catch((err) => { this.written.delete(room.roomId); throw err; });
  }

  private apply(op: Op): void {
    const st = this.st;
    if (op.kind === 'remove') { st.deleteRoom.run(op.roomId); st.deleteEvents.run(op.roomId); return; }
    if (op.kind === 'game') { this.insertGame(op.record, op.json); return; }
    const r = op.room;
    if (op.event !== null) st.insertEvent.run(r.roomId, r.seq, op.event);
    const small = { roomId: r.roomId, seq: r.seq, updatedAt: r.updatedAt, ...op.small };
    if (!op.full && st.touchRoom.run(small).changes === 1) return;
    st.upsertRoom.run({
      ...small, code: r.code, machineVersion: r.machineVersion, snapshot: JSON.stringify(r.snapshot), snapshotSeq: r.snapshotSeq,
      gameStart: r.gameStart ? JSON.stringify(r.gameStart) : null, createdAt: r.createdAt,
    });
    st.pruneEvents.run(r.roomId, keepAfter(r));
  }

  async loadRooms(onBroken?: BrokenRoom): Promise<StoredRoom[]> {
    this.group.flush();
    const out: StoredRoom[] = [];
    for (const row of this.st.allRooms.all() as RoomRow[]) {
      try { out.push(toRoom(row)); } catch (err) { onBroken?.(row.room_id, err as Error); }
    }
    return out;
  }

  async loadRoom(roomId: string): Promise<StoredRoom | null> {
    this.group.flush();
    const row = this.st.oneRoom.get(roomId) as RoomRow | undefined;
    return row ? toRoom(row) : null;
  }

  async events(roomId: string, afterSeq: number): Promise<LoggedEvent[]> {
    this.group.flush();
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
    return this.group.push({ kind: 'remove', roomId });
  }

  saveGame(record: GameRecord): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return this.group.push({ kind: 'game', record, json: JSON.stringify(record) });
  }

  private insertGame(g: GameRecord, json: string): void {
    const res = this.st.insertGame.run({ gameId: g.gameId, roomId: g.roomId, gameNo: g.gameNo, name: g.settings.name, winner: g.outcome.winner, players: g.players.length, finishedAt: g.finishedAt, record: json });
    if (res.changes === 0) return; // this room's game was already kept
    for (const name of new Set(g.players.map((p) => p.name.toLowerCase()))) this.st.insertPlayer.run(name, g.finishedAt, g.gameId);
  }

  async getGame(gameId: string): Promise<GameRecord | null> {
    this.group.flush();
    const row = this.st.oneGame.get(gameId) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as GameRecord) : null;
  }

  async recentGames(playerName: string, limit: number): Promise<GameSummary[]> {
    this.group.flush();
    const rows = this.st.gamesOf.all(playerName.toLowerCase(), limit) as { game_id: string; room_id: string; name: string; winner: string; players: number; finished_at: number }[];
    return rows.map((r) => ({ gameId: r.game_id, roomId: r.room_id, name: r.name, winner: r.winner as GameSummary['winner'], players: r.players, finishedAt: r.finished_at }));
  }

  /** Write what is pending, then close the file (SQLite checkpoints the WAL on close). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try { this.group.flush(); } finally { this.db.close(); }
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
    seq: row.seq,
    gameStart: row.game_start === null ? null : JSON.parse(row.game_start),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
