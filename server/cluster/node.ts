import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { v4 as uuid } from 'uuid';
import type { RoomSummary } from '../../shared/protocol.ts';
import type { Settings } from '../../shared/settings.ts';
import type { IoServer } from '../net/gateway.ts';
import { channel } from '../net/session.ts';
import type { Registry } from '../rooms/registry.ts';
import type { Room } from '../rooms/room.ts';
import { type Audience, SPECTATORS, seatAudience } from '../rooms/audience.ts';
import { RedisStore } from '../store/redis.ts';
import { ClusterDirectory, LIVE_MS, type NodeLoad } from './directory.ts';
import { K } from '../store/keys.ts';
import { Leases } from './leases.ts';
import { newInstance } from './names.ts';
import { connectRedis, ready } from './redis.ts';
import { forwarded, local, type RoomMethod, ROOM_METHODS } from './remote.ts';
import { NodeRpc } from './rpc.ts';

export interface ClusterOptions { redisUrl: string; nodeId: string; leaseMs?: number; scanMs?: number }

/** One node's live connections in one room's audiences: count per seat, and spectators. */
export interface Census { seats: Record<string, number>; spectators: number }

/** How long a takeover waits for the other nodes' census answers; a silent node has no live sockets to count. */
const CENSUS_MS = 1_000;
/** A second census after a takeover, once attaches and detaches sent meanwhile have landed. */
const RECENSUS_MS = 3_000;

/**
 * One node of a cluster: owns some rooms under Redis leases, forwards commands for the others to
 * their owners, takes over the rooms of dead nodes, and shares broadcasts through the Redis
 * Streams adapter. See docs/scaling.md.
 */
export class ClusterNode {
  readonly instance: string;
  readonly store: RedisStore;
  readonly leases: Leases;
  readonly rpc: NodeRpc;
  directory!: ClusterDirectory;
  private registry!: Registry;
  private timers: NodeJS.Timeout[] = [];
  private redisUp = true;
  private io!: IoServer;
  /** When the last heartbeat ran: a much later one means this node was paused. */
  private lastBeat = Date.now();
  /** Rooms this node lost the lease of and whose presence it sends on (`lost`); a wake-up recount skips them. */
  private forwarded = new Set<string>();

  private constructor(private opts: Required<ClusterOptions>, private log: Logger, private redis: Redis, private sub: Redis, private adapterClient: Redis) {
    this.instance = newInstance(opts.nodeId);
    this.leases = new Leases(redis, this.instance, opts.leaseMs, log, (roomId) => this.lost(roomId));
    // A seq conflict means this copy is behind the log (a commit whose reply was lost did happen): reload it.
    this.store = new RedisStore(redis, (roomId) => this.leases.token(roomId), (roomId) => {
      // Called before the room halts its copy and the registry forgets it: keep it, so its connections can be sent on.
      const halted = this.registry.get(roomId);
      setTimeout(() => void this.directory.takeover(roomId, halted).catch(() => {}), 0);
    });
    this.rpc = new NodeRpc(redis, sub, this.instance, log);
  }

  static async connect(opts: ClusterOptions, log: Logger): Promise<ClusterNode> {
    const full = { leaseMs: 4_000, scanMs: 1_000, ...opts };
    const redis = connectRedis(opts.redisUrl, log, `${opts.nodeId}-cmd`);
    const sub = connectRedis(opts.redisUrl, log, `${opts.nodeId}-rpc`);
    // The adapter keeps its own connection with an offline queue: it resumes its stream by itself.
    const adapterClient = new Redis(opts.redisUrl, { connectionName: `${opts.nodeId}-adapter`, retryStrategy: (t) => Math.min(50 * t, 1000) });
    adapterClient.on('error', () => {});
    await Promise.all([ready(redis), ready(sub), ready(adapterClient)]);
    const node = new ClusterNode(full, log, redis, sub, adapterClient);
    await node.rpc.start();
    return node;
  }

  adapter() { return createAdapter(this.adapterClient, { streamName: 'ww:io', onlyPlaintext: true }); }

  /** The room directory for createApp; the registry is the node's own. */
  makeDirectory(registry: Registry, accepting: () => boolean, forwardedCall?: () => void): ClusterDirectory {
    this.registry = registry;
    this.directory = new ClusterDirectory(this.redis, this.store, registry, this.leases, this.rpc, () => uuid(), accepting, (room) => this.recount(room), forwardedCall);
    return this.directory;
  }

