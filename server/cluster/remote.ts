import { type Ack, fail } from '../../shared/errors.ts';
import type { RoomState } from '../../shared/protocol.ts';
import type { Audience } from '../rooms/audience.ts';
import type { RoomCommand } from '../rooms/commands.ts';
import type { RoomFacts, RoomRef } from '../rooms/ref.ts';
import { nodeOf } from './names.ts';
import type { NodeRpc } from './rpc.ts';

/**
 * Every RoomRef call one node forwards to a room's owner: its arguments and its answer. A client
 * command reaches a remote room as `submit` with the room command the handler built (a machine
 * event from the command table, shared/commands.ts); the ack comes back end to end.
 */
export interface RoomCalls {
  submit: { args: { cmd: RoomCommand }; result: Ack<unknown> };
  state: { args: { audience: Audience }; result: RoomState };
  seat: { args: { token: string }; result: number | null };
  facts: { args: Record<string, never>; result: RoomFacts };
  attach: { args: { audience: Audience }; result: null };
  detach: { args: { audience: Audience }; result: null };
}
export type RoomMethod = keyof RoomCalls;
type Args<M extends RoomMethod> = RoomCalls[M]['args'];
type Result<M extends RoomMethod> = RoomCalls[M]['result'];

/** What a RemoteRoom needs to find the room's owner again after a failure. */
export interface Resolver { resolve(roomId: string): Promise<RoomRef | null> }

/**
 * A room owned by another node: every call is forwarded to the owner and answered end to end.
 * When the owner does not answer (dead, paused) or no longer owns the room, the room is looked
 * up again, which takes it over here once the old lease has expired, and the call is retried once.
 */
export class RemoteRoom implements RoomRef {
  /** The owner's node (its stable name, which a proxy routes by), for `room/elsewhere`. */
  readonly node: string;

  constructor(readonly id: string, readonly code: string, readonly owner: string, private rpc: NodeRpc, private dir: Resolver, private counted: () => void = () => {}) {
    this.node = nodeOf(owner);
  }

  private async call<M extends RoomMethod>(method: M, args: Args<M>, retry = true): Promise<Result<M>> {
    this.counted();
    try {
      return await this.rpc.call<Result<M>>(this.owner, method, { roomId: this.id, ...args });
    } catch (err) {
      if (!retry) throw err;
      // Redis away as well: report the owner's silence (an RpcError), not the lookup's error.
      const again = await this.dir.resolve(this.id).catch(() => null);
      if (!again) throw err;
      if (again instanceof RemoteRoom) {
        if (again.owner === this.owner) throw err;
        return again.call(method, args, false);
      }
      return local(again, method, args);
    }
  }

  async submit(cmd: RoomCommand): Promise<Ack<unknown>> {
    try {
      return await this.call('submit', { cmd });
    } catch {
      return fail('room/unavailable', 'The room is moving to another server; retry shortly.');
    }
  }

  state(audience: Audience): Promise<RoomState> { return this.call('state', { audience }); }
  seatOfToken(token: string): Promise<number | null> { return this.call('seat', { token }); }
  facts(): Promise<RoomFacts> { return this.call('facts', {}); }
  attach(audience: Audience): void { void this.call('attach', { audience }).catch(() => {}); }
  detach(audience: Audience): void { void this.call('detach', { audience }).catch(() => {}); }
}

const SERVE: { [M in RoomMethod]: (room: RoomRef, args: Args<M>) => Promise<Result<M>> } = {
  submit: (room, a) => room.submit(a.cmd),
  state: (room, a) => room.state(a.audience),
  seat: (room, a) => room.seatOfToken(a.token),
  facts: (room) => room.facts(),
  attach: async (room, a) => { room.attach(a.audience); return null; },
  detach: async (room, a) => { room.detach(a.audience); return null; },
};

/** Serve one forwarded call on the owner. */
export function local<M extends RoomMethod>(room: RoomRef, method: M, args: Args<M>): Promise<Result<M>> {
  return SERVE[method](room, args);
}

export const ROOM_METHODS = Object.keys(SERVE) as RoomMethod[];

/** The arguments of a forwarded call as another node of this cluster sent them (trusted: same code, same secret network). */
export const forwarded = <M extends RoomMethod>(_method: M, args: unknown): Args<M> & { roomId: string } => args as Args<M> & { roomId: string };
