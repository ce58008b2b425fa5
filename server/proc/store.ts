import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrateSchema } from '../store/schema.ts';
import type { Store } from '../store/types.ts';

/**
 * Bring the shared SQLite file to the current schema once, in the primary, before any worker
 * opens it: workers opening it together would race to migrate it.
 */
export function prepareStore(dataDir: string, file = 'werewolf.sqlite'): void {
  mkdirSync(dataDir, { recursive: true });
  const full = path.join(dataDir, file);
  const db = new Database(full);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    migrateSchema(db, full);
  } finally {
    db.close();
  }
}

/**
 * A worker's view of the shared store: the same file, but a restore loads only the rooms that
 * fall to this worker (placement.ts). Every other call goes straight through.
 */
export function ownedStore(store: Store, owns: (roomId: string) => boolean): Store {
  return {
    kind: store.kind,
    commit: (room, event) => store.commit(room, event),
    loadRooms: async (onBroken) => (await store.loadRooms(onBroken)).filter((r) => owns(r.roomId)),
    loadRoom: (roomId) => store.loadRoom(roomId),
    events: (roomId, after) => store.events(roomId, after),
    removeRoom: (roomId) => store.removeRoom(roomId),
    saveGame: (record) => store.saveGame(record),
    getGame: (gameId) => store.getGame(gameId),
    recentGames: (name, limit) => store.recentGames(name, limit),
    close: () => store.close(),
  };
}
