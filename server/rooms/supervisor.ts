import type { Logger } from 'pino';
import type { Clock } from './clock.ts';
import type { Room } from './room.ts';

export interface Intensity { maxRestarts: number; withinMs: number }

/**
 * Restarts a crashed room from its last good state, Erlang-style: more than `maxRestarts`
 * crashes within `withinMs` and the room is closed instead, with a notice to its players.
 */
export class Supervisor {
  private history = new Map<string, number[]>();
  constructor(
    private clock: Clock,
    private log: Logger,
    private intensity: Intensity,
    private onGiveUp: (room: Room) => void,
  ) {}

  crashed(room: Room, err: unknown): void {
    const now = this.clock.now();
    const recent = (this.history.get(room.id) ?? []).filter((t) => now - t < this.intensity.withinMs);
    recent.push(now);
    this.history.set(room.id, recent);
    if (recent.length > this.intensity.maxRestarts) {
      this.log.error({ roomId: room.id, restarts: recent.length - 1, err }, 'room restarted too often; closing it');
      room.close('The room kept failing and was closed. Sorry! Please start a new one from the lobby.');
      this.onGiveUp(room);
      return;
    }
    this.log.warn({ roomId: room.id, attempt: recent.length }, 'restarting room from its last good state');
    // Off the current stack, so the crashing step unwinds first.
    queueMicrotask(() => room.restart());
  }

  forget(roomId: string): void { this.history.delete(roomId); }
}
