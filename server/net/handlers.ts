import { type Ack, elsewhere, fail, ok } from '../../shared/errors.ts';
import { type BotStrategy, type CommandName, type CommandPayload, type CommandResults, commandEvent, type EventCommand, type SeatGrant } from '../../shared/protocol.ts';
import { DEFAULT_SETTINGS } from '../../shared/defaults.ts';
import { applySettingsPatch } from '../../shared/settings.ts';
import { roleSettingsProblem } from '../../shared/game/catalogue.ts';
import { withPreset } from '../../shared/game/presets.ts';
import { type Audience, SPECTATORS, seatAudience } from '../rooms/audience.ts';
import type { Placing, RoomDirectory, RoomRef } from '../rooms/ref.ts';
import type { Session } from './session.ts';

export type { RoomDirectory };

/** What a command handler may use: its connection's session and the server's services. */
export interface HandlerContext {
  session: Session;
  rooms: RoomDirectory;
  /** Join the connection to a room's audience; its full state follows the ack. */
  enter(room: RoomRef, audience: Audience): void;
  /** Take the connection out of its room (leaving, kicked, or switching rooms). */
  exit(): void;
  /** Join or leave the lobby's channel (`lobby:room` events). */
  watchLobby(on: boolean): void;
  /**
   * What the connection's handshake named (`?node=`, clustered mode): where a new room may be made
   * and whether the connection may be told to move to its room's node (ref.ts, Placing).
   */
  readonly placing: Placing;
  bots?: BotHost;
}

/** Hosts fill seats with in-process bots that play over the same protocol (client/bot). */
export interface BotHost {
  add(room: RoomRef, strategy: NonNullable<CommandPayload<'bot:add'>['strategy']>): Promise<Ack<{ seat: number }>>;
  /** The strategies `add` takes, told to clients in `hello`; our own two when absent. */
  strategies?(): BotStrategy[];
  remove(room: RoomRef, seat: number): Promise<Ack<Record<string, never>>>;
}

type Result<C extends CommandName> = Ack<CommandResults[C]>;
type Handler<C extends CommandName> = (h: HandlerContext, p: CommandPayload<C>) => Promise<Result<C>>;

const done = ok<Record<string, never>>({});

async function currentRoom(h: HandlerContext): Promise<RoomRef | null> {
  return h.session.roomId ? h.rooms.get(h.session.roomId) : null;
}

/** The connection's room and seat, checked against the seat token (a kicked seat loses both). */
async function seated(h: HandlerContext): Promise<{ room: RoomRef; seat: number } | Ack<never>> {
  const room = await currentRoom(h);
  if (!room) return fail('room/not-member');
  const { seat, token } = h.session;
  if (seat === null || token === null || (await room.seatOfToken(token)) !== seat) return fail('room/not-member');
  return { room, seat };
}

/** Forget a room the connection no longer belongs to (closed, or its seat was taken away). */
async function dropStale(h: HandlerContext): Promise<void> {
  const { roomId, token, seat, spectator } = h.session;
  if (roomId === null) return;
  const room = await h.rooms.get(roomId);
  const valid = room && !(await room.facts()).closed && (spectator || (token !== null && (await room.seatOfToken(token)) === seat));
  if (!valid) h.exit();
}

/** The handler of a command that becomes a machine event (shared/commands.ts): sent from the connection's seat. */
function move<C extends EventCommand>(name: C): Handler<C> {
  return async (h, p) => {
    const s = await seated(h);
    if (!('room' in s)) return s;
    const ack = await s.room.submit({ type: 'game', event: commandEvent(name, s.seat, p) });
    // The room answers with the ack data of the event it accepted (server/rooms/commands.ts ackData),
    // which is this command's ack data in the table; it crosses the room's queue (or a node) untyped.
    return ack as Result<C>;
  };
}

/**
 * A connection about to enter a room that another node runs is told to move there (clustered
 * mode), so that its commands are served without a hop. Only once the access checks have passed:
 * the node of a room the connection may not enter would tell it something. A connection that
 * named another node in its handshake (a proxy that ignores `?node=`) and the server's own bots
 * are never moved; they are served by forwarding, so a move can never loop.
 */
function moveToOwner(h: HandlerContext, room: RoomRef): Ack<never> | null {
  return room.node && h.placing !== 'placed' ? elsewhere(room.node) : null;
}

async function joinRoom(h: HandlerContext, room: RoomRef, name: string, bot = false, creates = false): Promise<Ack<SeatGrant>> {
  await dropStale(h);
  if (h.session.roomId !== null) return fail('room/already-member');
  const away = moveToOwner(h, room);
  if (away) return away;
  const ack = await room.submit({ type: 'join', name, bot, ...(creates ? { creates } : {}) });
  if (!ack.ok) return ack;
  const { seat, token } = ack.data as { seat: number; token: string };
  Object.assign(h.session, { roomId: room.id, seat, token, spectator: false });
  h.enter(room, seatAudience(seat));
  return ok({ roomId: room.id, code: room.code, seat, token });
}

