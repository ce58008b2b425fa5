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
  /** The node that runs the room when it is not this process (a forwarding proxy's owner); absent on the room itself. */
  readonly node?: string;
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
 * The room lives in another worker of this machine, or (clustered) on another node. The
 * connection is told so (`room/elsewhere`, naming the node when it is known) and the SDK
 * reconnects with the room and the node in its handshake, which the primary (and, across
 * machines, the reverse proxy) routes to the owner: no command crosses between processes.
 * `roomId` is null for a room not made yet: `room:create` is sent again where it will be made.
 */
export class RoomElsewhere extends Error {
  constructor(readonly roomId: string | null, readonly node?: string) { super(`room ${roomId ?? '(new)'} is served by ${node ?? 'another worker'}`); }
}

/**
 * Where a new room may be made, from what the connection's handshake named (`?node=`):
 * - `anywhere`: it named no node; if placement picks another node, it is told to move there
 *   (RoomElsewhere) before anything is made;
 * - `here`: it named this node, which placement already chose: the room is made here;
 * - `placed`: it named another node (a proxy that does not route by node), or it is one of the
 *   server's own bots: it is never told to move, and placement forwards the creation as before.
 */
export type Placing = 'anywhere' | 'here' | 'placed';

/** Finds rooms for the transport: the local registry alone, or the whole cluster. */
export interface RoomDirectory {
  get(roomId: string): Promise<RoomRef | null>;
  byInvite(code: string): Promise<RoomRef | null>;
  create(settings: Settings, placing?: Placing): Promise<RoomRef | null>;
  /** False while the server drains: no new rooms. */
  accepting(): boolean;
  publicSummaries(): Promise<RoomSummary[]>;
  /** A public room's summary; null for a private room exactly as for none, so the answer reveals nothing. */
  publicSummary(roomId: string): Promise<RoomSummary | null>;
  /** The summary of the room with this invite code, private or not (the code is the key to it). */
  summaryByInvite(code: string): Promise<RoomSummary | null>;
}
