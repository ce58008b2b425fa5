import type { Redis } from 'ioredis';
import { K } from './keys.ts';
import type { GameEvent } from '../../shared/game/index.ts';
import { type BrokenRoom, FencedError, type GameRecord, type GameSummary, type LoggedEvent, type Store, type StoredRoom } from './types.ts';

/**
 * Append the event and save the room in one atomic script, only while the writer still holds
 * the room's lease (fencing): a node that lost the lease gets 0 back and writes nothing.
 * The append is keyed by seq, so a commit whose reply was lost can be told apart from a new one:
 * the same seq with the same event already in the log is the same commit (1, nothing rewritten),
 * a different event at that seq, or a gap before it, is a conflict (2, nothing written).
 * KEYS: lease, room, snapshot, events, rooms set, code. ARGV: lease value, room JSON, snapshot
 * JSON or '', event JSON or '', roomId, seq.
 */
const COMMIT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[4] ~= '' then
  local seq = tonumber(ARGV[6])
  local n = redis.call('LLEN', KEYS[4])
  if n >= seq then
    if redis.call('LINDEX', KEYS[4], seq - 1) == ARGV[4] then return 1 end
    return 2
  end
  if n ~= seq - 1 then return 2 end
  redis.call('RPUSH', KEYS[4], ARGV[4])
end
if ARGV[3] ~= '' then redis.call('SET', KEYS[3], ARGV[3]) end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('SADD', KEYS[5], ARGV[5])
redis.call('SET', KEYS[6], ARGV[5])
return 1`;

/**
 * The log already holds a different event at this seq: an earlier commit whose reply was lost
 * did happen. The writer's copy of the room is behind the store and must be loaded again; it is
 * a FencedError so that the room halts its copy instead of reusing the seq.
 */
export class SeqConflictError extends FencedError {
  constructor(readonly roomId: string, readonly seq: number) {
    super(roomId);
    this.message = `room ${roomId}: seq ${seq} is already in the log with another event; reload the room`;
    this.name = 'SeqConflictError';
  }
}

type Meta = Omit<StoredRoom, 'snapshot'>;

/**
 * The clustered store: rooms, their event logs and game records in Redis. Writes are fenced by
 * the room's lease token; durability is Redis's (run it with appendonly yes, appendfsync always
 * for an ack to survive a Redis crash; see docs/scaling.md).
 */
export class RedisStore implements Store {
  readonly kind = 'redis';
  constructor(private redis: Redis, private fence: (roomId: string) => string | undefined, private onConflict?: (roomId: string) => void) {}

  async commit(room: StoredRoom, event: GameEvent | null): Promise<void> {
    const token = this.fence(room.roomId);
    if (!token) throw new FencedError(room.roomId);
    const { snapshot, ...meta } = room;
    // The first commit also writes the creation snapshot (seq 0), which no later commit rewrites.
    const snap = room.snapshotSeq === room.seq || room.seq <= 1 ? JSON.stringify(snapshot) : '';
    const logged = event ? JSON.stringify({ seq: room.seq, event }) : '';
    const id = room.roomId;
    const ok = await this.redis.eval(COMMIT, 6, K.lease(id), K.room(id), K.snapshot(id), K.events(id), K.rooms, K.code(room.code), token, JSON.stringify(meta), snap, logged, id, String(room.seq));
    if (ok === 2) {
      this.onConflict?.(id);
      throw new SeqConflictError(id, room.seq);
    }
    if (ok !== 1) throw new FencedError(id);
  }

  async roomIds(): Promise<string[]> {
    return this.redis.smembers(K.rooms);
  }

  async loadRooms(onBroken?: BrokenRoom): Promise<StoredRoom[]> {
    const out: StoredRoom[] = [];
    for (const id of await this.roomIds()) {
      try {
        const room = await this.loadRoom(id);
        if (room) out.push(room);
      } catch (err) {
        onBroken?.(id, err as Error);
      }
    }
    return out;
  }

  async loadRoom(roomId: string): Promise<StoredRoom | null> {
    const [meta, snap] = await this.redis.mget(K.room(roomId), K.snapshot(roomId));
    if (!meta || !snap) return null;
    return { ...(JSON.parse(meta) as Meta), snapshot: JSON.parse(snap) };
  }

  async events(roomId: string, afterSeq: number): Promise<LoggedEvent[]> {
    // Seqs start at 1 and are contiguous, so seq n sits at list index n - 1.
    const raw = await this.redis.lrange(K.events(roomId), Math.max(0, afterSeq), -1);
    return raw.map((r) => ({ roomId, ...(JSON.parse(r) as { seq: number; event: GameEvent }) })).filter((e) => e.seq > afterSeq);
  }

  async removeRoom(roomId: string): Promise<void> {
    const meta = await this.redis.get(K.room(roomId));
    const code = meta ? (JSON.parse(meta) as Meta).code : null;
    const keys = [K.room(roomId), K.snapshot(roomId), K.events(roomId), K.lease(roomId)];
    if (code) keys.push(K.code(code));
    await this.redis.multi().del(...keys).srem(K.rooms, roomId).hdel(K.summaries, roomId).exec();
  }

  async codeToRoom(code: string): Promise<string | null> {
    return this.redis.get(K.code(code));
  }

  async saveGame(record: GameRecord): Promise<void> {
    const first = await this.redis.set(`ww:gamekey:${record.roomId}:${record.gameNo}`, record.gameId, 'NX');
    if (first !== 'OK') return;
    const m = this.redis.multi().set(K.game(record.gameId), JSON.stringify(record));
    for (const p of record.players) m.zadd(K.playerGames(p.name), record.finishedAt, record.gameId);
    await m.exec();
  }

  async getGame(gameId: string): Promise<GameRecord | null> {
    const raw = await this.redis.get(K.game(gameId));
    return raw ? (JSON.parse(raw) as GameRecord) : null;
  }

  async recentGames(playerName: string, limit: number): Promise<GameSummary[]> {
    const ids = await this.redis.zrevrange(K.playerGames(playerName), 0, limit - 1);
    const out: GameSummary[] = [];
    for (const id of ids) {
      const g = await this.getGame(id);
      if (g) out.push({ gameId: g.gameId, roomId: g.roomId, name: g.settings.name, winner: g.outcome.winner, players: g.players.length, finishedAt: g.finishedAt });
    }
    return out;
  }

  async close(): Promise<void> {}
}
