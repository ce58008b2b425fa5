import type { GameContext } from '../game/index.ts';
import type { Clock } from './clock.ts';

/**
 * A room's one phase timer, armed from the deadline stored in the machine's context (the
 * machine has no `after`: XState does not persist pending delays). It fires `timer.expired`
 * with the phase id it was armed for; the machine ignores it if the phase has moved on.
 */
export class PhaseTimer {
  /** After a restore no phase ends before this time, so players have a moment to reconnect. */
  notBefore = 0;
  private handle: unknown = null;
  private phaseId = -1;

  constructor(private clock: Clock, private current: () => GameContext, private fire: (phaseId: number) => void) {}

  arm(): void {
    const ctx = this.current();
    if (ctx.deadline === null || ctx.phase === 'over' || ctx.phase === 'lobby') { this.clear(); return; }
    if (this.handle !== null && this.phaseId === ctx.phaseId) return;
    this.clear();
    const phaseId = ctx.phaseId;
    this.phaseId = phaseId;
    this.handle = this.clock.setTimer(Math.max(ctx.deadline, this.notBefore) - this.clock.now(), () => {
      this.handle = null;
      // A deadline beyond one timer's reach re-arms; otherwise the phase ends.
      const now = this.current();
      const due = now.deadline === null ? null : Math.max(now.deadline, this.notBefore);
      if (now.phaseId === phaseId && due !== null && due > this.clock.now()) { this.arm(); return; }
      this.fire(phaseId);
    });
  }

  clear(): void {
    if (this.handle !== null) this.clock.clearTimer(this.handle);
    this.handle = null;
    this.phaseId = -1;
  }
}
