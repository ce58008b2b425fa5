import type { Phase } from '../views.ts';
import type { GameContext, Patch } from './types.ts';
import { checkOutcome } from './win.ts';

/**
 * Enter a phase: a fresh phase id (so a stale timer is ignored, R9) and an absolute deadline from
 * the settings, measured from the clock reading of the event that caused the change.
 */
export function enterPhase(ctx: GameContext, phase: Phase, now: number): Patch {
  const s = phase === 'lobby' || phase === 'over' ? null : ctx.settings.durations[phase];
  const patch: Patch = { phase, phaseId: ctx.phaseId + 1, deadline: s === null ? null : now + s * 1000, version: ctx.version + 1 };
  if (phase === 'night') { patch.day = ctx.day + 1; patch.night = { picks: {}, actions: {} }; patch.executed = null; patch.ready = []; }
  if (phase === 'day') patch.ready = [];
  if (phase === 'hunter') patch.aim = null;
  // An abandoned game (R16) already has its outcome; every other ending is the win check's.
  if (phase === 'over') { patch.outcome = ctx.outcome ?? checkOutcome(ctx); patch.vote = null; patch.pendingShots = []; }
  return patch;
}
