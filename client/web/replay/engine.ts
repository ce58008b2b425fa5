import { createActor } from 'xstate';
import { type GameContext, type GameEvent, gameMachine } from '../../../shared/game/index.ts';
import type { GameRecord } from '../../../shared/game/record.ts';

/** One step of a replay: an event and the game just before and just after it. */
export interface Step { event: GameEvent; before: GameContext; after: GameContext }

const QUIET = new Set<GameEvent['type']>(['player.connection', 'chat.send']);

/**
 * Re-run a finished game in the browser with the same pure machine the server runs, from the
 * record's start snapshot and its accepted events: every state is exactly the one the room had.
 * Presence and chat are applied but are not steps of their own.
 */
export function replaySteps(record: Pick<GameRecord, 'startSnapshot' | 'events'>): { start: GameContext; steps: Step[] } {
  const actor = createActor(gameMachine, { snapshot: record.startSnapshot as never, input: {} });
  let failure: unknown = null;
  actor.subscribe({ error: (err) => { failure = err; } });
  actor.start();
  const start = actor.getSnapshot().context;
  const steps: Step[] = [];
  let before = start;
  for (const event of record.events) {
    actor.send(event);
    if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
    const after = actor.getSnapshot().context;
    if (!QUIET.has(event.type) || after.phase !== before.phase) steps.push({ event, before, after });
    else if (steps.length) steps[steps.length - 1] = { ...steps[steps.length - 1], after };
    before = after;
  }
  actor.stop();
  return { start, steps };
}