  lobby = {
    summary: (room: RoomSummary) => { if (this.leases.owns(room.roomId)) void this.redis.hset(K.summaries, room.roomId, JSON.stringify(room)).catch(() => {}); },
    removed: (roomId: string) => { void this.redis.hdel(K.summaries, roomId).catch(() => {}); void this.leases.release(roomId); },
  };

  /** Answer one kind of forwarded room call (remote.ts) for the rooms this node owns. */
  private serve<M extends RoomMethod>(method: M): void {
    this.rpc.handle(method, async (raw) => {
      const args = forwarded(method, raw);
      const room = this.registry.get(args.roomId);
      // A lease not trusted by this node's clock (it was paused, say) is not served from memory.
      if (!room || room.closed || !(await this.leases.confirm(args.roomId))) throw new Error('not-owner');
      return local(room, method, args);
    });
  }

  start(io: IoServer): void {
    this.io = io;
    for (const method of ROOM_METHODS) this.serve(method);
    this.rpc.handle('create', async (args) => {
      const room = await this.directory.createHere((args as { settings: Settings }).settings);
      return room ? { roomId: room.id, code: room.code } : null;
    });
    this.rpc.handle('census', async (args) => this.localCensus((args as { roomId: string }).roomId));
    this.rpc.handle('recensus', async (args) => {
      const room = this.registry.get((args as { roomId: string }).roomId);
      if (room && !room.closed && this.leases.owns(room.id)) this.recount(room);
      return null;
    });
    this.leases.start();
    this.every(this.opts.scanMs, () => this.heartbeat());
    this.every(this.opts.scanMs, () => this.scan());
    this.redis.on('close', () => this.setRedis(false));
    this.redis.on('ready', () => this.setRedis(true));
    void this.heartbeat();
  }

  health(): Record<string, unknown> {
    return { cluster: { instance: this.instance, redis: this.redisUp ? 'up' : 'down', rooms: this.leases.count() }, degraded: !this.redisUp };
  }

  private every(ms: number, fn: () => Promise<void>): void {
    let busy = false;
    const t = setInterval(() => {
      if (busy) return;
      busy = true;
      fn().catch((err) => this.log.debug({ err: (err as Error).message }, 'cluster duty failed')).finally(() => { busy = false; });
    }, ms);
    t.unref();
    this.timers.push(t);
  }

  private async heartbeat(): Promise<void> {
    const now = Date.now();
    // Far later than due: this node was paused (SIGSTOP, a VM freeze), and its sockets' presence
    // in rooms run elsewhere may have been counted as gone meanwhile.
    if (now - this.lastBeat > 3 * this.opts.scanMs) void this.woke();
    // Without a pause the rooms `lost` sent on need no skipping (they are no longer held here).
    else this.forwarded.clear();
    this.lastBeat = now;
    const load: NodeLoad = { instance: this.instance, rooms: this.leases.count(), connections: this.io.engine.clientsCount, at: Date.now() };
    await this.redis.hset(K.nodes, this.instance, JSON.stringify(load));
  }

  /** Take over rooms whose owner's lease has expired (the owner died or was cut off). */
  private async scan(): Promise<void> {
    const ids = await this.store.roomIds();
    let taken = 0;
    for (const roomId of ids) {
      if (this.leases.owns(roomId) || taken >= 50) continue;
      if (await this.leases.owner(roomId)) continue;
      // Another node taking the same room at the same moment is no reason to skip the others.
      if (await this.directory.takeover(roomId).catch(() => null)) {
        taken++;
        this.log.info({ roomId, instance: this.instance }, 'took over a room whose node went away');
      }
    }
    const nodes = await this.redis.hgetall(K.nodes);
    const stale = Object.entries(nodes).filter(([, v]) => Date.now() - (JSON.parse(v) as NodeLoad).at > 60_000).map(([k]) => k);
    if (stale.length) await this.redis.hdel(K.nodes, ...stale);
  }

  /**
   * The lease went to someone else (this node was paused or cut off): stop this copy of the room.
   * This node's connections in the room now report to the new owner: the ones attached so far
   * at once (the new owner's census may not have reached this node), the later changes as they come.
   */
  private lost(roomId: string): void {
    const room = this.registry.get(roomId);
    if (!room) return;
    room.halt();
    this.registry.forget(room);
    this.forwarded.add(roomId);
    const elsewhere = (change: 'attach' | 'detach', audience: Audience) => {
      void this.directory.resolve(roomId).then((ref) => { if (ref && ref !== room) ref[change](audience); }, () => {});
    };
    room.forwardPresence(elsewhere);
    const here = this.localCensus(roomId);
    for (const [seat, n] of Object.entries(here.seats)) for (let i = 0; i < n; i++) elsewhere('attach', seatAudience(Number(seat)));
    for (let i = 0; i < here.spectators; i++) elsewhere('attach', SPECTATORS);
  }