/**
 * The room a join or spectate names. By id only a public room is found: a private room answers
 * exactly as a missing one (room/not-found), so its id opens nothing; its invite code does.
 */
async function findRoom(h: HandlerContext, ref: { roomId: string } | { code: string }): Promise<RoomRef | null> {
  if ('code' in ref) return h.rooms.byInvite(ref.code);
  const room = await h.rooms.get(ref.roomId);
  return room && (await room.facts()).visibility === 'public' ? room : null;
}

async function hostOf(h: HandlerContext): Promise<{ room: RoomRef; seat: number; players: { seat: number; name: string; bot: boolean }[] } | Ack<never>> {
  const s = await seated(h);
  if (!('room' in s)) return s;
  const facts = await s.room.facts();
  if (facts.host !== s.seat) return fail('host/only');
  return { ...s, players: facts.players };
}

export const handlers: { [C in CommandName]: Handler<C> } = {
  'lobby:watch': async (h, p) => {
    h.watchLobby(p.on);
    return ok({ rooms: p.on ? await h.rooms.publicSummaries() : [] });
  },
  'room:list': async (h) => ok({ rooms: await h.rooms.publicSummaries() }),

  'room:create': async (h, p) => {
    await dropStale(h);
    if (h.session.roomId !== null) return fail('room/already-member');
    const merged = applySettingsPatch(DEFAULT_SETTINGS, p.settings ?? {});
    if (!merged.ok) return fail('settings/invalid', merged.message);
    const unknown = roleSettingsProblem(merged.settings);
    if (unknown) return fail('settings/invalid', unknown);
    // Clustered: placement may answer room/elsewhere (a RoomElsewhere) before anything is made.
    const room = await h.rooms.create(withPreset(merged.settings), h.placing);
    if (!room) return fail(h.rooms.accepting() ? 'room/too-many' : 'server/busy');
    return joinRoom(h, room, p.name, p.bot ?? false, true);
  },

  'room:join': async (h, p) => {
    const room = await findRoom(h, p);
    if (!room) return fail('room/not-found');
    return joinRoom(h, room, p.name, p.bot ?? false);
  },

  'room:spectate': async (h, p) => {
    await dropStale(h);
    if (h.session.roomId !== null) return fail('room/already-member');
    const room = await findRoom(h, p);
    if (!room) return fail('room/not-found');
    if (!(await room.facts()).allowSpectators) return fail('room/no-spectators');
    const away = moveToOwner(h, room);
    if (away) return away;
    Object.assign(h.session, { roomId: room.id, seat: null, token: null, spectator: true });
    h.enter(room, SPECTATORS);
    return ok({ roomId: room.id, code: room.code });
  },

  'room:resume': async (h, p) => {
    const room = await h.rooms.get(p.token.split(':')[0]);
    const seat = room ? await room.seatOfToken(p.token) : null;
    if (!room || seat === null) return fail('seat/token-invalid');
    const away = moveToOwner(h, room);
    if (away) return away;
    if (h.session.roomId !== null && !(h.session.roomId === room.id && h.session.seat === seat)) h.exit();
    if (h.session.roomId === null) {
      Object.assign(h.session, { roomId: room.id, seat, token: p.token, spectator: false });
      h.enter(room, seatAudience(seat));
    }
    return ok({ roomId: room.id, code: room.code, seat, token: p.token });
  },

  // In a room (the gateway checks the table's `needs`); a seat's leaving is the machine's event.
  'room:leave': async (h, p) => {
    const s = await seated(h);
    if ('room' in s) {
      const ack = await s.room.submit({ type: 'game', event: commandEvent('room:leave', s.seat, p) });
      if (!ack.ok && ack.error.code !== 'room/not-member') return ack;
    }
    h.exit();
    return done;
  },

  'room:sync': async (h) => {
    const room = await currentRoom(h);
    const audience = h.session.audience;
    if (!room || !audience) return fail('room/not-member');
    return ok(await room.state(audience));
  },

  // The machine's commands: the event is built from the table, the machine decides.
  'room:settings': move('room:settings'),
  'room:kick': move('room:kick'),
  'room:host': move('room:host'),
  'game:start': move('game:start'),
  'game:reset': move('game:reset'),
  'night:act': move('night:act'),
  'day:ready': move('day:ready'),
  'day:act': move('day:act'),
  'vote:cast': move('vote:cast'),
  'hunter:shoot': move('hunter:shoot'),
  'chat:send': move('chat:send'),

  'bot:add': async (h, p) => {
    const s = await hostOf(h);
    if (!('room' in s)) return s;
    if (!h.bots) return fail('input/unknown-command', 'This server does not host bots.');
    return h.bots.add(s.room, p.strategy ?? 'smart');
  },
  'bot:remove': async (h, p) => {
    const s = await hostOf(h);
    if (!('room' in s)) return s;
    const target = s.players.find((x) => x.seat === p.seat);
    if (!target) return fail('host/invalid-target');
    if (!target.bot) return fail('seat/not-bot');
    if (!h.bots) return fail('input/unknown-command', 'This server does not host bots.');
    return h.bots.remove(s.room, p.seat);
  },
};
