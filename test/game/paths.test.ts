import { describe, expect, it } from 'vitest';
import { MODEL_SETTINGS, pathsBy, playPath, spread } from '../helpers/model.ts';

/**
 * Model-based paths (xstate/graph): a breadth-first search over a bounded five-player game finds
 * the shortest event sequence to every distinct game end; each is then played on a real actor,
 * which must be in the same model state at every step, leak nothing, and end the same way.
 */
const PER_WINNER = 25;

const byWinner = pathsBy(MODEL_SETTINGS, (ctx) => ctx.outcome!.winner);

describe('model-based paths to every kind of game end', () => {
  it('[R56] the search reaches every ending: village, wolves, tanner, lovers and nobody', () => {
    expect([...byWinner.keys()].sort()).toEqual(['lovers', 'nobody', 'tanner', 'village', 'wolves']);
  });

  for (const [winner, rule] of [['village', 'R54'], ['wolves', 'R55'], ['tanner', 'R51'], ['lovers', 'R52'], ['nobody', 'R53']] as const) {
    it(`[${rule}] shortest paths to a ${winner} win play out the same on a real actor, leaking nothing`, async () => {
      const found = byWinner.get(winner) ?? [];
      expect(found.length).toBeGreaterThan(0);
      const chosen = spread(found, PER_WINNER);
      for (const path of chosen) await playPath(path, MODEL_SETTINGS, winner);
    });
  }
});
