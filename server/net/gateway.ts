import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import { type Ack, fail } from '../../shared/errors.ts';
import { type ClientToServerEvents, type CommandName, commandSchemas, PROTOCOL_VERSION, type ServerToClientEvents } from '../../shared/protocol.ts';
import { RpcError } from '../cluster/rpc.ts';
import type { Clock } from '../rooms/clock.ts';
import type { Outbox } from '../rooms/ports.ts';
import type { RoomRef } from '../rooms/ref.ts';
import type { AudienceKey } from '../rooms/tracker.ts';
import { type BotHost, type HandlerContext, handlers, type RoomDirectory } from './handlers.ts';
import { channel, LOBBY_CHANNEL, Session } from './session.ts';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

export interface GatewayOptions {
  clock: Clock;
  log: Logger;
  rooms: RoomDirectory;
  nodeId: string;
  limits: { commandsPerSecond: number; commandBurst: number; chatPerSecond: number; chatBurst: number };
  maxPayloadBytes: number;
  bots?: BotHost;
  onCommand?(name: string, ok: boolean): void;
  connections?(delta: number): void;
}

/** The Outbox of a single node, or of a cluster when the server has the Redis adapter. */
export function socketOutbox(io: IoServer): Outbox {
  return {
    emit(roomId, audience, event, payload) {
      (io.to(channel(roomId, audience)).emit as (e: string, p: unknown) => boolean)(event, payload);
    },
  };
}

const COMMANDS = new Set<string>(Object.keys(commandSchemas));

/**
 * Translates socket events into room commands and acks: parse and validate at the edge, rate-limit,
 * never throw back into Socket.IO. Views reach sockets through the audiences they joined.
 */
export function attachGateway(io: IoServer, opts: GatewayOptions): void {
  io.use((socket, next) => {
    const auth = socket.handshake.auth as { protocol?: unknown } | undefined;
    const v = auth?.protocol;
    if (v !== undefined && v !== PROTOCOL_VERSION) return next(Object.assign(new Error('protocol/version'), { data: { code: 'protocol/version', supported: PROTOCOL_VERSION } }));
    next();
  });

  io.on('connection', (socket: IoSocket) => {
    const session = new Session(opts.clock, opts.limits);
    opts.connections?.(1);
    socket.emit('hello', { protocol: PROTOCOL_VERSION, serverTime: opts.clock.now(), node: opts.nodeId });

    /** The room the connection is in, kept here so leaving needs no lookup. */
    let current: RoomRef | null = null;
    const enter = (room: RoomRef, audience: AudienceKey) => {
      current = room;
      void socket.join([channel(room.id, 'all'), channel(room.id, audience)]);
      room.attach(audience);
    };
    const exit = () => {
      const { roomId } = session;
      const audience = session.audience;
      if (roomId === null) return;
      for (const name of socket.rooms) if (name.startsWith(`${roomId}|`)) void socket.leave(name);
      if (current && audience) current.detach(audience);
      current = null;
      session.clear();
    };
    const h: HandlerContext = { session, rooms: opts.rooms, enter, exit, bots: opts.bots };

    socket.onAny((event: string, ...args: unknown[]) => {
      if (COMMANDS.has(event)) return;
      const ack = args.at(-1);
      if (typeof ack === 'function') ack(fail('input/unknown-command', `No command named "${String(event).slice(0, 40)}".`));
    });

    for (const name of COMMANDS as Set<CommandName>) {
      socket.on(name, ((...args: unknown[]) => {
        const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as (a: Ack<unknown>) => void) : null;
        const payload = typeof args[0] === 'function' || args.length === 0 ? {} : args[0];
        void run(name, payload).then(async (res) => {
          opts.onCommand?.(name, res.ok);
          // The full state goes first, so a client holds its view by the time the ack arrives.
          if (res.ok) await entered(name).catch(() => {});
          if (ack) ack(res);
          if (res.ok && name === 'room:kick') void evictKicked();
        });
      }) as never);
    }

    async function run(name: CommandName, payload: unknown): Promise<Ack<unknown>> {
      const now = opts.clock.now();
      if (!session.commands.take(now)) return fail('rate/limited');
      if (name === 'chat:send' && !session.chat.take(now)) return fail('rate/limited', 'Chat is limited to a message a second; wait a moment.');
      let size = 0;
      try { size = JSON.stringify(payload ?? null).length; } catch { return fail('input/invalid'); }
      if (size > opts.maxPayloadBytes) return fail('input/too-large');
      const parsed = commandSchemas[name].safeParse(payload ?? {});
      if (!parsed.success) {
        return fail('input/invalid', parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; '));
      }
      try {
        if (name === 'lobby:watch') {
          const on = (parsed.data as { on: boolean }).on;
          if (on) void socket.join(LOBBY_CHANNEL); else void socket.leave(LOBBY_CHANNEL);
          return { ok: true, data: { rooms: on ? await opts.rooms.publicSummaries() : [] } };
        }
        return await (handlers[name] as (h: HandlerContext, p: unknown) => Promise<Ack<unknown>>)(h, parsed.data);
      } catch (err) {
        // The room's owner node did not answer: the room is moving; the client may retry.
        if (err instanceof RpcError) return fail('room/unavailable', 'The room is moving to another server; retry shortly.');
        opts.log.error({ err, command: name }, 'command handler failed');
        return fail('server/internal');
      }
    }

    /** After a successful ack: a connection that entered a room gets its full state. */
    /** A connection that just entered a room gets its full state. */
    async function entered(name: CommandName): Promise<void> {
      if (name !== 'room:create' && name !== 'room:join' && name !== 'room:spectate' && name !== 'room:resume') return;
      const audience = session.audience;
      if (current && audience) socket.emit('room:state', await current.state(audience));
    }

    /** A kicked seat's connections leave the seat's audience at once, wherever they are connected. */
    async function evictKicked(): Promise<void> {
      const room = current;
      if (!room) return;
      const present = new Set((await room.facts()).players.map((p) => p.seat));
      const sockets = await io.in(channel(room.id, 'all')).fetchSockets();
      for (const s of sockets) {
        const seatRoom = [...s.rooms].find((r) => r.startsWith(`${room.id}|seat:`));
        if (!seatRoom || present.has(Number(seatRoom.split(':')[1]))) continue;
        s.emit('room:notice', { roomId: room.id, code: 'room/kicked', message: 'The host removed you from the room.' });
        s.leave(seatRoom);
        s.leave(channel(room.id, 'all'));
      }
    }

    socket.on('disconnect', () => {
      opts.connections?.(-1);
      exit();
    });
  });
}
