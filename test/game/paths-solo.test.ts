import { describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/settings.ts';
import { MODEL_SETTINGS, type ModelPath, pathsBy, playPath, spread } from '../helpers/model.ts';
import { FAST } from '../helpers/size.ts';

/**
 * The model-based paths of paths.test.ts over a five-player game with a serial killer (a werewolf,
 * a cupid, the serial killer, two villagers): the search must reach his own win and a couple of
 * him and a villager winning as lovers, and each is played out on a real actor without leaks.
 */
const PER_ENDING = 20;
const SOLO_SETTINGS: Settings = { ...MODEL_SETTINGS, roles: { werewolf: 1, cupid: 1, 'serial-killer': 1 } };

/**
 * The paths by ending, the lovers told apart by whether the serial killer is one of them. The
 * search takes about 10 s, so it runs in the first test that asks (not while the suite is being
 * collected) and in the full suite only; the fast slice has the random games of roles-solo.test.ts.
 */
let searched: Map<string, ModelPath[]> | undefined;
const paths = () => (searched ??= pathsBy(SOLO_SETTINGS, (ctx) => {
  const w = ctx.outcome!.winner;
  if (w !== 'lovers') return w;
  return ctx.outcome!.seats.some((s) => ctx.players.find((p) => p.seat === s)!.role === 'serial-killer') ? 'lovers-with-solo' : 'lovers';
}));

describe.skipIf(FAST)('model-based paths with a serial killer (full suite)', () => {
  it('[R197] [R198] the search reaches his win, a couple of him and a villager, and the village\'s and the wolves\' wins', () => {
    const kinds = [...paths().keys()];
    for (const k of ['serial-killer', 'lovers-with-solo', 'village', 'wolves']) expect(kinds, k).toContain(k);
  }, 120_000);

  for (const [ending, winner, rule] of [['serial-killer', 'serial-killer', 'R197'], ['lovers-with-solo', 'lovers', 'R198'], ['village', 'village', 'R54'], ['wolves', 'wolves', 'R55']] as const) {
    it(`[${rule}] shortest paths to a ${ending} ending play out the same on a real actor, leaking nothing`, async () => {
      const found = paths().get(ending) ?? [];
      expect(found.length).toBeGreaterThan(0);
      for (const path of spread(found, PER_ENDING)) {
        const ctx = await playPath(path, SOLO_SETTINGS, winner);
        const sk = ctx.players.find((p) => p.role === 'serial-killer')!;
        // His win and the couple's need him alive; the village's and the wolves' need him dead (R197).
        expect(sk.alive, ending).toBe(ending === 'serial-killer' || ending === 'lovers-with-solo');
        if (ending === 'lovers-with-solo') expect(ctx.outcome!.seats).toContain(sk.seat);
      }
    });
  }
});

/**
 * The same over a werewolf, the white werewolf and three villagers: the search (about 7 s, so the
 * full suite's only; the fast slice has the random games of roles-wolves.test.ts) must reach his
 * lone win, and its shortest paths play out on a real actor with him alive and at most one other.
 */
describe.skipIf(FAST)('model-based paths with a white werewolf (full suite)', () => {
  const WHITE_SETTINGS: Settings = { ...MODEL_SETTINGS, roles: { werewolf: 1, 'white-werewolf': 1 } };
  it('[R124] the search reaches his own win besides the village\'s and the wolves\', and it plays out on a real actor', async () => {
    const byWinner = pathsBy(WHITE_SETTINGS, (ctx) => ctx.outcome!.winner);
    for (const k of ['white-werewolf', 'village', 'wolves']) expect([...byWinner.keys()], k).toContain(k);
    for (const path of spread(byWinner.get('white-werewolf')!, 10)) {
      const ctx = await playPath(path, WHITE_SETTINGS, 'white-werewolf');
      const white = ctx.players.find((p) => p.role === 'white-werewolf')!;
      expect(white.alive).toBe(true);
      // He wins alone with at most one other player left alive (R124).
      expect(ctx.players.filter((p) => p.alive).length).toBeLessThanOrEqual(2);
      expect(ctx.outcome!.seats).toEqual([white.seat]);
    }
  }, 120_000);
});