  /**
   * After a pause: the owner of every room this node has sockets in (and did not own itself: those
   * went through `lost`) counts its presence again, so that seats whose sockets lived here through
   * the pause, while a takeover's census could not reach this node, show as connected again.
   */
  private async woke(): Promise<void> {
    const rooms = new Set<string>();
    for (const socket of this.io.of('/').sockets.values()) {
      const roomId = socket.data.audience?.roomId;
      if (roomId && !this.leases.owns(roomId) && !this.forwarded.has(roomId)) rooms.add(roomId);
    }
    for (const roomId of rooms) {
      const owner = await this.leases.owner(roomId).catch(() => null);
      if (owner && owner !== this.instance) void this.rpc.call(owner, 'recensus', { roomId }, CENSUS_MS).catch(() => {});
    }
    // A lease lost later than this is still held now, so `owns` above skips it: the set can go.
    this.forwarded.clear();
  }

  /** This node's own sockets in the room's audiences (local adapter state, no Redis). */
  localCensus(roomId: string): Census {
    const out: Census = { seats: {}, spectators: 0 };
    const nsp = this.io.of('/');
    for (const id of nsp.adapter.rooms.get(channel(roomId, 'all')) ?? []) {
      const joined = nsp.sockets.get(id)?.data.audience;
      if (joined?.roomId !== roomId) continue;
      if (joined.audience.kind === 'spectator') out.spectators++;
      else out.seats[joined.audience.seat] = (out.seats[joined.audience.seat] ?? 0) + 1;
    }
    return out;
  }

  /** Every live node's connections in the room, summed; a node that does not answer in time counts none. */
  async census(roomId: string): Promise<{ seats: Map<number, number>; spectators: number }> {
    const others = (await this.directory.liveNodes()).map((n) => n.instance).filter((i) => i !== this.instance);
    const answers = await Promise.allSettled(others.map((i) => this.rpc.call<Census>(i, 'census', { roomId }, CENSUS_MS)));
    const parts = [this.localCensus(roomId), ...answers.flatMap((a) => (a.status === 'fulfilled' && a.value ? [a.value] : []))];
    const seats = new Map<number, number>();
    let spectators = 0;
    for (const p of parts) {
      spectators += p.spectators;
      for (const [seat, n] of Object.entries(p.seats)) seats.set(Number(seat), (seats.get(Number(seat)) ?? 0) + n);
    }
    return { seats, spectators };
  }

  /**
   * Presence of a room just taken over: the players' sockets live on other nodes and never
   * re-attach, so ask every node which of its sockets are in the room, now and once more a little
   * later (an attach or detach in flight during the first census is then counted right).
   */
  private recount(room: Room): void {
    const once = async () => {
      if (room.closed || this.registry.get(room.id) !== room) return;
      const { seats, spectators } = await this.census(room.id);
      if (room.closed || this.registry.get(room.id) !== room) return;
      room.seedPresence(seats, spectators);
    };
    void once().catch((err) => this.log.warn({ err: (err as Error).message, roomId: room.id }, 'presence census failed'));
    const t = setTimeout(() => void once().catch(() => {}), RECENSUS_MS);
    t.unref();
  }

  private setRedis(up: boolean): void {
    if (up === this.redisUp) return;
    this.redisUp = up;
    this.log[up ? 'info' : 'error']({ instance: this.instance }, up ? 'Redis is back; commands flow again' : 'Redis is unreachable; commands are refused until it returns');
    this.io.local.emit('room:notice', {
      roomId: '',
      code: up ? 'server/recovered' : 'server/degraded',
      message: up ? 'The server is back to normal.' : 'The server has lost its storage for a moment; your commands will be refused until it returns.',
    });
  }

  /** Graceful leave: stop duties and hand every lease back so other nodes take the rooms at once. */
  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.leases.stop();
    this.rpc.stop();
    for (const room of this.registry?.all() ?? []) await this.leases.release(room.id);
    await this.redis.hdel(K.nodes, this.instance).catch(() => {});
    this.redis.disconnect();
    this.sub.disconnect();
    this.adapterClient.disconnect();
  }
}
