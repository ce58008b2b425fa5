import { io, type Socket } from 'socket.io-client';
import type { Ack, ErrorInfo } from '../../shared/errors.ts';
import { PROTOCOL_VERSION } from '../../shared/limits.ts';
import type {
  BotStrategy,
  ClientToServerEvents, CommandName, CommandPayload, CommandResults, NoticeCode, RoomState, RoomSummary, SeatGrant, ServerToClientEvents,
} from '../../shared/protocol.ts';
import type { ChatMessage, GameView } from '../../shared/views.ts';
import { Emitter } from './emitter.ts';

export interface ClientOptions {
  /** Milliseconds to wait for an ack before failing the command locally. */
  ackTimeoutMs?: number;
  /** Take the seat back automatically after a reconnect (default true). */
  autoResume?: boolean;
  /** Retries of a command refused with room/unavailable (the room is restarting). */
  retries?: number;
  /** Passed to socket.io-client, e.g. { transports: ['websocket'] }. */
  socket?: Parameters<typeof io>[1];
}

type ClientEvents = {
  /** The room state changed (full or update); `view` is always complete. */
  state: (state: RoomState) => void;
  chat: (message: ChatMessage) => void;
  notice: (notice: { code: NoticeCode; message: string }) => void;
  /** The room is gone (closed by the server); `roomId` says which. */
  closed: (reason: string, roomId: string) => void;
  lobby: (rooms: RoomSummary[]) => void;
  connection: (status: 'connected' | 'reconnecting' | 'disconnected') => void;
};

/** A command refused by the server (or timed out locally), with its stable code. */
export class CommandError extends Error {
  constructor(readonly command: string, readonly info: ErrorInfo) {
    super(`${command}: ${info.code}: ${info.message}`);
  }
  get code(): string { return this.info.code; }
}

/**
 * The typed client of the Werewolf protocol, shared by the browser app and the bots.
 *
 * @example
 *   const c = new WerewolfClient('http://localhost:3000');
 *   await c.connected();
 *   const { token } = await c.request('room:create', { name: 'Ada' });
 *   c.on('state', (s) => console.log(s.view.phase));
 */
export class WerewolfClient extends Emitter<ClientEvents> {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  state: RoomState | null = null;
  /** The seat token of the current seat, if any; keep it to resume after a reload. */
  token: string | null = null;
  rooms = new Map<string, RoomSummary>();
  /** Server time minus local time, in ms, from the last message that carried it. */
  clockOffset = 0;
  /** The `bot:add` strategies the server said it accepts (hello); empty before it has. */
  botStrategies: BotStrategy[] = [];
  /** The node (process) serving this connection, as its hello said; null before it has. */
  node: string | null = null;
  private opts: Required<Omit<ClientOptions, 'socket'>>;
  private syncing = false;
  /** Set while a reconnect's automatic resume is in flight: other commands wait for it. */
  private resuming: Promise<unknown> | null = null;

