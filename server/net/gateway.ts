import type { Logger } from 'pino';
import type { DefaultEventsMap, Server, Socket } from 'socket.io';
import { type Ack, elsewhere, fail } from '../../shared/errors.ts';
import { type BotStrategy, type ClientToServerEvents, type CommandName, type CommandResults, isCommand, PROTOCOL_VERSION, type ServerToClientEvents, specOf } from '../../shared/protocol.ts';
import type { Clock } from '../rooms/clock.ts';
import { type Placing, RoomElsewhere, type RoomRef, RoomUnavailable } from '../rooms/ref.ts';
import { type Audience, sameAudience } from '../rooms/audience.ts';
import { type BotHost, type HandlerContext, handlers, type RoomDirectory } from './handlers.ts';
import { AddressQuotas, clientAddress, isSecret, type QuotaPort, SeatChat } from './quotas.ts';
import { refusalCode } from './refusals.ts';
import type { Limits } from './ratelimit.ts';
import { channel, LOBBY_CHANNEL, Session } from './session.ts';
import { commandsInFlight } from './wire.ts';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;

export interface GatewayOptions {
  clock: Clock;
  log: Logger;
  rooms: RoomDirectory;
  nodeId: string;
  limits: Limits;
  /** Presented in the handshake auth (`internal`) by the server's own bots: no per-address quota for them. */
  internalSecret?: string;
  /** How many reverse proxies' X-Forwarded-For entries to believe when finding a client's address. */
  trustProxy?: number;
  maxPayloadBytes: number;
  /** Where the per-address quotas are kept: this process's own unless given (a worker asks its primary). */
  quotas?: QuotaPort;
  bots?: BotHost;
  onCommand?(name: string, ok: boolean): void;
  connections?(delta: number): void;
  /** The last view version this node emitted to an audience, when this node runs the room (see socketOutbox). */
  lastVersion?(roomId: string, audience: Audience): number | undefined;
}

const NO_PAYLOAD = Symbol('no payload');

/** How much per-client bookkeeping the gateway holds (it must go when the clients go). */
export interface GatewayStats { chatSeats(): number; addresses(): number }

/**
 * Translates socket events into room commands and acks: parse and validate at the edge, rate-limit,
 * never throw back into Socket.IO. Views reach sockets through the audiences they joined.
 */

export function attachGateway(io: IoServer, opts: GatewayOptions): GatewayStats {
  const quotas = opts.quotas ?? new AddressQuotas(opts.limits);
  const shared: Shared = { quotas, chat: new SeatChat(opts.limits) };
  io.use(async (socket, next) => {
    const auth = socket.handshake.auth as { protocol?: unknown; internal?: unknown } | undefined;
    // The version is required: a client that does not say which protocol it speaks is refused too.
    const v = auth?.protocol;
    if (v !== PROTOCOL_VERSION) return next(Object.assign(new Error('protocol/version'), { data: { code: 'protocol/version', supported: PROTOCOL_VERSION } }));
    const data = socket.data;
    data.address = clientAddress(socket.handshake.address, (socket.conn as EngineConn).forwardedFor, opts.trustProxy ?? 0);
    data.internal = isSecret(auth?.internal, opts.internalSecret);
    if (!data.internal) {
      if (!(await quotas.admit(data.address, opts.clock.now()))) {
        return next(Object.assign(new Error('rate/too-many-connections'), { data: { code: 'rate/too-many-connections', max: opts.limits.connectionsPerAddress } }));
      }
      // Gone while the primary was asked: it never connects, so no disconnect would give the count back.
      if (socket.conn.readyState !== 'open') { quotas.release(data.address); return next(new Error('server/busy')); }
      data.counted = true;
    }
    next();
  });
  // Nothing here reads the upgrade request after the handshake; dropping it saves about 1 KB per connection.
  // The proxies' X-Forwarded-For is the one header kept, and only when it is believed (TRUST_PROXY),
  // and the query's `node` (clustered routing), which socket.handshake.query can no longer give.
  io.engine.on('connection', (raw: EngineConn & { request: { headers: Record<string, string | string[] | undefined>; url?: string } | null }) => {
    if ((opts.trustProxy ?? 0) > 0) raw.forwardedFor = raw.request?.headers['x-forwarded-for'];
    raw.named = namedNode(raw.request?.url);
    raw.request = null;
  });

  io.on('connection', (socket: IoSocket) => {
    const conn = new Connection(io, socket, opts, shared);
    opts.connections?.(1);
    const bots: BotStrategy[] = opts.bots ? (opts.bots.strategies?.() ?? ['random', 'smart']) : [];
    socket.emit('hello', { protocol: PROTOCOL_VERSION, serverTime: opts.clock.now(), node: opts.nodeId, bots });
    socket.onAny((event: string, ...args: unknown[]) => conn.received(event, args));
    socket.on('disconnect', () => {
      opts.connections?.(-1);
      const data = socket.data;
      if (data.counted) quotas.release(data.address);
      conn.exit();
    });
  });
  return { chatSeats: () => shared.chat.size, addresses: () => quotas.size };
}

