import { afterEach, describe } from 'vitest';
import { MemoryStore } from '../../server/store/memory.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';
import type { Store } from '../../server/store/types.ts';
import { storeContract } from './contract.ts';
import { tempDir } from './fixtures.ts';

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
