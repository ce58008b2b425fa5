import { createActor, type Actor } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { gameMachine, viewFor, type GameEvent } from '../../shared/game/index.ts';
import { leaks } from '../helpers/oracle.ts';
import { MODEL_SETTINGS, modelEvents, modelKey } from '../helpers/model.ts';
import type { Snap } from '../helpers/sim.ts';

/**
 * Model-based paths (xstate/graph): a breadth-first search over a bounded five-player game finds
 * the shortest event sequence to every distinct game end; each is then played on a real actor,
 * which must be in the same model state at every step, leak nothing, and end the same way.
 */
const PER_WINNER = 25;

const model = createTestModel(gameMachine, {
  input: { settings: MODEL_SETTINGS },
  events: (snap: Snap) => modelEvents(snap),
  serializeState: (snap: Snap) => modelKey(snap),
} as Parameters<typeof createTestModel<typeof gameMachine>>[1]);

// The model's own event list is given again here: createTestModel would otherwise pad it with a
// bare `{ type }` for every other event the state handles (chat, leave, …), which are not events.
const paths = model.getShortestPaths({
  events: (snap: Snap) => modelEvents(snap),
  toState: (snap: Snap) => snap.context.phase === 'over',
} as Parameters<typeof model.getShortestPaths>[0]);
const byWinner = new Map<string, typeof paths>();
for (const p of paths) {
  const w = p.state.context.outcome!.winner;
  byWinner.set(w, [...(byWinner.get(w) ?? []), p]);
}

describe('model-based paths to every kind of game end', () => {
  it('[R56] the search reaches every ending: village, wolves, tanner, lovers and nobody', () => {
    expect([...byWinner.keys()].sort()).toEqual(['lovers', 'nobody', 'tanner', 'village', 'wolves']);
  });

  for (const [winner, rule] of [['village', 'R54'], ['wolves', 'R55'], ['tanner', 'R51'], ['lovers', 'R52'], ['nobody', 'R53']] as const) {
    it(`[${rule}] shortest paths to a ${winner} win play out the same on a real actor, leaking nothing`, async () => {
      const found = (byWinner.get(winner) ?? []).sort((a, b) => a.weight - b.weight);
      expect(found.length).toBeGreaterThan(0);
      // The shortest, the longest, and an even spread between: PER_WINNER paths at most.
      const step = Math.max(1, Math.floor((found.length - 1) / (PER_WINNER - 1)));
      const chosen = new Set([...found.filter((_, i) => i % step === 0).slice(0, PER_WINNER - 1), found.at(-1)!]);
      for (const path of chosen) {
        let actor: Actor<typeof gameMachine> = createActor(gameMachine, { input: { settings: MODEL_SETTINGS } }).start();
        const send = ({ event }: { event: GameEvent }) => { actor.send(event); };
        // Phase ids are the real actor's own: the model merges states reached by paths of different lengths.
        const expire = ({ event }: { event: GameEvent }) => { actor.send({ ...event, phaseId: actor.getSnapshot().context.phaseId } as GameEvent); };
        await path.test({
          events: { 'room.join': send, 'game.start': send, 'night.act': send, 'vote.cast': send, 'hunter.shoot': send, 'timer.expired': expire } as never,
          states: {
            '*': (expected: Snap) => {
              const real = actor.getSnapshot();
              expect(modelKey(real)).toBe(modelKey(expected));
              for (const a of [...real.context.players.map((p) => ({ kind: 'seat', seat: p.seat }) as const), { kind: 'spectator' } as const]) {
                expect(leaks(real.context, a, viewFor(real.context, a))).toEqual([]);
              }
            },
          },
        });
        expect(actor.getSnapshot().context.outcome!.winner).toBe(winner);
        actor.stop();
        actor = undefined as never;
      }
    });
  }
});
