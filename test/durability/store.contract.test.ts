import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../server/store/memory.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';
import type { Store } from '../../server/store/types.ts';
import { storeContract } from '../helpers/durability/contract.ts';
import { gameRecord, tempDir } from '../helpers/durability/fixtures.ts';

const cleanups: (() => void)[] = [];
afterEach(() => { for (const f of cleanups.splice(0)) f(); });

const kinds: [string, () => Store][] = [
  ['memory', () => new MemoryStore()],
  ['sqlite', () => {
    const tmp = tempDir();
    const store = new SqliteStore({ dir: tmp.dir });
    cleanups.push(() => { void store.close(); tmp.done(); });
    return store;
  }],
];

describe.each(kinds)('Store contract: %s', (_kind, make) => storeContract(make));

describe('MemoryStore', () => {
  it('keeps only its latest finished games, so a long-running server does not grow without bound', async () => {
    const store = new MemoryStore(3);
    for (let i = 1; i <= 5; i++) await store.saveGame(gameRecord(`g${i}`, `room${i}`, 1, ['Ann'], i * 1000));
    expect(await store.getGame('g1')).toBeNull();
    expect(await store.getGame('g2')).toBeNull();
    expect((await store.recentGames('ann', 10)).map((g) => g.gameId)).toEqual(['g5', 'g4', 'g3']);
  });
});
