import v8 from 'node:v8';
import pino from 'pino';
import { readConfig } from './config.ts';
import { createApp } from './app.ts';
import { openStore } from './store/open.ts';
import { ClusterNode } from './cluster/node.ts';
import { InProcessBots, ownUrl } from './bots/host.ts';
import { type AiwolfBridge } from './aiwolf/bridge.ts';
import { aiwolfFor, withAiwolf } from './aiwolf/host.ts';

/** Read the environment, open the store, restore stored rooms, listen; drain on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = readConfig();
  // Read by V8 each time it sets the next GC limit, so setting it now, before the rooms exist, is early enough.
  if (config.heapGrowthPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${Math.round(config.heapGrowthPercent)}`);
  const log = pino({ level: config.logLevel, base: { node: config.nodeId } });
  // REDIS_URL switches on clustered mode: rooms, logs and records live in Redis (docs/scaling.md).
  const cluster = config.redisUrl ? await ClusterNode.connect({ redisUrl: config.redisUrl, nodeId: config.nodeId }, log) : undefined;
  const store = cluster ? cluster.store : await openStore(config, log);
  let bots: InProcessBots | undefined;
  let aiwolf = null as AiwolfBridge | null;
  const app = createApp({ config, store, log, cluster, bots: (a) => withAiwolf(
    (bots = new InProcessBots({ url: () => ownUrl(a.http.address()), perRoom: config.botsPerRoom, log, secret: a.internalSecret })),
    (aiwolf = aiwolfFor(config, () => ownUrl(a.http.address()), a.internalSecret, log)),
  ) });
  const restored = await app.restore();
  await new Promise<void>((resolve) => app.http.listen(config.port, config.host, resolve));
  const metricsHttp = app.metricsHttp;
  if (metricsHttp && config.metricsPort !== undefined) {
    await new Promise<void>((resolve) => metricsHttp.listen(config.metricsPort, config.metricsHost, resolve));
    log.info({ host: config.metricsHost, port: config.metricsPort }, 'metrics on their own listener');
  }
  if (aiwolf) log.info({ port: await aiwolf.listen(), host: config.aiwolfHost }, 'AIWolf agents welcome (docs/aiwolf.md)');
  // Bot seats of restored rooms are taken back over the protocol, now that the server listens.
  void bots?.adopt(app.registry.all());
  const addr = app.http.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  log.info({ port, store: store.kind, restored, skipped: app.registry.skipped.length }, `Werewolf lobby on http://localhost:${port}`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'draining');
    // A drain that hangs must not keep a dying server up: the store is durable at every ack anyway.
    const force = setTimeout(() => { log.error('drain took over 10 s; exiting anyway'); process.exit(1); }, 10_000);
    force.unref();
    try {
      bots?.close();
      await aiwolf?.close();
      await app.close();
      log.info('drained; exiting');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'drain failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
