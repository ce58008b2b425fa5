import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playMatch, type MatchResult } from '../../client/bot/match.ts';
import { smart } from '../../client/bot/strategies/index.ts';
import { PRESET_LIST } from '../../shared/game/presets.ts';
import type { SettingsPatch } from '../../shared/settings.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

/** Custom's hand-picked set at a count: a quarter wolves, a seer and a doctor. */
const custom = (n: number): SettingsPatch => ({ preset: 'custom', roles: { werewolf: Math.max(1, Math.floor(n / 4)), seer: 1, doctor: 1 } });

/** Every preset at 5, 10, 15 and 20 players, or at its own counts (AIWolf 5, AIWolf 15). */
const CELLS = PRESET_LIST.flatMap((p) => (p.players ?? [5, 10, 15, 20]).filter((n) => [5, 10, 15, 20].includes(n)).map((n) => ({ preset: p, players: n })));

/** A few games at a time: two cores, and 20-seat games of bots are the heaviest thing here. */
async function inBatches<T, R>(items: T[], size: number, run: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((t, j) => run(t, i + j)))));
  return out;
}

describe('every preset over real sockets', () => {
  it('[R230] [R234] plays a whole game of every preset at 5, 10, 15 and 20 players without a protocol error, and the public setup shows what was dealt', async () => {
    expect(CELLS.length).toBe(4 * 4 + 2);
    const results: MatchResult[] = await inBatches(CELLS, 6, ({ preset, players }, i) => playMatch({
      url: server.url, players, strategy: smart, seed: 700 + i, timeoutMs: 90_000,
      settings: preset.id === 'custom' ? custom(players) : { preset: preset.id },
    }));
    for (const [i, r] of results.entries()) {
      const { preset, players } = CELLS[i];
      const cell = `${preset.id} at ${players}`;
      expect(r.errors.map((e) => e.message), cell).toEqual([]);
      expect(r.winner, cell).toBeTruthy();
      expect(r.days, cell).toBeGreaterThan(0);
      const setup = r.setup!;
      expect(setup.dealt, cell).toBe(true);
      expect(setup.preset, cell).toBe(preset.id);
      const cats = setup.categories!;
      expect(cats.village + cats.wolves + cats.solo, cell).toBe(players);
      expect(cats.wolves, cell).toBeGreaterThan(0);
      expect(cats.wolves * 2, cell).toBeLessThan(players);
      // Chaos shows only the categories (R241); every other preset each role with its count.
      if (preset.shows === 'categories') expect(setup.roles, cell).toBeNull();
      else expect(Object.values(setup.roles!).reduce((a, k) => a + k, 0), cell).toBe(players);
    }
  }, 240_000);
});
