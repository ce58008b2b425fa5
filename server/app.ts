import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes, randomInt } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { Server } from 'socket.io';
import { v4 as uuid } from 'uuid';
import type { RoomSummary } from '../shared/protocol.ts';
import type { Config } from './config.ts';
import { createHttpApp, createMetricsApp } from './http/routes.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { attachGateway, type GatewayStats, type IoServer } from './net/gateway.ts';
import { socketOutbox } from './net/outbox.ts';
import { textParser } from './net/parser.ts';
import type { Limits } from './net/ratelimit.ts';
import type { BotHost } from './net/handlers.ts';
import { LocalDirectory } from './rooms/directory.ts';
import type { RoomDirectory } from './rooms/ref.ts';
import type { ClusterNode } from './cluster/node.ts';
import type { WorkerSide } from './proc/side.ts';
import { LOBBY_CHANNEL } from './net/session.ts';
import { type Clock, systemClock } from './rooms/clock.ts';
import type { FaultPort, RoomDeps } from './rooms/ports.ts';
import { Registry } from './rooms/registry.ts';
import type { Store } from './store/types.ts';
import type { gameMachine } from '../shared/game/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface AppDeps {
  config: Config;
  store: Store;
  clock?: Clock;
  log?: Logger;
  faults?: FaultPort;
  machine?: typeof gameMachine;
  publicDir?: string;
  /** Clustered mode: leases, forwarding, takeover and the Redis adapter (server/cluster). */
  cluster?: ClusterNode;
  /** Per-client limits (defaults from the config); tests that play fast raise them. */
  limits?: Partial<Limits>;
  bots?: (app: App) => BotHost;
  snapshotEvery?: number;
  /** One of several workers on this machine (WORKERS > 1, server/proc): the primary holds the one lobby. */
  worker?: WorkerSide;
}

export interface App {
  http: HttpServer;
  /** The metrics listener when METRICS_PORT is set (not listening yet), else null. */
  metricsHttp: HttpServer | null;
  io: IoServer;
  registry: Registry;
  metrics: Metrics;
  log: Logger;
  config: Config;
  store: Store;
  /**
   * Made fresh by each process: the server's own bots present it in their handshake (`auth.internal`)
   * so they are not counted against the per-address quotas of 127.0.0.1.
   */
  internalSecret: string;
  /** The gateway's per-client bookkeeping (tests check it is released). */
  gateway: GatewayStats;
  /** Restore stored rooms; call before listening. */
  restore(): Promise<number>;
  /** Stop accepting, tell clients to reconnect, halt rooms (their state is stored), close the store. */
  close(): Promise<void>;
}

