import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { v4 as uuid } from 'uuid';
import type { Config } from '../config.ts';
import { createApp } from '../app.ts';
import { openStore } from '../store/open.ts';
import { ClusterNode } from '../cluster/node.ts';
import { InProcessBots, ownUrl } from '../bots/host.ts';
import type { AiwolfBridge } from '../aiwolf/bridge.ts';
import { aiwolfFor, withAiwolf } from '../aiwolf/host.ts';
import { Link } from './link.ts';
import { workerOf } from './placement.ts';
import { workerSide } from './side.ts';
import { ownedStore } from './store.ts';

/** Set when this process is worker `index` of `of` under a primary (server/proc/primary.ts). */
export interface WorkerPlace { index: number; of: number }

/**
 * One server process: the whole server (WORKERS=1), or one worker of a primary. A worker listens
 * only on loopback for its own bots; the primary hands it every outside connection of its rooms.
 */
export async function serve(config: Config, log: Logger, place?: WorkerPlace): Promise<void> {
  // REDIS_URL switches on clustered mode: rooms, logs and records live in Redis (docs/scaling.md).
  const cluster = config.redisUrl ? await ClusterNode.connect({ redisUrl: config.redisUrl, nodeId: config.nodeId }, log) : undefined;
  const primary = place ? new Link(process, 'primary') : undefined;
  const opened = cluster ? cluster.store : await openStore(config, log);
  // Workers share one SQLite file (docs/performance.md, "Workers"); each restores the rooms that fall to it.
  const store = place && !cluster ? ownedStore(opened, (roomId) => workerOf(roomId, place.of) === place.index) : opened;
  let bots: InProcessBots | undefined;
  let aiwolf = null as AiwolfBridge | null;
  // One process listens for AIWolf agents: the whole server, or worker 0 (its rooms take agents; docs/aiwolf.md).
  const bridged = !place || place.index === 0;
  const app = createApp({
    config, store, log, cluster,
    worker: place && primary ? workerSide(primary, place.index, place.of, () => uuid()) : undefined,
    bots: (a) => withAiwolf(
      (bots = new InProcessBots({ url: () => ownUrl(a.http.address()), perRoom: config.botsPerRoom, log, secret: a.internalSecret })),
      (aiwolf = bridged ? aiwolfFor(config, () => ownUrl(a.http.address()), a.internalSecret, log) : null),
    ),
  });
  const restored = await app.restore();
  // A worker's own port is loopback only, picked by the system: its bots connect there, straight to it.
  await listen(app.http, place ? 0 : config.port, place ? '127.0.0.1' : config.host);
  const metricsHttp = app.metricsHttp;
  if (!place && metricsHttp && config.metricsPort !== undefined) {
    await listen(metricsHttp, config.metricsPort, config.metricsHost);
    log.info({ host: config.metricsHost, port: config.metricsPort }, 'metrics on their own listener');
  }
  if (aiwolf) log.info({ port: await aiwolf.listen(), host: config.aiwolfHost }, 'AIWolf agents welcome (docs/aiwolf.md)');
  // Bot seats of restored rooms are taken back over the protocol, now that the server listens.
  void bots?.adopt(app.registry.all());

  if (place && primary) {
    primary.handle('metricsJson', () => app.metrics.registry.getMetricsAsJSON());
    process.on('message', (msg: unknown, handle: unknown) => {
      const m = msg as { t?: string; bytes?: string };
      if (m?.t !== 'conn' || !handle) return;
      const socket = handle as Socket;
      // The primary read the first request to route it: replay those bytes into this server's parser.
      app.http.emit('connection', socket);
      socket.emit('data', Buffer.from(m.bytes ?? '', 'base64'));
      socket.resume();
    });
    // Without its primary nobody routes to this worker, and the next primary's worker restores its rooms.
    process.on('disconnect', () => { log.warn('the primary is gone; exiting'); process.exit(1); });
    process.on('SIGINT', () => {}); // Ctrl-C reaches the whole group: the primary drains the workers with SIGTERM
    // The primary listens once every worker has restored: the restore grace runs from then, not
    // from this worker's own restore, or a quick worker's players would lose part of it (D3).
    primary.onCast('serving', () => { const now = Date.now(); for (const room of app.registry.all()) room.afterStall(now); });
    await primary.request('sync', { rooms: app.registry.all().map((r) => ({ roomId: r.id, code: r.code, summary: r.summary() })) });
    primary.cast('ready', null);
    log.info({ worker: place.index, restored, skipped: app.registry.skipped.length }, 'worker up');
  } else {
    const addr = app.http.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    log.info({ port, store: store.kind, restored, skipped: app.registry.skipped.length }, `Werewolf lobby on http://localhost:${port}`);
  }

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
  if (!place) process.on('SIGINT', () => void shutdown('SIGINT'));
}

function listen(server: HttpServer, port: number | undefined, host: string | undefined): Promise<void> {
  return new Promise<void>((resolve) => server.listen(port, host, resolve));
}
