import type { CommandName, CommandPayload, CommandResults } from './commands.ts';
import type { RoomState, RoomSummary } from './envelopes.ts';
import type { Ack } from './errors.ts';
import type { ChatMessage, GameView } from './views.ts';

/**
 * The wire protocol shared by the server, the browser and the bots (docs/protocol.md).
 * Client commands are `domain:verb` and always take an ack; server events are nouns.
 */
export { PROTOCOL_VERSION } from './limits.ts';
export * from './commands.ts';
export * from './envelopes.ts';

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

/** A strategy `bot:add` names: our own bots' two, or `aiwolf` (a seat for an AIWolf agent, docs/aiwolf.md). */
export type BotStrategy = NonNullable<CommandPayload<'bot:add'>['strategy']>;

export type NoticeCode = 'afk/warning' | 'room/restarted' | 'room/kicked' | 'server/draining' | 'server/degraded' | 'server/recovered';

export interface ServerToClientEvents {
  /** `bots`: the `bot:add` strategies this server accepts now (`aiwolf` only while its AIWolf bridge listens). */
  hello: (p: { protocol: number; serverTime: number; node: string; bots: BotStrategy[] }) => void;
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
