import type { Logger } from 'pino';
import { MemoryStore } from './memory.ts';
import { SqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

/** The part of server/config.ts the store reads (the store does not depend on the whole server's configuration). */
export interface StoreConfig { store: 'sqlite' | 'memory' | 'redis'; dataDir: string }

/** The store the configuration names: SQLite in DATA_DIR by default, memory on STORE=memory. */
export async function openStore(config: StoreConfig, log?: Logger): Promise<Store> {
  switch (config.store) {
    case 'memory':
      log?.warn('STORE=memory: nothing survives a restart');
      return new MemoryStore();
    case 'redis':
      log?.warn({ dataDir: config.dataDir }, 'STORE=redis is not available in this build; using the SQLite store in DATA_DIR instead');
      return sqlite(config.dataDir);
    case 'sqlite':
      return sqlite(config.dataDir);
  }
}

/** A server that cannot write its store must not start: wait for the writer thread to open the file. */
async function sqlite(dir: string): Promise<SqliteStore> {
  const store = new SqliteStore({ dir });
  await store.ready();
  return store;
}
