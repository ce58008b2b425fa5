import type { ErrorCode } from '../../shared/errors.ts';

/**
 * Where a room is in its life, as one value:
 * - `open`: commands are queued and run in arrival order;
 * - `draining` (shutdown): new commands are refused with server/busy, queued ones still run;
 * - `restarting`: a crash is with the supervisor; commands wait in the queue meanwhile, and the
 *   room goes back to what it was (`resume`);
 * - `closed`: for good, its players told why (`reason`);
 * - `halted`: stopped without a word because the room lives on elsewhere (a restart, another node).
 */
export type Lifecycle =
  | { kind: 'open' }
  | { kind: 'draining' }
  | { kind: 'restarting'; resume: 'open' | 'draining' }
  | { kind: 'closed'; reason: string }
  | { kind: 'halted' };

/** Closed and halted rooms are over: no timer, no command, no message. */
export const ended = (s: Lifecycle): s is Extract<Lifecycle, { kind: 'closed' | 'halted' }> => s.kind === 'closed' || s.kind === 'halted';

/** Whether queued commands run now. */
export const runs = (s: Lifecycle): boolean => s.kind === 'open' || s.kind === 'draining';

/** What a new command gets instead of a place in the queue; null when it is queued. */
export function refusal(s: Lifecycle): ErrorCode | null {
  switch (s.kind) {
    case 'open': return null;
    case 'restarting': return s.resume === 'draining' ? 'server/busy' : null;
    case 'draining': return 'server/busy';
    // Halted rooms live on elsewhere (after a restart or on another node): their callers should retry.
    case 'halted': return 'room/unavailable';
    case 'closed': return 'room/closed';
  }
}

/** The lifecycle after a crash, a restart, a drain: null when the change does not apply. */
export function crashed(s: Lifecycle): Lifecycle | null {
  return s.kind === 'open' || s.kind === 'draining' ? { kind: 'restarting', resume: s.kind } : null;
}

export function restarted(s: Lifecycle): Lifecycle | null {
  return s.kind === 'restarting' ? { kind: s.resume } : null;
}

export function draining(s: Lifecycle): Lifecycle | null {
  if (s.kind === 'open') return { kind: 'draining' };
  if (s.kind === 'restarting') return { kind: 'restarting', resume: 'draining' };
  return null;
}
