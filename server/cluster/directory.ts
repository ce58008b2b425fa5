import type { Redis } from 'ioredis';
import type { RoomSummary } from '../../shared/protocol.ts';
import type { Settings } from '../../shared/settings.ts';
import { type Placing, type RoomDirectory, RoomElsewhere, type RoomRef } from '../rooms/ref.ts';
import type { Registry } from '../rooms/registry.ts';
import type { Room } from '../rooms/room.ts';
import type { RedisStore } from '../store/redis.ts';
import { K } from '../store/keys.ts';
import type { Leases } from './leases.ts';
import { nodeOf } from './names.ts';
import { RemoteRoom } from './remote.ts';
import { type NodeRpc, RpcError } from './rpc.ts';

export interface NodeLoad { instance: string; rooms: number; connections: number; at: number }

/** A node is live while its heartbeat is this fresh. */
export const LIVE_MS = 5_000;

/**
 * The cluster's room directory: a room is the local Room on its owner node and a RemoteRoom
 * everywhere else. A room with no owner (its node died) is taken over by whoever asks first.
 */
export class ClusterDirectory implements RoomDirectory {
  /**
   * The takeovers under way on this node, by room. Two connections resuming at once must not both
   * load the room: the second would see the lease already held here, take it for a reload, and
   * run a second copy that reads the store while the first writes to it.
   */
  private taking = new Map<string, Promise<RoomRef | null>>();

  constructor(
    private redis: Redis,
    private store: RedisStore,
    private registry: Registry,
    private leases: Leases,
    private rpc: NodeRpc,
    private newRoomId: () => string,
    readonly accepting: () => boolean,
    /** A room this node just took over or reloaded: its presence is rebuilt from the live connections. */
    private adopted: (room: Room) => void = () => {},
    /** Counts each call forwarded to another node (werewolf_forwarded_room_calls_total): routing by node should keep it near zero. */
    private forwardedCall: () => void = () => {},
  ) {}

  get(roomId: string): Promise<RoomRef | null> { return unavailableOnRedisError(this.resolve(roomId)); }

  /**
   * The room wherever it runs. The local copy answers only while its lease is trusted by this
   * node's clock (or renewed just now); otherwise Redis says who owns it.
   */
  async resolve(roomId: string): Promise<RoomRef | null> {
    const here = this.registry.get(roomId);
    if (here && !here.closed && (await this.leases.confirm(roomId))) return here;
    const owner = await this.leases.owner(roomId);
    if (owner && owner !== this.leases.instance) {
      const meta = await this.redis.get(K.room(roomId));
      const code = meta ? (JSON.parse(meta) as { code: string }).code : '';
      return this.remote(roomId, code, owner);
    }
    // Ours but not running (its copy halted on a seq conflict): load it again from the store.
    if (owner === this.leases.instance && this.leases.owns(roomId) && (!here || here.closed)) return this.takeover(roomId);
    if (!(await this.redis.sismember(K.rooms, roomId))) return here && !here.closed && this.leases.trusted(roomId) ? here : null;
    return this.takeover(roomId);
  }

  /**
   * Take an ownerless room: win its lease, load it from the store, run it here. A room whose
   * lease this node still holds (its copy halted on a seq conflict) is loaded again the same way.
   */
  takeover(roomId: string, halted?: Room): Promise<RoomRef | null> {
    const under = this.taking.get(roomId);
    if (under) return under;
    const done = this.takeOnce(roomId, halted).finally(() => this.taking.delete(roomId));
    this.taking.set(roomId, done);
    return done;
  }

  private async takeOnce(roomId: string, halted?: Room): Promise<RoomRef | null> {
    let reload = false;
    if (this.leases.owns(roomId)) {
      // Held here and still ours in Redis: a reload. Held here but gone in Redis: given up, then taken like any other.
      if ((await this.leases.owner(roomId)) === this.leases.instance) reload = true;
      else await this.leases.release(roomId);
    }
    if (!reload && !(await this.leases.acquire(roomId))) {
      // Another node won the lease: ask it. Neither ours nor anyone's yet (the winner is still
      // settling): the room exists and is moving, so the caller retries (room/unavailable) rather
      // than hearing that there is no such room (or, for a resume, that its seat token is invalid).
      const o = await this.leases.owner(roomId);
      if (o && o !== this.leases.instance) return this.resolve(roomId);
      throw new RpcError(`room ${roomId} is changing owner`);
    }
    const stale = this.registry.get(roomId) ?? halted;
    if (stale) { stale.halt(); this.registry.forget(stale); }
    const stored = await this.store.loadRoom(roomId);
    if (!stored) { await this.leases.release(roomId); return null; }
    const room = await this.registry.adopt(stored);
    if (!room) {
      // It exists but could not be brought back (logged by the registry): it is unavailable, not
      // unknown, so a resuming player is not told that its seat token is invalid.
      await this.leases.release(roomId);
      throw new RpcError(`room ${roomId} could not be restored`);
    }
    if (stale) stale.forwardPresence((change, key) => room[change](key));
    this.adopted(room);
    room.announce(reload ? 'The room was reloaded from storage; nothing acknowledged was lost.' : 'The server running this room went away; the room carries on here.');
    return room;
  }

