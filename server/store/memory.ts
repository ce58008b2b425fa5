import type { GameEvent } from '../../shared/game/index.ts';
import { type GameRecord, type GameSummary, keepAfter, type LoggedEvent, type Store, type StoredRoom } from './types.ts';

/**
 * The store for unit tests and `STORE=memory`: same contract, nothing survives the process. It
 * keeps the latest `maxGames` finished games (their records are ~20 KB each), so a long-running
 * server's memory stays bounded.
 */
export class MemoryStore implements Store {
  readonly kind = 'memory';
  constructor(private maxGames = 1_000) {}

  private rooms = new Map<string, StoredRoom>();
  private logs = new Map<string, LoggedEvent[]>();
  private games = new Map<string, GameRecord>();

  async commit(room: StoredRoom, event: GameEvent | null): Promise<void> {
    // Snapshots and events are immutable values once persisted: kept as they are, copied on the way out.
    this.rooms.set(room.roomId, { ...room, seats: { ...room.seats }, viewVersions: { ...room.viewVersions }, hostedBots: { ...room.hostedBots } });
    let log = this.logs.get(room.roomId) ?? [];
    if (event) log.push({ roomId: room.roomId, seq: room.seq, event });
    if (room.snapshotSeq === room.seq) log = log.filter((e) => e.seq > keepAfter(room));
    this.logs.set(room.roomId, log);
  }

  async loadRooms(): Promise<StoredRoom[]> {
    return [...this.rooms.values()].map((r) => structuredClone(r));
  }

  async loadRoom(roomId: string): Promise<StoredRoom | null> {
    const r = this.rooms.get(roomId);
    return r ? structuredClone(r) : null;
  }

  async events(roomId: string, afterSeq: number): Promise<LoggedEvent[]> {
    return (this.logs.get(roomId) ?? []).filter((e) => e.seq > afterSeq).map((e) => structuredClone(e));
  }

  async removeRoom(roomId: string): Promise<void> {
    this.rooms.delete(roomId);
    this.logs.delete(roomId);
  }

  async saveGame(record: GameRecord): Promise<void> {
    for (const g of this.games.values()) if (g.roomId === record.roomId && g.gameNo === record.gameNo) return;
    this.games.set(record.gameId, structuredClone(record));
    // Oldest first in a Map's order: drop from the front.
    for (const id of this.games.keys()) { if (this.games.size <= this.maxGames) break; this.games.delete(id); }
  }

  async getGame(gameId: string): Promise<GameRecord | null> {
    const g = this.games.get(gameId);
    return g ? structuredClone(g) : null;
  }

  async recentGames(playerName: string, limit: number): Promise<GameSummary[]> {
    const name = playerName.toLowerCase();
    return [...this.games.values()]
      .filter((g) => g.players.some((p) => p.name.toLowerCase() === name))
      .sort((a, b) => b.finishedAt - a.finishedAt)
      .slice(0, limit)
      .map((g) => ({ gameId: g.gameId, roomId: g.roomId, name: g.settings.name, winner: g.outcome.winner, players: g.players.length, finishedAt: g.finishedAt }));
  }

  async close(): Promise<void> {}
}
