import type { GameContext } from '../../shared/game/index.ts';
import type { Clock } from './clock.ts';
import type { RoomCommand } from './commands.ts';
import type { Outbox } from './ports.ts';
import type { Audience } from './audience.ts';

/** What presence needs of its room. */
export interface Present {
  readonly id: string;
  readonly closed: boolean;
  readonly context: GameContext;
  submit(cmd: RoomCommand): Promise<unknown>;
}

/**
 * Who is connected to a room: connections per seat (a seat's first and last connection change
 * its presence in the game) and the spectator count. A seat left empty before a game is given up
 * after a grace period (R13).
 */
/** Where a halted copy's presence changes go instead (the room's new owner). */
export type Forward = (change: 'attach' | 'detach', audience: Audience) => void;

export class Presence {
  /** Set on a halted copy whose room moved to another node: connections still holding it report there. */
  forwardTo: Forward | null = null;
  spectators = 0;
  private connections = new Map<number, number>();

  constructor(private room: Present, private outbox: Outbox, private clock: Clock, private graceMs: number, private changed: () => void) {}

  attach(audience: Audience): void {
    if (this.forwardTo) { this.forwardTo('attach', audience); return; }
    if (audience.kind === 'spectator') { this.spectate(1); return; }
    const { seat } = audience;
    const n = (this.connections.get(seat) ?? 0) + 1;
    this.connections.set(seat, n);
    if (n === 1) void this.room.submit({ type: 'presence', seat, connected: true });
  }

  detach(audience: Audience): void {
    if (this.forwardTo) { this.forwardTo('detach', audience); return; }
    if (audience.kind === 'spectator') { this.spectate(-1); return; }
    const { seat } = audience;
    const n = Math.max(0, (this.connections.get(seat) ?? 0) - 1);
    this.connections.set(seat, n);
    if (n > 0) return;
    void this.room.submit({ type: 'presence', seat, connected: false });
    this.clock.setTimer(this.graceMs, () => {
      if (this.room.closed || (this.connections.get(seat) ?? 0) > 0) return;
      const ctx = this.room.context;
      const p = ctx.players.find((x) => x.seat === seat);
      if (p && !p.connected && !p.bot && (ctx.phase === 'lobby' || ctx.phase === 'over')) void this.room.submit({ type: 'game', event: { type: 'room.leave', seat } });
    });
  }

  /**
   * Set the counts outright from a census of live connections (clustered mode, after a takeover:
   * the sockets live on other nodes and never re-attach). Every seat gets a presence command, so
   * the state is right once the commands queued before (restore's disconnects) have run.
   */
  seed(seats: ReadonlyMap<number, number>, spectators: number): void {
    for (const p of this.room.context.players) {
      const n = seats.get(p.seat) ?? 0;
      this.connections.set(p.seat, n);
      void this.room.submit({ type: 'presence', seat: p.seat, connected: n > 0 });
    }
    this.spectate(spectators - this.spectators);
  }

  private spectate(delta: number): void {
    this.spectators = Math.max(0, this.spectators + delta);
    this.outbox.emit(this.room.id, 'all', 'room:spectators', { roomId: this.room.id, count: this.spectators });
    this.changed();
  }
}
