/**
 * The AIWolf bridge on its own (docs/aiwolf.md): agents dial --port as they would dial the
 * reference server, and every --players agents become one room of our server, dealt and started.
 *
 *   npm run aiwolf -- --players 5 [--url http://localhost:3000] [--port 4181] [--host 127.0.0.1]
 *   npm run aiwolf -- --players 15 --serve     (also runs a server of its own, memory store)
 *   npm run aiwolf -- --players 5 --games 1    (exits after that many games)
 *   npm run aiwolf -- --players 5 --trace FILE (every line both ways, as the captures in AIWOLF.md)
 *
 * Exit code 0 when the games asked for are over, 2 on bad arguments.
 */
import { appendFileSync } from 'node:fs';
import pino from 'pino';
import { parseArgs } from '../client/bot/args.ts';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { MemoryStore } from './store/memory.ts';
import { ownUrl } from './bots/host.ts';
import { AiwolfBridge } from './aiwolf/bridge.ts';

const USAGE = 'usage: npm run aiwolf -- --players N [--url URL | --serve] [--port 4181] [--host 127.0.0.1] [--reply-ms 1000] [--games N] [--trace FILE]';
const args = parseArgs(process.argv.slice(2));
const num = (k: string, d: number) => {
  const v = Number(args.get(k) ?? d);
  if (!Number.isInteger(v) || v < 0) { console.error(`--${k} must be a whole number\n${USAGE}`); process.exit(2); }
  return v;
};
const players = num('players', 5);
if (players < 5 || players > 20) { console.error(`--players must be 5 to 20\n${USAGE}`); process.exit(2); }
const games = num('games', 0);
const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });

let url = args.get('url') ?? 'http://localhost:3000';
let auth: Record<string, string> | undefined;
let closeServer = async () => {};
if (args.has('serve')) {
  const config = { ...readConfig({ ...process.env, STORE: 'memory' }), port: 0, host: '127.0.0.1' };
  const app = createApp({ config, store: new MemoryStore(), log: log.child({ part: 'server' }) });
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  url = ownUrl(app.http.address());
  auth = { internal: app.internalSecret };
  closeServer = () => app.close();
  log.info({ url }, 'server of its own');
}

let finished = 0;
const traceFile = args.get('trace');
const started = Date.now();
const bridge = new AiwolfBridge({
  url: () => url,
  port: num('port', 4181),
  host: args.get('host') ?? '127.0.0.1',
  players,
  replyMs: num('reply-ms', 1000),
  auth,
  trace: traceFile ? (conn, dir, line) => appendFileSync(traceFile, JSON.stringify({ t: (Date.now() - started) / 1000, conn, dir, line }) + '\n') : undefined,
  log: (msg, data) => {
    log.info(data ?? {}, msg);
    if (msg === 'game over' && games > 0 && ++finished >= games) void stop();
  },
});
const port = await bridge.listen();
log.info({ port, players, url }, `AIWolf agents: dial 127.0.0.1:${port}`);

async function stop(): Promise<void> {
  await bridge.close();
  await closeServer();
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
