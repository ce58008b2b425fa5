import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * A Redis connection that keeps retrying while Redis is away and fails commands fast meanwhile,
 * so a command is refused (and retried by the client) instead of hanging.
 */
export function connectRedis(url: string, log: Logger, name: string): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (times) => Math.min(50 * times, 1000),
    lazyConnect: false,
  });
  redis.on('error', (err) => log.debug({ err: err.message, name }, 'redis connection error'));
  return redis;
}

/** Resolves once the connection is ready (bounded). */
export function ready(redis: Redis, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`Redis not ready after ${timeoutMs} ms`)), timeoutMs);
    redis.once('ready', () => { clearTimeout(t); resolve(); });
  });
}