  byInvite(code: string): Promise<RoomRef | null> {
    return unavailableOnRedisError((async () => {
      const roomId = await this.store.codeToRoom(code.trim().toUpperCase());
      return roomId ? this.resolve(roomId) : null;
    })());
  }

  /**
   * Placement: the live node with the fewest rooms, this one on a tie (docs/scaling.md). A
   * connection that may move is sent to the chosen node before anything is made (it sends
   * room:create again there, naming the node, and the room is made where its players are).
   */
  create(settings: Settings, placing: Placing = 'placed'): Promise<RoomRef | null> {
    return unavailableOnRedisError((async () => {
      if (!this.accepting()) return null;
      if (placing === 'here') return this.createHere(settings);
      const target = await this.leastLoaded();
      if (target === this.leases.instance) return this.createHere(settings);
      if (placing === 'anywhere') throw new RoomElsewhere(null, nodeOf(target));
      let made: { roomId: string; code: string } | null;
      try {
        made = await this.rpc.call<{ roomId: string; code: string } | null>(target, 'create', { settings });
      } catch {
        return this.createHere(settings);
      }
      // The new room has no stored row before its first commit: its code comes with the answer.
      return made ? this.remote(made.roomId, made.code, target) : null;
    })());
  }

  async createHere(settings: Settings): Promise<RoomRef | null> {
    if (!this.accepting()) return null;
    const roomId = this.newRoomId();
    if (!(await this.leases.acquire(roomId))) return null;
    const room = this.registry.create(roomId, settings);
    if (!room) await this.leases.release(roomId);
    return room;
  }

  private remote(roomId: string, code: string, owner: string): RemoteRoom {
    return new RemoteRoom(roomId, code, owner, this.rpc, this, this.forwardedCall);
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

  publicSummaries(): Promise<RoomSummary[]> {
    return unavailableOnRedisError(this.redis.hgetall(K.summaries).then((all) => Object.values(all).map((v) => JSON.parse(v) as RoomSummary).filter((r) => r.visibility === 'public')));
  }

  async publicSummary(roomId: string): Promise<RoomSummary | null> {
    const room = await this.storedSummary(roomId);
    return room?.visibility === 'public' ? room : null;
  }

  async summaryByInvite(code: string): Promise<RoomSummary | null> {
    const roomId = await unavailableOnRedisError(this.store.codeToRoom(code.trim().toUpperCase()));
    return roomId ? this.storedSummary(roomId) : null;
  }

  /** The owner keeps each room's summary in Redis; reading it needs no lease and takes nothing over. */
  private storedSummary(roomId: string): Promise<RoomSummary | null> {
    return unavailableOnRedisError(this.redis.hget(K.summaries, roomId).then((raw) => (raw ? (JSON.parse(raw) as RoomSummary) : null)));
  }
}

/**
 * A lookup that failed because Redis is away (ioredis rejects at once: no offline queue) is a
 * room that cannot be reached for a moment, like an owner that does not answer: an RpcError,
 * which the gateway answers with room/unavailable and the SDK retries.
 */
export function unavailableOnRedisError<T>(p: Promise<T>): Promise<T> {
  return p.catch((err: unknown) => {
    if (err instanceof RpcError || !isRedisError(err)) throw err;
    throw new RpcError(`storage unreachable: ${(err as Error).message}`);
  });
}

function isRedisError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  // ioredis's own errors (ReplyError, MaxRetriesPerRequestError, ...) and its socket errors.
  const name = err.name ?? '';
  return /Redis|Reply|MaxRetries|Abort/.test(name) || /Connection is closed|Stream isn't writeable|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|enableOfflineQueue/i.test(err.message);
}
