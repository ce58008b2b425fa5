import type { Phase } from '../../shared/views.ts';
import type { GameContext } from './types.ts';
import { checkOutcome } from './win.ts';

/**
 * Enter a phase: a fresh phase id (so a stale timer is ignored, R9) and an absolute deadline from
 * the settings, measured from the clock reading of the event that caused the change.
 */
export function enterPhase(ctx: GameContext, phase: Phase, now: number): GameContext {
  const d = ctx.settings.durations;
  const seconds: Record<Phase, number | null> = { lobby: null, over: null, night: d.night, dawn: d.dawn, day: d.day, vote: d.vote, execution: d.execution, hunter: d.hunter };
  const s = seconds[phase];
  let next: GameContext = { ...ctx, phase, phaseId: ctx.phaseId + 1, deadline: s === null ? null : now + s * 1000, version: ctx.version + 1 };
  if (phase === 'night') next = { ...next, day: ctx.day + 1, night: { picks: {}, actions: {} }, executed: null, ready: [] };
  if (phase === 'day') next = { ...next, ready: [] };
  if (phase === 'over') next = { ...next, outcome: checkOutcome(ctx), vote: null, pendingShots: [] };
  return next;
}