  constructor(url: string, opts: ClientOptions = {}) {
    super();
    this.opts = { ackTimeoutMs: 10_000, autoResume: true, retries: 5, ...opts };
    // The server refuses a handshake without the protocol version; extra auth fields (e.g. a bot host's) are kept.
    const extra = opts.socket?.auth && typeof opts.socket.auth === 'object' ? opts.socket.auth : {};
    this.socket = io(url, { ...opts.socket, auth: { ...extra, protocol: PROTOCOL_VERSION } });
    const s = this.socket;
    s.on('hello', (p) => { this.clockOffset = p.serverTime - Date.now(); this.botStrategies = p.bots ?? []; this.node = p.node; });
    s.on('room:state', (p) => this.acceptState(p));
    s.on('room:update', (p) => {
      const cur = this.state;
      if (!cur || cur.roomId !== p.roomId) return;
      if (p.version !== cur.view.version + 1) { void this.resync(); return; }
      const view = { ...cur.view, version: p.version } as GameView;
      for (const [k, v] of Object.entries(p.changes)) {
        if (v === null) delete (view as unknown as Record<string, unknown>)[k];
        else (view as unknown as Record<string, unknown>)[k] = v;
      }
      this.clockOffset = p.serverTime - Date.now();
      this.state = { ...cur, serverTime: p.serverTime, view };
      this.fire('state', this.state);
    });
    s.on('chat:message', (p) => {
      const cur = this.state;
      if (!cur || cur.roomId !== p.roomId || cur.view.chat.some((m) => m.id === p.message.id && m.channel === p.message.channel)) return;
      this.state = { ...cur, view: { ...cur.view, chat: [...cur.view.chat, p.message].slice(-200) } };
      this.fire('chat', p.message);
      this.fire('state', this.state);
    });
    s.on('room:spectators', (p) => {
      if (this.state?.roomId !== p.roomId) return;
      this.state = { ...this.state, spectators: p.count };
      this.fire('state', this.state);
    });
    s.on('room:notice', (p) => this.fire('notice', { code: p.code, message: p.message }));
    s.on('room:closed', (p) => {
      if (this.state && this.state.roomId !== p.roomId) return;
      this.state = null;
      this.token = null;
      this.fire('closed', p.reason, p.roomId);
    });
    s.on('lobby:rooms', (p) => { this.rooms = new Map(p.rooms.map((r) => [r.roomId, r])); this.fire('lobby', [...this.rooms.values()]); });
    s.on('lobby:room', (p) => { this.rooms.set(p.room.roomId, p.room); this.fire('lobby', [...this.rooms.values()]); });
    s.on('lobby:room-removed', (p) => { this.rooms.delete(p.roomId); this.fire('lobby', [...this.rooms.values()]); });
    s.on('connect', () => {
      this.fire('connection', 'connected');
      if (this.opts.autoResume && this.token && !this.resuming) {
        this.resuming = this.resume(this.token).catch(() => {}).finally(() => { this.resuming = null; });
      }
    });
    s.on('disconnect', (reason) => this.fire('connection', reason === 'io client disconnect' ? 'disconnected' : 'reconnecting'));
  }

