import type { GameContext } from '../../shared/game/index.ts';
import type { Clock } from './clock.ts';
import type { RoomTimers } from './timers.ts';

/** A timer that fires this much later than it was due means the process was stalled (GC pause, SIGSTOP, an overloaded host). */
export interface StallRule {
  afterMs: number;
  /** How long players get to reconnect after a stall (the restore grace). */
  graceMs: number;
  /** Told of every stall this timer sees, so the other rooms get the grace too. */
  seen(lateMs: number): void;
}

const NAME = 'phase';

/**
 * A room's one phase timer, armed from the deadline stored in the machine's context (the
 * machine has no `after`: XState does not persist pending delays). It fires `timer.expired`
 * with the phase id it was armed for; the machine ignores it if the phase has moved on. It is
 * one of the room's timers, so it dies with the room.
 */
export class PhaseTimer {
  /** After a restore or a stall no phase ends before this time, so players have a moment to reconnect. */
  notBefore = 0;
  private phaseId = -1;
  /** When the armed timer should fire, by the clock: a much later firing is a stall. */
  private dueAt = 0;

  constructor(private clock: Clock, private timers: RoomTimers, private current: () => GameContext, private fire: (phaseId: number) => void, private stall?: StallRule) {}

  arm(): void {
    const ctx = this.current();
    if (ctx.deadline === null || ctx.phase === 'over' || ctx.phase === 'lobby') { this.clear(); return; }
    if (this.timers.has(NAME) && this.phaseId === ctx.phaseId) return;
    this.clear();
    const phaseId = ctx.phaseId;
    this.phaseId = phaseId;
    const ms = Math.max(ctx.deadline, this.notBefore) - this.clock.now();
    this.dueAt = this.clock.now() + Math.max(0, ms);
    this.timers.set(NAME, ms, () => {
      const t = this.clock.now();
      // Woken long after it was due: the players' connections were stalled with the process, so
      // the phase gets the restore grace instead of ending before anyone could reconnect.
      if (this.stall && t - this.dueAt > this.stall.afterMs) {
        this.notBefore = Math.max(this.notBefore, t + this.stall.graceMs);
        this.stall.seen(t - this.dueAt);
        this.arm();
        return;
      }
      // A deadline beyond one timer's reach re-arms; otherwise the phase ends.
      const now = this.current();
      const due = now.deadline === null ? null : Math.max(now.deadline, this.notBefore);
      if (now.phaseId === phaseId && due !== null && due > t) { this.arm(); return; }
      this.fire(phaseId);
    });
  }

  /** No phase ends before `until` (a stall was seen): the timer is re-armed if it would. */
  hold(until: number): void {
    if (until <= this.notBefore) return;
    this.notBefore = until;
    if (this.timers.has(NAME)) { this.clear(); this.arm(); }
  }

  clear(): void {
    this.timers.clear(NAME);
    this.phaseId = -1;
  }
}
