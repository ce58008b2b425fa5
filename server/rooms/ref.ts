import type { Ack } from '../../shared/errors.ts';
import type { RoomState, RoomSummary } from '../../shared/protocol.ts';
import type { Settings } from '../../shared/settings.ts';
import type { Phase } from '../../shared/views.ts';
import type { RoomCommand } from './commands.ts';
import type { Audience } from './audience.ts';

/** What the transport may ask of a room beyond its view. */
export interface RoomFacts {
  closed: boolean;
  phase: Phase;
  allowSpectators: boolean;
  /** A private room is reached only by its invite code (or a seat token), never by its id. */
  visibility: 'public' | 'private';
  host: number | null;
  players: { seat: number; name: string; bot: boolean }[];
  maxSeats: number;
}

/**
 * A handle on a room wherever it runs: the Room itself on its owner node, a forwarding proxy on
 * the others (clustered mode). Every method is asynchronous so the two are interchangeable.
 */
export interface RoomRef {
  readonly id: string;
  readonly code: string;
  submit(cmd: RoomCommand): Promise<Ack<unknown>>;
  state(audience: Audience): Promise<RoomState>;
  seatOfToken(token: string): Promise<number | null>;
  facts(): Promise<RoomFacts>;
  /** A connection joined or left one of the room's audiences (presence, spectator count). */
  attach(audience: Audience): void;
  detach(audience: Audience): void;
}

/**
 * Thrown by a directory or a room reference when the room exists but cannot be reached for a
 * moment (its owner is changing or does not answer): the gateway answers room/unavailable and the
 * client retries. The cluster's call errors are of this kind, so the gateway needs no cluster code.
 */
export class RoomUnavailable extends Error {}

/**
 * The room lives in another worker of this machine. The connection is told so (`room/elsewhere`)
 * and the SDK reconnects with the room in its handshake, which the primary routes to the owner:
 * a connection is always served by its room's worker, and no command crosses between processes.
 */
export class RoomElsewhere extends Error {
  constructor(readonly roomId: string) { super(`room ${roomId} is served by another worker`); }
}

/** Finds rooms for the transport: the local registry alone, or the whole cluster. */
export interface RoomDirectory {
  get(roomId: string): Promise<RoomRef | null>;
  byInvite(code: string): Promise<RoomRef | null>;
  create(settings: Settings): Promise<RoomRef | null>;
  /** False while the server drains: no new rooms. */
  accepting(): boolean;
  publicSummaries(): Promise<RoomSummary[]>;
  /** A public room's summary; null for a private room exactly as for none, so the answer reveals nothing. */
  publicSummary(roomId: string): Promise<RoomSummary | null>;
  /** The summary of the room with this invite code, private or not (the code is the key to it). */
  summaryByInvite(code: string): Promise<RoomSummary | null>;
}