  /** Resolves once the socket is connected. */
  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (err) => reject(err));
    });
  }

  /** What the client keeps of an accepted command's ack, per command of the table (shared/commands.ts). */
  private readonly accepted: { [C in CommandName]?: (data: CommandResults[C]) => void } = {
    'room:create': (grant) => { this.seated(grant); },
    'room:join': (grant) => { this.seated(grant); },
    'room:resume': (grant) => { this.seated(grant); },
    'room:leave': () => { this.token = null; this.state = null; },
    'lobby:watch': ({ rooms }) => {
      this.rooms = new Map(rooms.map((r) => [r.roomId, r]));
      this.fire('lobby', [...this.rooms.values()]);
    },
  };

  /**
   * Keep the seat's token, and its room in the handshake query, so that a reconnect (after a
   * worker restart, say) reaches the room's process directly (docs/protocol.md §1). A node named
   * in the query stays: it is where the room runs.
   */
  private seated(grant: SeatGrant): void {
    this.token = grant.token;
    const { code: _c, ...rest } = (this.socket.io.opts.query ?? {}) as Record<string, string>;
    this.socket.io.opts.query = { ...rest, room: grant.roomId };
  }

  /** Send a command and get its ack; never throws for a refusal (see `request`). */
  async send<C extends CommandName>(name: C, payload: CommandPayload<C>): Promise<Ack<CommandResults[C]>> {
    // A command sent while the seat is being taken back would be refused as room/not-member.
    if (name !== 'room:resume') await this.settled();
    // Waiting for a restarting room and moving to the room's process are bounded apart: a room that
    // moves to another node is unavailable for a few seconds first, then found elsewhere.
    for (let attempt = 0, moves = 0; ; ) {
      let res: Ack<CommandResults[C]>;
      try {
        // Socket.IO's ack typing cannot resolve a generic command name; the table's types (ClientToServerEvents) still check the call's arguments.
        res = await (this.socket.timeout(this.opts.ackTimeoutMs) as unknown as { emitWithAck(n: C, p: CommandPayload<C>): Promise<Ack<CommandResults[C]>> }).emitWithAck(name, payload);
      } catch {
        return { ok: false, error: { code: 'server/busy', message: `No answer to ${name} within ${this.opts.ackTimeoutMs} ms.` } };
      }
      // The room is restarting after a crash: the command was not applied, so sending it again is safe.
      if (!res.ok && res.error.code === 'room/unavailable' && attempt < this.opts.retries) {
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt++));
        continue;
      }
      // Another process or machine of the server runs the room (or should make the new one).
      // Reconnect with the room, and the node when named, in the handshake, which the server (and
      // a proxy in front of several machines) routes there, and send again (docs/protocol.md §1).
      if (!res.ok && res.error.code === 'room/elsewhere' && moves < this.opts.retries) {
        const route = { ...routeOf(payload), ...(res.error.node ? { node: res.error.node } : {}) };
        if (Object.keys(route).length) { moves++; await this.moveTo(route); continue; }
      }
      if (res.ok) this.accepted[name]?.(res.data);
      return res;
    }
  }

  /** Send a command; throws a CommandError when the server refuses it. */
  async request<C extends CommandName>(name: C, payload: CommandPayload<C>): Promise<CommandResults[C]> {
    const res = await this.send(name, payload);
    if (!res.ok) throw new CommandError(name, res.error);
    return res.data;
  }

  /** Resolves once connected and any automatic resume is done (bounded by the ack timeout). */
  private async settled(): Promise<void> {
    const deadline = Date.now() + this.opts.ackTimeoutMs;
    while (Date.now() < deadline && this.socket.active && (!this.socket.connected || this.resuming)) {
      if (this.resuming) await this.resuming;
      else await new Promise<void>((resolve) => { const t = setTimeout(resolve, 100); this.socket.once('connect', () => { clearTimeout(t); resolve(); }); });
    }
  }

  /** Reconnect with `route` as the handshake's query, so the server hands the connection to the room's process (and node). */
  private async moveTo(route: Record<string, string>): Promise<void> {
    const { room: _r, code: _c, node: _n, ...rest } = (this.socket.io.opts.query ?? {}) as Record<string, string>;
    this.socket.io.opts.query = { ...rest, ...route };
    this.socket.disconnect();
    this.socket.connect();
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, this.opts.ackTimeoutMs);
      this.socket.once('connect', () => { clearTimeout(t); resolve(); });
    });
  }

  resume(token: string): Promise<CommandResults['room:resume']> {
    return this.request('room:resume', { token });
  }

  /** The view as it stands, or null outside a room. */
  get view(): GameView | null { return this.state?.view ?? null; }

  /** Milliseconds left in the current phase by the server's clock. */
  remainingMs(): number | null {
    const d = this.state?.view.deadline;
    return d == null ? null : Math.max(0, d - (Date.now() + this.clockOffset));
  }

  close(): void {
    this.socket.close();
  }

  private acceptState(p: RoomState): void {
    this.clockOffset = p.serverTime - Date.now();
    this.state = p;
    this.fire('state', p);
  }

  private async resync(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      const res = await this.send('room:sync', {});
      if (res.ok) this.acceptState(res.data);
    } finally {
      this.syncing = false;
    }
  }
}

/** The room a room:join, room:spectate or room:resume names, as the handshake query that routes to it. */
function routeOf(payload: unknown): Record<string, string> | null {
  const p = (payload ?? {}) as { roomId?: unknown; code?: unknown; token?: unknown };
  if (typeof p.roomId === 'string') return { room: p.roomId };
  if (typeof p.code === 'string') return { code: p.code };
  // A seat token starts with its room's id.
  if (typeof p.token === 'string') return { room: p.token.split(':')[0] };
  return null;
}