/** What the gateway keeps of an Engine.IO connection's upgrade request once it has dropped it. */
interface EngineConn { forwardedFor?: string | string[]; named?: string | null }

/** The handshake URL's `?node=` (docs/protocol.md §1), or null. */
function namedNode(url: string | undefined): string | null {
  const q = url?.indexOf('?') ?? -1;
  return q < 0 ? null : new URLSearchParams(url!.slice(q + 1)).get('node');
}

/**
 * What the handshake's `?node=` says about where this connection's rooms belong. The server's own
 * bots connect straight to their process and are never moved (they play wherever the room's
 * commands reach, by forwarding if need be).
 */
export function placingOf(named: unknown, internal: boolean, self: string): Placing {
  if (internal) return 'placed';
  if (typeof named !== 'string' || named === '') return 'anywhere';
  return named === self ? 'here' : 'placed';
}

/** `audience`: the room audience the socket is joined to, read across nodes (fetchSockets, census) instead of parsing room names. */
export interface SocketData { internal?: boolean; counted?: boolean; address: string; audience?: { roomId: string; audience: Audience } }

/** What the connections of one node share: per-address quotas and the seats' chat buckets. */
interface Shared { quotas: QuotaPort; chat: SeatChat }

/**
 * One connection's side of the gateway. Its handlers live on the prototype and one dispatcher
 * takes every event, so a connection costs a few hundred bytes rather than a closure per command.
 */
class Connection implements HandlerContext {
  readonly session: Session;
  readonly rooms: RoomDirectory;
  readonly bots: BotHost | undefined;
  /** The room the connection is in, kept here so leaving needs no lookup. */
  private current: RoomRef | null = null;
  /** Entered but not yet joined to its channels: that waits for the full state (sendState). */
  private pending = false;
  /** Counted in the room's presence (attach), so exit must detach. */
  private attached = false;

  /** The seat whose chat bucket this connection shares (SeatChat), while it is joined to it. */
  private chatKey: string | null = null;

  readonly placing: Placing;

  constructor(private io: IoServer, private socket: IoSocket, private opts: GatewayOptions, private shared: Shared) {
    this.session = new Session(opts.clock, opts.limits);
    this.placing = placingOf((socket.conn as EngineConn).named, socket.data.internal === true, opts.nodeId);
    this.rooms = opts.rooms;
    this.bots = opts.bots;
  }

  /**
   * Joining the channels and attaching (a presence change, so an update) wait until the full
   * state is emitted (sendState): a new socket's first message of the room is its room:state.
   */
  enter(room: RoomRef, _audience: Audience): void {
    this.current = room;
    this.pending = true;
  }

  private join(room: RoomRef, audience: Audience): void {
    this.pending = false;
    void this.socket.join([channel(room.id, 'all'), channel(room.id, audience)]);
    this.socket.data.audience = { roomId: room.id, audience };
    this.attached = true;
    room.attach(audience);
    if (this.session.seat !== null) {
      this.chatKey = `${room.id}|${this.session.seat}`;
      this.shared.chat.attach(this.chatKey, this.opts.clock.now());
    }
  }

  exit(): void {
    const { roomId, audience } = this.session;
    if (roomId === null) return;
    for (const name of this.socket.rooms) if (name.startsWith(`${roomId}|`)) void this.socket.leave(name);
    if (this.current && audience && this.attached) this.current.detach(audience);
    delete this.socket.data.audience;
    this.current = null;
    this.pending = false;
    this.attached = false;
    if (this.chatKey) this.shared.chat.detach(this.chatKey);
    this.chatKey = null;
    this.session.clear();
  }

  watchLobby(on: boolean): void {
    if (on) void this.socket.join(LOBBY_CHANNEL); else void this.socket.leave(LOBBY_CHANNEL);
  }

