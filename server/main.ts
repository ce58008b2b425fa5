import { readConfig } from './config.ts';
import { createApp } from './app.ts';
import { openStore } from './store/open.ts';

/** Read the environment, open the store, restore stored rooms, listen; drain on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = readConfig();
  const store = await openStore(config);
  const app = createApp({ config, store });
  const restored = await app.restore();
  await new Promise<void>((resolve) => app.http.listen(config.port, config.host, resolve));
  const addr = app.http.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  app.log.info({ port, store: store.kind, restored }, `Werewolf lobby on http://localhost:${port}`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'draining');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
