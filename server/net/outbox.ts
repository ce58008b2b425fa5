import type { Outbox } from '../rooms/ports.ts';
import type { Audience } from '../rooms/audience.ts';
import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.ts';
import { channel } from './session.ts';
import { Wire } from './wire.ts';

/** The Outbox, plus the last view version it sent to each audience: an entering socket's state must not be older. */
export type TrackingOutbox = Outbox & { lastVersion(roomId: string, audience: Audience): number | undefined };

/**
 * What the outbox keeps per room: its channel names, built once rather than per message (and so
 * hashed once as Map keys), and the last view version sent to each audience.
 */
class RoomSide {
  private seats: string[] = [];
  private spectators: string | null = null;
  private all: string | null = null;
  readonly seatVersions: number[] = [];
  spectatorVersion: number | undefined;

  constructor(private roomId: string) {}

  channel(audience: Audience | 'all'): string {
    if (audience === 'all') return (this.all ??= channel(this.roomId, 'all'));
    if (audience.kind === 'spectator') return (this.spectators ??= channel(this.roomId, audience));
    return (this.seats[audience.seat] ??= channel(this.roomId, audience));
  }

  version(audience: Audience): number | undefined {
    return audience.kind === 'spectator' ? this.spectatorVersion : this.seatVersions[audience.seat];
  }

  setVersion(audience: Audience, v: number): void {
    if (audience.kind === 'spectator') this.spectatorVersion = v; else this.seatVersions[audience.seat] = v;
  }
}

/**
 * The Outbox of a single node, or of a cluster when the server has the Redis adapter (`local`
 * false): then every emit goes through the adapter, which reaches the other nodes' sockets.
 */
export function socketOutbox(io: Server<ClientToServerEvents, ServerToClientEvents>, local = true): TrackingOutbox {
  const nsp = io.of('/');
  const rooms = new Map<string, RoomSide>();
  const wire = new Wire();
  const sideOf = (roomId: string): RoomSide => {
    let side = rooms.get(roomId);
    if (!side) rooms.set(roomId, (side = new RoomSide(roomId)));
    return side;
  };
  return {
    lastVersion: (roomId, audience) => rooms.get(roomId)?.version(audience),
    emit(roomId, audience, event, payload) {
      if (event === 'room:closed') {
        const name = rooms.get(roomId)?.channel(audience) ?? channel(roomId, audience);
        rooms.delete(roomId);
        return send(name, event, payload);
      }
      const side = sideOf(roomId);
      if (audience !== 'all' && (event === 'room:update' || event === 'room:state')) {
        side.setVersion(audience, event === 'room:update' ? (payload as { version: number }).version : (payload as { view: { version: number } }).view.version);
      }
      send(side.channel(audience), event, payload);
    },
  };

  function send(name: string, event: string, payload: unknown): void {
    if (!local) {
      (io.to(name).emit as (e: string, p: unknown) => boolean)(event, payload);
      return;
    }
    // Every socket of the audience is on this node: encode once (shared parts once per tick, wire.ts)
    // and write to each, without a broadcast's bookkeeping.
    const ids = nsp.adapter.rooms.get(name);
    if (!ids || ids.size === 0) return;
    const out = wire.encode(event, payload);
    for (const id of ids) {
      const socket = nsp.sockets.get(id);
      if (socket) wire.send(socket, out);
    }
  }
}
