import pino from 'pino';
import { createApp, type App, type AppDeps } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { MemoryStore } from '../../server/store/memory.ts';

export interface TestServer { app: App; url: string; close(): Promise<void> }

/** Boot the real server on 127.0.0.1, port 0, with a memory store unless one is given. */
export async function startServer(over: Partial<AppDeps> & { env?: Record<string, string> } = {}): Promise<TestServer> {
  const config = { ...readConfig({ LOG_LEVEL: 'silent', ...over.env }), port: 0, host: '127.0.0.1' };
  const app = createApp({
    store: new MemoryStore(),
    log: pino({ level: process.env.TEST_LOG ?? 'silent' }),
    // Every test client comes from 127.0.0.1: no per-address quotas unless a test sets them.
    limits: { commandsPerSecond: 1000, commandBurst: 1000, chatPerSecond: 1000, chatBurst: 1000, roomsPerMinute: 0, roomsPerMinutePerConnection: 0, botsPerMinute: 0, connectionsPerAddress: 0 },
    ...over,
    config: { ...config, ...over.config },
  });
  await app.restore();
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const addr = app.http.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