/** Build the whole server without listening: tests boot it on port 0, main.ts on PORT. */
export function createApp(deps: AppDeps): App {
  const { config, store } = deps;
  const clock = deps.clock ?? systemClock;
  const log = deps.log ?? pino({ level: config.logLevel, base: { node: config.nodeId } });
  const metrics = createMetrics();
  const io: IoServer = new Server({ parser: textParser, maxHttpBufferSize: 64 * 1024, pingInterval: 10_000, pingTimeout: 8_000, cors: { origin: false } });
  const outbox = socketOutbox(io, !deps.cluster);

  const roomDeps: RoomDeps = {
    clock,
    store,
    outbox,
    log,
    metrics: metrics.room,
    faults: deps.faults,
    machine: deps.machine,
    newToken: () => uuid(),
    newSeed: () => randomInt(0, 2 ** 32 - 1),
    newGameId: () => uuid(),
    snapshotEvery: deps.snapshotEvery,
    restoreGraceMs: config.restoreGraceMs,
    stallMs: config.stallMs,
  };
  const cluster = deps.cluster;
  const worker = cluster ? undefined : deps.worker;
  if (cluster) io.adapter(cluster.adapter());
  // What this worker tells its own lobby watchers, the primary passes to the other workers' watchers.
  const watchers = (event: string, payload: unknown) => (io.to(LOBBY_CHANNEL).emit as (e: string, p: unknown) => boolean)(event, payload);
  // The other workers' watchers hear of this worker's rooms from the primary, which derives the
  // same broadcasts from the rooms' reports (server/proc/lobby.ts).
  const toLobby = (event: 'lobby:room' | 'lobby:room-removed', payload: unknown) => watchers(event, payload);
  if (worker) {
    worker.onLobby(watchers);
    const rooms = io.of('/').adapter;
    rooms.on('create-room', (r: string) => { if (r === LOBBY_CHANNEL) worker.lobbyWatched(true); });
    rooms.on('delete-room', (r: string) => { if (r === LOBBY_CHANNEL) worker.lobbyWatched(false); });
  }
  // Rooms this node has shown to lobby watchers as public. Only these may ever be named to them
  // again (a change, a removal): a private room's id never reaches anyone outside it.
  const announced = new Set<string>();
  const lobby = {
    summary: (room: RoomSummary) => {
      cluster?.lobby.summary(room);
      worker?.roomChanged(room, registry.get(room.roomId)?.code ?? '');
      if (room.visibility === 'public') {
        announced.add(room.roomId);
        toLobby('lobby:room', { room });
      } else if (announced.delete(room.roomId)) {
        // A public room made private leaves the lists of those who were shown it.
        toLobby('lobby:room-removed', { roomId: room.roomId });
      }
    },
    removed: (roomId: string) => {
      cluster?.lobby.removed(roomId);
      worker?.roomRemoved(roomId);
      if (announced.delete(roomId)) toLobby('lobby:room-removed', { roomId });
    },
  };
  const registry = new Registry(roomDeps, { intensity: { maxRestarts: config.restartMax, withinMs: config.restartWindowMs }, emptyGraceMs: config.roomEmptyGraceMs, unclaimedGraceMs: config.roomUnclaimedGraceMs, maxRooms: config.maxRooms }, lobby, log);
  let draining = false;
  const local = () => new LocalDirectory(registry, { newRoomId: worker?.newRoomId ?? (() => uuid()), accepting: () => !draining, created: () => metrics.rooms.set(registry.size) });
  const directory: RoomDirectory = cluster
    ? cluster.makeDirectory(registry, () => !draining, () => metrics.forwarded.inc())
    : worker ? worker.directory(local(), config.maxRooms) : local();

  const startedAt = Date.now();
  const httpApp = createHttpApp({
    rooms: directory,
    store,
    metrics,
    publicDir: deps.publicDir ?? path.join(here, '..', 'public'),
    health: async () => ({ node: config.nodeId, rooms: registry.size, store: store.kind, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), ...cluster?.health(), ...(await worker?.health()) }),
    // Every worker of the machine, clustered or not: a scrape of the machine sees all its processes.
    metricsText: deps.worker?.metricsText,
    metricsAccess: { token: config.metricsToken, here: config.metricsPort === undefined },
    log,
  });
  const http = createServer(httpApp);
  // METRICS_PORT: /metrics leaves the public port for a listener of its own (main.ts listens on it).
  const metricsHttp = config.metricsPort === undefined ? null : createServer(createMetricsApp(metrics, config.metricsToken, log));
  io.attach(http);

  const app: App = {
    http, metricsHttp, io, registry, metrics, log, config, store,
    internalSecret: randomBytes(24).toString('hex'),
    gateway: { chatSeats: () => 0, addresses: () => 0 },
    // A cluster node restores nothing itself: rooms of a dead node are taken over by lease.
    restore: async () => (cluster ? (cluster.start(io), 0) : registry.restoreAll()),
    async close() {
      clearInterval(sweeper);
      // Stop accepting: no new connections, no new rooms, rooms refuse new commands (server/busy).
      draining = true;
      // A worker's sockets were handed to it by the primary, so its server counts none of them: its
      // close would emit 'close' at once, and Socket.IO would close every client before the drain
      // notice. Nothing connects to a worker but through its primary, which routes here no more:
      // its server closes last.
      if (!deps.worker) http.close();
      metricsHttp?.close();
      // Commands already queued finish and are acked; every room halts with its state stored.
      await registry.drainAll(5_000);
      // Hand the leases back: other nodes take the rooms over at once instead of after expiry.
      await cluster?.close();
      await store.close();
      io.local.emit('room:notice', { roomId: '', code: 'server/draining', message: 'The server is restarting; you will be reconnected to your seat.' });
      // Closing discards what a busy transport has not written yet: let the notice leave first (bounded).
      const busy = () => [...io.sockets.sockets.values()].some((s) => !s.conn.transport.writable);
      for (let i = 0; i < 40 && busy(); i++) await new Promise((r) => setTimeout(r, 5));
      // Transports close without a disconnect packet, so clients reconnect (and resume) on their own.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (deps.worker) http.close();
    },
  };

  const limits: Limits = {
    commandsPerSecond: 10, commandBurst: 20, chatPerSecond: 1, chatBurst: 5,
    roomsPerMinute: config.roomsPerMinute,
    roomsPerMinutePerConnection: Math.min(5, config.roomsPerMinute),
    botsPerMinute: config.botsPerMinute,
    connectionsPerAddress: config.connectionsPerAddress,
    ...deps.limits,
  };
  app.gateway = attachGateway(io, {
    clock,
    log,
    rooms: directory,
    nodeId: config.nodeId,
    limits,
    internalSecret: app.internalSecret,
    trustProxy: config.trustProxy,
    maxPayloadBytes: 8 * 1024,
    // A worker's quotas are the machine's, kept by the primary (each worker is also a node of a cluster).
    quotas: deps.worker?.quotas(limits, log),
    bots: deps.bots?.(app),
    connections: (d) => metrics.connections.inc(d),
    lastVersion: outbox.lastVersion,
  });

  metrics.setCensus(() => {
    const c = { humans: 0, bots: 0, spectators: 0 };
    for (const r of registry.all()) {
      c.spectators += r.spectators;
      for (const p of r.context.players) if (p.connected) { if (p.bot) c.bots += 1; else c.humans += 1; }
    }
    return c;
  });
  const sweeper = setInterval(() => {
    registry.sweep();
    metrics.rooms.set(registry.size);
  }, 5_000);
  sweeper.unref();
  return app;
}
