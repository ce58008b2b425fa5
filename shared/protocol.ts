import { z } from 'zod';
import type { Ack } from './errors.ts';
import { CHAT_MAX, NAME_MAX } from './limits.ts';
import { nameProblem, normalizeName } from './names.ts';
import { nightActionSchema } from './game/roles/index.ts';
import { settingsPatchSchema } from './settings.ts';
import type { ChatMessage, GameView, Phase } from './views.ts';

/**
 * The wire protocol shared by the server, the browser and the bots (docs/protocol.md).
 * Client commands are `domain:verb` and always take an ack; server events are nouns.
 */
export { PROTOCOL_VERSION } from './limits.ts';

const seat = z.number().int().min(0).max(99);
/** A player's name (docs/rules.md R5): NFKC, trimmed, 1–24 characters, no control, bidi or zero-width characters. */
const name = z.string().max(NAME_MAX * 4).transform(normalizeName).check((ctx) => {
  const problem = nameProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});
const roomRef = z.union([z.strictObject({ roomId: z.string().min(1).max(64) }), z.strictObject({ code: z.string().min(1).max(32) })]);

/** A night action: the role modules declare their shapes (shared/game/roles), assembled there. */
export { nightActionSchema };

/** Every command's payload schema; the server validates each one at the edge. */
export const commandSchemas = {
  'lobby:watch': z.strictObject({ on: z.boolean() }),
  'room:list': z.strictObject({}),
  'room:create': z.strictObject({ name, settings: settingsPatchSchema.optional() }),
  'room:join': z.intersection(roomRef, z.object({ name, bot: z.boolean().optional() })),
  'room:spectate': roomRef,
  'room:resume': z.strictObject({ token: z.string().min(1).max(128) }),
  'room:leave': z.strictObject({}),
  'room:sync': z.strictObject({}),
  'room:settings': z.strictObject({ patch: settingsPatchSchema }),
  'room:kick': z.strictObject({ seat }),
  'room:host': z.strictObject({ seat }),
  'game:start': z.strictObject({}),
  'game:reset': z.strictObject({}),
  'night:act': z.strictObject({ action: nightActionSchema }),
  'day:ready': z.strictObject({}),
  'vote:cast': z.strictObject({ target: seat.nullable() }),
  'hunter:shoot': z.strictObject({ target: seat.nullable() }),
  'chat:send': z.strictObject({ channel: z.enum(['lobby', 'day', 'wolves', 'dead']), text: z.string().max(CHAT_MAX * 2) }),
  'bot:add': z.strictObject({ strategy: z.enum(['random', 'smart']).optional() }),
  'bot:remove': z.strictObject({ seat }),
} as const;

export type CommandName = keyof typeof commandSchemas;
export type CommandPayload<C extends CommandName> = z.infer<(typeof commandSchemas)[C]>;
export const COMMAND_NAMES = Object.keys(commandSchemas) as CommandName[];

/** A room as the lobby lists it. */
export interface RoomSummary {
  roomId: string;
  name: string;
  visibility: 'public' | 'private';
  phase: Phase;
  day: number;
  players: number;
  maxSeats: number;
  spectators: number;
  allowSpectators: boolean;
  host: string | null;
  gameNo: number;
}

/** What a seat gets back when it joins, creates or resumes: keep `token` to take the seat back later. */
export interface SeatGrant { roomId: string; code: string; seat: number; token: string }

/** Each command's ack data. */
export interface CommandResults {
  'lobby:watch': { rooms: RoomSummary[] };
  'room:list': { rooms: RoomSummary[] };
  'room:create': SeatGrant;
  'room:join': SeatGrant;
  'room:spectate': { roomId: string; code: string };
  'room:resume': SeatGrant;
  'room:leave': Record<string, never>;
  'room:sync': RoomState;
  'room:settings': Record<string, never>;
  'room:kick': Record<string, never>;
  'room:host': Record<string, never>;
  'game:start': Record<string, never>;
  'game:reset': Record<string, never>;
  'night:act': Record<string, never>;
  'day:ready': Record<string, never>;
  'vote:cast': Record<string, never>;
  'hunter:shoot': Record<string, never>;
  'chat:send': { id: number };
  'bot:add': { seat: number };
  'bot:remove': Record<string, never>;
}

/** The envelope of every view: `serverTime` lets a client correct its clock for countdowns. */
export interface RoomState {
  roomId: string;
  code: string;
  spectators: number;
  serverTime: number;
  view: GameView;
}

export interface RoomUpdate {
  roomId: string;
  serverTime: number;
  version: number;
  /**
   * Never `version` (the client sets it). `chat` only when the channels you read changed (you
   * died, the game ended, a reset): it then replaces your chat list whole; new messages otherwise
   * arrive only as `chat:message`.
   */
  changes: Partial<Omit<GameView, 'version'>>;
}

export type NoticeCode = 'afk/warning' | 'room/restarted' | 'room/kicked' | 'server/draining' | 'server/degraded' | 'server/recovered';

export interface ServerToClientEvents {
  hello: (p: { protocol: number; serverTime: number; node: string }) => void;
  'lobby:rooms': (p: { rooms: RoomSummary[] }) => void;
  'lobby:room': (p: { room: RoomSummary }) => void;
  'lobby:room-removed': (p: { roomId: string }) => void;
  /** A full view: on join, resume, sync and after a room restart. Replace what you hold. */
  'room:state': (p: RoomState) => void;
  /**
   * The top-level view fields that changed (null: the field is gone), for views at `version - 1`.
   * On any other version,
   * call `room:sync` for a full state.
   */
  'room:update': (p: RoomUpdate) => void;
  'room:spectators': (p: { roomId: string; count: number }) => void;
  'chat:message': (p: { roomId: string; message: ChatMessage }) => void;
  'room:notice': (p: { roomId: string; code: NoticeCode; message: string }) => void;
  'room:closed': (p: { roomId: string; reason: string }) => void;
}

type Handler<C extends CommandName> = (payload: CommandPayload<C>, ack: (res: Ack<CommandResults[C]>) => void) => void;
export type ClientToServerEvents = { [C in CommandName]: Handler<C> };

/** The Socket.IO handshake auth a client sends. */
export interface HandshakeAuth { protocol: number }
