import type Database from 'better-sqlite3';

/** The file format of the SQLite store (PRAGMA user_version); not the game machine's version. */
export const SCHEMA_VERSION = 2;

const DDL = `
CREATE TABLE IF NOT EXISTS rooms (
  room_id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  machine_version INTEGER NOT NULL,
  snapshot TEXT NOT NULL,
  snapshot_seq INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  seats TEXT NOT NULL,
  view_versions TEXT NOT NULL,
  hosted_bots TEXT NOT NULL DEFAULT '{}',
  game_start TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  room_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (room_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS games (
  game_id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL,
  game_no INTEGER NOT NULL,
  name TEXT NOT NULL,
  winner TEXT NOT NULL,
  players INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  record TEXT NOT NULL,
  UNIQUE (room_id, game_no)
);
CREATE TABLE IF NOT EXISTS game_players (
  name_lc TEXT NOT NULL,
  finished_at INTEGER NOT NULL,
  game_id TEXT NOT NULL,
  PRIMARY KEY (name_lc, finished_at, game_id)
) WITHOUT ROWID;
`;

/** Create the tables on first start; refuse a file written by a newer server rather than misread it. */
export function migrateSchema(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`${file} has store schema ${current}, this server knows up to ${SCHEMA_VERSION}; refusing to open it`);
  }
  // Schema 1 had no hosted_bots column: its rooms host no bots this server knows of.
  if (current === 1) db.exec("ALTER TABLE rooms ADD COLUMN hosted_bots TEXT NOT NULL DEFAULT '{}'");
  db.exec(DDL);
  if (current < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

/** Every statement the store runs, prepared once. */
export function statements(db: Database.Database) {
  return {
    insertEvent: db.prepare('INSERT INTO events (room_id, seq, event) VALUES (?, ?, ?)'),
    pruneEvents: db.prepare('DELETE FROM events WHERE room_id = ? AND seq <= ?'),
    upsertRoom: db.prepare(`INSERT INTO rooms (room_id, code, machine_version, snapshot, snapshot_seq, seq, seats, view_versions, hosted_bots, game_start, created_at, updated_at)
      VALUES (@roomId, @code, @machineVersion, @snapshot, @snapshotSeq, @seq, @seats, @viewVersions, @hostedBots, @gameStart, @createdAt, @updatedAt)
      ON CONFLICT (room_id) DO UPDATE SET code = excluded.code, machine_version = excluded.machine_version, snapshot = excluded.snapshot,
        snapshot_seq = excluded.snapshot_seq, seq = excluded.seq, seats = excluded.seats, view_versions = excluded.view_versions, hosted_bots = excluded.hosted_bots,
        game_start = excluded.game_start, updated_at = excluded.updated_at`),
    // Most commits leave the snapshot alone: only the small columns move.
    touchRoom: db.prepare('UPDATE rooms SET seq = @seq, seats = @seats, view_versions = @viewVersions, hosted_bots = @hostedBots, updated_at = @updatedAt WHERE room_id = @roomId'),
    deleteRoom: db.prepare('DELETE FROM rooms WHERE room_id = ?'),
    deleteEvents: db.prepare('DELETE FROM events WHERE room_id = ?'),
    allRooms: db.prepare('SELECT * FROM rooms ORDER BY created_at'),
    oneRoom: db.prepare('SELECT * FROM rooms WHERE room_id = ?'),
    eventsAfter: db.prepare('SELECT seq, event FROM events WHERE room_id = ? AND seq > ? ORDER BY seq'),
    insertGame: db.prepare(`INSERT OR IGNORE INTO games (game_id, room_id, game_no, name, winner, players, finished_at, record)
      VALUES (@gameId, @roomId, @gameNo, @name, @winner, @players, @finishedAt, @record)`),
    insertPlayer: db.prepare('INSERT OR IGNORE INTO game_players (name_lc, finished_at, game_id) VALUES (?, ?, ?)'),
    oneGame: db.prepare('SELECT record FROM games WHERE game_id = ?'),
    gamesOf: db.prepare(`SELECT g.game_id, g.room_id, g.name, g.winner, g.players, g.finished_at FROM game_players p
      JOIN games g ON g.game_id = p.game_id WHERE p.name_lc = ? ORDER BY p.finished_at DESC LIMIT ?`),
  };
}

export type Statements = ReturnType<typeof statements>;

/** A rooms row as SQLite returns it. */
export interface RoomRow {
  room_id: string; code: string; machine_version: number; snapshot: string; snapshot_seq: number; seq: number;
  seats: string; view_versions: string; hosted_bots: string; game_start: string | null; created_at: number; updated_at: number;
}