  received(event: string, args: unknown[]): void {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as (a: Ack<unknown>) => void) : null;
    if (!isCommand(event)) {
      // Unknown events cost a command too, so they cannot be sent faster than commands.
      if (!this.session.commands.take(this.opts.clock.now())) { ack?.(fail('rate/limited')); return; }
      ack?.(fail('input/unknown-command', `No command named "${String(event).slice(0, 40)}".`));
      return;
    }
    const name = event;
    // Exactly one payload (commands without fields take {}), then the optional ack.
    const payloads = ack ? args.length - 1 : args.length;
    const payload = payloads === 1 ? args[0] : NO_PAYLOAD;
    // While it runs, this socket's own update waits for its ack, to leave in the same write (wire.ts).
    commandsInFlight.begin(this.socket);
    void this.run(name, payload).then(async (res) => {
      this.opts.onCommand?.(name, res.ok);
      // The full state goes first, so a client holds its view by the time the ack arrives.
      // (Also when a handler entered and then failed: the connection must not stay half in the room.)
      const spec = specOf(name);
      if (spec.enters && (res.ok || this.pending)) await this.sendState().catch(() => {});
      ack?.(res);
      if (res.ok && spec.evicts) void this.evictKicked();
    }).finally(() => commandsInFlight.end(this.socket));
  }

  private async run<C extends CommandName>(name: C, payload: unknown | typeof NO_PAYLOAD): Promise<Ack<CommandResults[C]>> {
    const { opts, session } = this;
    const spec = specOf(name);
    const now = opts.clock.now();
    if (!session.commands.take(now)) return fail('rate/limited');
    const chat = (this.chatKey && this.shared.chat.bucket(this.chatKey)) || session.chat;
    if (spec.quota === 'chat' && !chat.take(now)) return fail('rate/limited', 'Chat is limited to a message a second; wait a moment.');
    if (payload === NO_PAYLOAD) return fail('input/invalid', 'A command takes exactly one payload object ({} when it has no fields), then its ack.');
    let size = 0;
    try { size = JSON.stringify(payload ?? null).length; } catch { return fail('input/invalid'); }
    if (size > opts.maxPayloadBytes) return fail('input/too-large');
    const parsed = spec.payload.safeParse(payload);
    if (!parsed.success) {
      const { issues } = parsed.error;
      return fail(refusalCode(name, payload, issues), issues.slice(0, 3).map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; '));
    }
    if (!this.socket.data.internal) {
      const address = this.socket.data.address;
      if (spec.quota === 'rooms' && (!(session.rooms?.take(now) ?? true) || !(await this.shared.quotas.takeRoom(address, now)))) return fail('rate/too-many-rooms');
      if (spec.quota === 'bots' && !(await this.shared.quotas.takeBot(address, now))) return fail('rate/too-many-bots');
    }
    // Outside a room only the `anyone` commands mean something.
    if (spec.needs !== 'anyone' && session.roomId === null) return fail('room/not-member');
    try {
      return await handlers[name](this, parsed.data);
    } catch (err) {
      // The room's owner node did not answer: the room is moving; the client may retry.
      if (err instanceof RoomUnavailable) return fail('room/unavailable', 'The room is moving to another server; retry shortly.');
      if (err instanceof RoomElsewhere) return elsewhere(err.node);
      opts.log.error({ err, command: name }, 'command handler failed');
      return fail('server/internal');
    }
  }

  /**
   * A connection that just entered a room gets its full state, then joins the room's channels in
   * the same tick, so no update reaches it first and none is lost between the two. If the room
   * emitted to this audience while the state was on its way (its version is older than the last
   * one sent), the state is fetched again. Where another node runs the room the check is not
   * possible; a gap there is seen by the client from the versions (it resyncs).
   */
  private async sendState(): Promise<void> {
    const room = this.current;
    const audience = this.session.audience;
    if (!room || !audience) return;
    try {
      for (let attempt = 0; ; attempt++) {
        const state = await room.state(audience);
        if (this.current !== room || !sameAudience(this.session.audience, audience)) return; // left meanwhile
        const last = this.opts.lastVersion?.(room.id, audience);
        if (attempt < 3 && last !== undefined && last > state.view.version) continue;
        this.socket.emit('room:state', state);
        break;
      }
    } finally {
      if (this.pending && this.current === room && sameAudience(this.session.audience, audience)) this.join(room, audience);
    }
  }

  /** A kicked seat's connections leave the seat's audience at once, wherever they are connected. */
  private async evictKicked(): Promise<void> {
    const room = this.current;
    if (!room) return;
    const present = new Set((await room.facts()).players.map((p) => p.seat));
    const sockets = await this.io.in(channel(room.id, 'all')).fetchSockets();
    for (const s of sockets) {
      const joined = s.data.audience;
      if (joined?.roomId !== room.id || joined.audience.kind !== 'seat' || present.has(joined.audience.seat)) continue;
      s.emit('room:notice', { roomId: room.id, code: 'room/kicked', message: 'The host removed you from the room.' });
      s.leave(channel(room.id, joined.audience));
      s.leave(channel(room.id, 'all'));
    }
  }
}
