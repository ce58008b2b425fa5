import type { Redis } from 'ioredis';
import type { RoomSummary } from '../../shared/protocol.ts';
import type { Settings } from '../../shared/settings.ts';
import type { RoomDirectory, RoomRef } from '../rooms/ref.ts';
import type { Registry } from '../rooms/registry.ts';
import type { RedisStore } from '../store/redis.ts';
import { K } from './keys.ts';
import type { Leases } from './leases.ts';
import { RemoteRoom } from './remote.ts';
import type { NodeRpc } from './rpc.ts';

export interface NodeLoad { instance: string; rooms: number; connections: number; at: number }

/** A node is live while its heartbeat is this fresh. */
export const LIVE_MS = 5_000;

/**
 * The cluster's room directory: a room is the local Room on its owner node and a RemoteRoom
 * everywhere else. A room with no owner (its node died) is taken over by whoever asks first.
 */
export class ClusterDirectory implements RoomDirectory {
  constructor(
    private redis: Redis,
    private store: RedisStore,
    private registry: Registry,
    private leases: Leases,
    private rpc: NodeRpc,
    private newRoomId: () => string,
    readonly accepting: () => boolean,
  ) {}

  get(roomId: string): Promise<RoomRef | null> { return this.resolve(roomId); }

  async resolve(roomId: string): Promise<RoomRef | null> {
    const here = this.registry.get(roomId);
    if (here && !here.closed && this.leases.owns(roomId)) return here;
    const owner = await this.leases.owner(roomId);
    if (owner && owner !== this.leases.instance) {
      const meta = await this.redis.get(K.room(roomId));
      const code = meta ? (JSON.parse(meta) as { code: string }).code : '';
      return new RemoteRoom(roomId, code, owner, this.rpc, this);
    }
    if (!(await this.redis.sismember(K.rooms, roomId))) return here && !here.closed ? here : null;
    return this.takeover(roomId);
  }

  /** Take an ownerless room: win its lease, load it from the store, run it here. */
  async takeover(roomId: string): Promise<RoomRef | null> {
    if (!(await this.leases.acquire(roomId))) return this.leases.owner(roomId).then((o) => (o ? this.resolve(roomId) : null));
    const stale = this.registry.get(roomId);
    if (stale) { stale.halt(); this.registry.forget(stale); }
    const stored = await this.store.loadRoom(roomId);
    const room = stored ? await this.registry.adopt(stored) : null;
    if (!room) { await this.leases.release(roomId); return null; }
    room.announce('The server running this room went away; the room carries on here.');
    return room;
  }

  async byInvite(code: string): Promise<RoomRef | null> {
    const roomId = await this.store.codeToRoom(code.trim().toUpperCase());
    return roomId ? this.resolve(roomId) : null;
  }

  /** Placement: the live node with the fewest rooms, this one on a tie (docs/scaling.md). */
  async create(settings: Settings): Promise<RoomRef | null> {
    if (!this.accepting()) return null;
    const target = await this.leastLoaded();
    if (target === this.leases.instance) return this.createHere(settings);
    try {
      const made = await this.rpc.call<{ roomId: string } | null>(target, 'create', { settings });
      return made ? this.resolve(made.roomId) : null;
    } catch {
      return this.createHere(settings);
    }
  }

  async createHere(settings: Settings): Promise<RoomRef | null> {
    if (!this.accepting()) return null;
    const roomId = this.newRoomId();
    if (!(await this.leases.acquire(roomId))) return null;
    const room = this.registry.create(roomId, settings);
    if (!room) await this.leases.release(roomId);
    return room;
  }

  async liveNodes(): Promise<NodeLoad[]> {
    const all = await this.redis.hgetall(K.nodes);
    const now = Date.now();
    return Object.values(all).map((v) => JSON.parse(v) as NodeLoad).filter((n) => now - n.at < LIVE_MS);
  }

  private async leastLoaded(): Promise<string> {
    const self = this.leases.instance;
    let best = { instance: self, rooms: this.leases.count() };
    for (const n of await this.liveNodes()) if (n.rooms < best.rooms) best = { instance: n.instance, rooms: n.rooms };
    return best.instance;
  }

  async publicSummaries(): Promise<RoomSummary[]> {
    const all = await this.redis.hgetall(K.summaries);
    return Object.values(all).map((v) => JSON.parse(v) as RoomSummary).filter((r) => r.visibility === 'public');
  }

  async publicSummary(roomId: string): Promise<RoomSummary | null> {
    const room = await this.storedSummary(roomId);
    return room?.visibility === 'public' ? room : null;
  }

  async summaryByInvite(code: string): Promise<RoomSummary | null> {
    const roomId = await this.store.codeToRoom(code.trim().toUpperCase());
    return roomId ? this.storedSummary(roomId) : null;
  }

  /** The owner keeps each room's summary in Redis; reading it needs no lease and takes nothing over. */
  private async storedSummary(roomId: string): Promise<RoomSummary | null> {
    const raw = await this.redis.hget(K.summaries, roomId);
    return raw ? (JSON.parse(raw) as RoomSummary) : null;
  }
}
