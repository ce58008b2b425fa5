import type { Outbox } from '../rooms/ports.ts';
import { type Audience, audienceKey } from '../rooms/audience.ts';
import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.ts';
import { channel } from './session.ts';
import { Wire } from './wire.ts';

/** The Outbox, plus the last view version it sent to each audience: an entering socket's state must not be older. */
export type TrackingOutbox = Outbox & { lastVersion(roomId: string, audience: Audience): number | undefined };

/**
 * The Outbox of a single node, or of a cluster when the server has the Redis adapter (`local`
 * false): then every emit goes through the adapter, which reaches the other nodes' sockets.
 */
export function socketOutbox(io: Server<ClientToServerEvents, ServerToClientEvents>, local = true): TrackingOutbox {
  const nsp = io.of('/');
  const versions = new Map<string, Map<string, number>>();
  const wire = new Wire();
  return {
    lastVersion: (roomId, audience) => versions.get(roomId)?.get(audienceKey(audience)),
    emit(roomId, audience, event, payload) {
      if (event === 'room:closed') versions.delete(roomId);
      else if (audience !== 'all' && (event === 'room:update' || event === 'room:state')) {
        const v = event === 'room:update' ? (payload as { version: number }).version : (payload as { view: { version: number } }).view.version;
        let m = versions.get(roomId);
        if (!m) versions.set(roomId, (m = new Map()));
        m.set(audienceKey(audience), v);
      }
      const name = channel(roomId, audience);
      if (!local) {
        (io.to(name).emit as (e: string, p: unknown) => boolean)(event, payload);
        return;
      }
      // Every socket of the audience is on this node: encode once (shared parts once per tick, wire.ts)
      // and write to each, without a broadcast's bookkeeping.
      const ids = nsp.adapter.rooms.get(name);
      if (!ids || ids.size === 0) return;
      const packet = wire.encode(event, payload);
      for (const id of ids) {
        const socket = nsp.sockets.get(id);
        if (socket) wire.send(socket, packet);
      }
    },
  };
}
