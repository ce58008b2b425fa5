import os from 'node:os';
import path from 'node:path';

/** Every setting the server reads from its environment (documented in README.md). */
export interface Config {
  port: number;
  /**
   * Worker processes, each running its share of the rooms (server/proc); 1 is a single process.
   * Default: the number of cores.
   */
  workers: number;
  host: string | undefined;
  dataDir: string;
  store: 'sqlite' | 'memory' | 'redis';
  redisUrl: string | undefined;
  nodeId: string;
  logLevel: string;
  seatGraceMs: number;
  /** After a restart, no restored phase ends sooner than this, so players can reconnect first. */
  restoreGraceMs: number;
  roomEmptyGraceMs: number;
  /** A timer this late means the process was stalled: phases then get the restore grace (0: off). */
  stallMs: number;
  /** A lobby no human sits in (never joined, or bots only) is closed this long after it got so. */
  roomUnclaimedGraceMs: number;
  maxRooms: number;
  restartMax: number;
  restartWindowMs: number;
  botsPerRoom: number;
  /** Rooms created a minute per address (a connection gets at most 5 of them); 0: unlimited. */
  roomsPerMinute: number;
  /** In-server bots added a minute per address; 0: unlimited. */
  botsPerMinute: number;
  /** Open connections per address (the server's own bots not counted); 0: unlimited. */
  connectionsPerAddress: number;
  /** Reverse proxies in front of the server whose X-Forwarded-For is believed (0: none; the peer's address counts). */
  trustProxy: number;
  /**
   * How far V8 lets the heap grow past what the last full GC kept, in percent (V8's
   * --heap-growing-percent); 0 leaves V8's own choice, which lets it reach several times the
   * live size. 100 (the heap stays within about twice what is live) halves the resident memory
   * per player under load at about the same CPU (docs/performance.md).
   */
  heapGrowthPercent: number;
  /** When set, /metrics answers only `Authorization: Bearer <token>` (401 otherwise). */
  metricsToken: string | undefined;
  /** When set, /metrics is served only on a listener of its own at metricsHost:metricsPort, not on `port`. */
  metricsPort: number | undefined;
  metricsHost: string;
  /** When set, the AIWolf bridge listens here for AIWolf agents (docs/aiwolf.md); off by default. */
  aiwolfPort: number | undefined;
  aiwolfHost: string;
  /** The bridge opens a room of its own whenever this many agents wait (0: agents only take seats hosts open). */
  aiwolfPlayers: number;
}

function num(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const v = env[key];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${key} must be a non-negative number, got "${v}"`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const store = (env.STORE ?? (env.REDIS_URL ? 'redis' : 'sqlite')) as Config['store'];
  if (!['sqlite', 'memory', 'redis'].includes(store)) throw new Error(`STORE must be sqlite, memory or redis, got "${store}"`);
  return {
    port: num(env, 'PORT', 3000),
    workers: Math.max(1, Math.floor(num(env, 'WORKERS', os.availableParallelism()))),
    host: env.HOST || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    store,
    redisUrl: env.REDIS_URL || undefined,
    nodeId: env.NODE_ID ?? `node-${process.pid}`,
    logLevel: env.LOG_LEVEL ?? 'info',
    seatGraceMs: num(env, 'SEAT_GRACE_S', 60) * 1000,
    restoreGraceMs: num(env, 'RESTORE_GRACE_S', 15) * 1000,
    roomEmptyGraceMs: num(env, 'ROOM_EMPTY_GRACE_S', 600) * 1000,
    stallMs: num(env, 'STALL_DETECT_S', 3) * 1000,
    roomUnclaimedGraceMs: num(env, 'ROOM_UNCLAIMED_GRACE_S', 45) * 1000,
    maxRooms: num(env, 'MAX_ROOMS', 5000),
    restartMax: num(env, 'RESTART_MAX', 3),
    restartWindowMs: num(env, 'RESTART_WINDOW_S', 60) * 1000,
    botsPerRoom: num(env, 'BOTS_PER_ROOM', 19),
    roomsPerMinute: num(env, 'ROOMS_PER_MINUTE', 20),
    botsPerMinute: num(env, 'BOTS_PER_MINUTE', 20),
    connectionsPerAddress: num(env, 'CONNECTIONS_PER_ADDRESS', 50),
    trustProxy: env.TRUST_PROXY === 'true' ? 1 : num(env, 'TRUST_PROXY', 0),
    heapGrowthPercent: num(env, 'HEAP_GROWTH_PERCENT', 100),
    metricsToken: env.METRICS_TOKEN || undefined,
    metricsPort: env.METRICS_PORT ? num(env, 'METRICS_PORT', 0) : undefined,
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    aiwolfPort: env.AIWOLF_PORT ? num(env, 'AIWOLF_PORT', 0) : undefined,
    aiwolfHost: env.AIWOLF_HOST || '127.0.0.1',
    aiwolfPlayers: num(env, 'AIWOLF_PLAYERS', 0),
  };
}
