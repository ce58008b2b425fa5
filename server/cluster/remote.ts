import { type Ack, fail } from '../../shared/errors.ts';
import type { RoomState } from '../../shared/protocol.ts';
import type { RoomCommand } from '../rooms/commands.ts';
import type { RoomFacts, RoomRef } from '../rooms/ref.ts';
import type { AudienceKey } from '../rooms/tracker.ts';
import type { NodeRpc } from './rpc.ts';

/** What a RemoteRoom needs to find the room's owner again after a failure. */
export interface Resolver { resolve(roomId: string): Promise<RoomRef | null> }

/**
 * A room owned by another node: every call is forwarded to the owner and answered end to end.
 * When the owner does not answer (dead, paused) or no longer owns the room, the room is looked
 * up again, which takes it over here once the old lease has expired, and the call is retried once.
 */
export class RemoteRoom implements RoomRef {
  constructor(readonly id: string, readonly code: string, readonly owner: string, private rpc: NodeRpc, private dir: Resolver) {}

  private async call<T>(method: string, args: Record<string, unknown>, retry = true): Promise<T> {
    try {
      return await this.rpc.call<T>(this.owner, method, { roomId: this.id, ...args });
    } catch (err) {
      if (!retry) throw err;
      // Redis away as well: report the owner's silence (an RpcError), not the lookup's error.
      const again = await this.dir.resolve(this.id).catch(() => null);
      if (!again) throw err;
      if (again instanceof RemoteRoom) {
        if (again.owner === this.owner) throw err;
        return again.call<T>(method, args, false);
      }
      return local(again, method, args) as Promise<T>;
    }
  }

  async submit(cmd: RoomCommand): Promise<Ack<unknown>> {
    try {
      return await this.call<Ack<unknown>>('submit', { cmd });
    } catch {
      return fail('room/unavailable', 'The room is moving to another server; retry shortly.');
    }
  }

  state(audience: AudienceKey): Promise<RoomState> { return this.call('state', { audience }); }
  seatOfToken(token: string): Promise<number | null> { return this.call('seat', { token }); }
  facts(): Promise<RoomFacts> { return this.call('facts', {}); }
  attach(audience: AudienceKey): void { void this.call('attach', { audience }).catch(() => {}); }
  detach(audience: AudienceKey): void { void this.call('detach', { audience }).catch(() => {}); }
}

/** Serve one forwarded call on the owner. */
export function local(room: RoomRef, method: string, args: Record<string, unknown>): Promise<unknown> {
  switch (method) {
    case 'submit': return room.submit(args.cmd as RoomCommand);
    case 'state': return room.state(args.audience as AudienceKey);
    case 'seat': return room.seatOfToken(args.token as string);
    case 'facts': return room.facts();
    case 'attach': room.attach(args.audience as AudienceKey); return Promise.resolve(null);
    case 'detach': room.detach(args.audience as AudienceKey); return Promise.resolve(null);
    default: return Promise.reject(new Error(`unknown room method ${method}`));
  }
}

export const ROOM_METHODS = ['submit', 'state', 'seat', 'facts', 'attach', 'detach'];
