import express, { type Express } from 'express';
import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type { Logger } from 'pino';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors.ts';
import type { RoomDirectory } from '../rooms/ref.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../store/types.ts';
import { upgradeRecord } from '../store/migrations.ts';

export interface HttpDeps {
  rooms: RoomDirectory;
  store: Store;
  metrics: Metrics;
  publicDir: string;
  health(): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** The text of /metrics when it is not this process's registry alone (several workers: all of them). */
  metricsText?: () => Promise<string>;
  /** Where /metrics is served: here (optionally behind a bearer token), or not here (a listener of its own). */
  metricsAccess: { token: string | undefined; here: boolean };
  log?: Logger;
}

type ErrorBody = { error: { code: ErrorCode; message: string } };
const errorBody = (code: ErrorCode, message: string = ERROR_CODES[code]): ErrorBody => ({ error: { code, message } });

/** Every response: browsers must not guess a type other than the one sent (e.g. run JSON as a script). */
function hardened(app: Express): Express {
  app.disable('x-powered-by');
  app.use((_req, res, next) => { res.setHeader('X-Content-Type-Options', 'nosniff'); next(); });
  return app;
}

/**
 * The last handlers of an app: a JSON 404, and errors answered by a catalogue code. An internal
 * message never goes out (it may name files, queries or state); it goes to the log.
 */
function finish(app: Express, log: Logger | undefined): Express {
  app.use((_req, res) => { res.status(404).json(errorBody('http/not-found')); });
  app.use((err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    void _next;
    // Express marks what the request itself got wrong (e.g. `%` that does not decode) with a 4xx status.
    const status = (err as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) return void res.status(400).json(errorBody('http/bad-request'));
    log?.error({ err, path: req.path }, 'HTTP handler failed');
    res.status(500).json(errorBody('server/internal'));
  });
  return app;
}

/** GET /metrics, in Prometheus text; with a token, only for `Authorization: Bearer <token>`. */
function serveMetrics(app: Express, metrics: Metrics, token: string | undefined, text: () => Promise<string> = () => metrics.registry.metrics()): void {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  app.get('/metrics', async (req, res) => {
    const given = Buffer.from(req.get('authorization') ?? '');
    if (expected && (given.length !== expected.length || !timingSafeEqual(given, expected))) {
      return void res.status(401).set('WWW-Authenticate', 'Bearer').json(errorBody('http/unauthorized'));
    }
    res.set('Content-Type', metrics.registry.contentType);
    res.send(await text());
  });
}

/** The separate metrics listener (METRICS_PORT): /metrics and nothing else. */
export function createMetricsApp(metrics: Metrics, token: string | undefined, log?: Logger): Express {
  const app = hardened(express());
  serveMetrics(app, metrics, token);
  return finish(app, log);
}

/** The JSON lobby API, health, metrics and the browser app's static files. */
export function createHttpApp(deps: HttpDeps): Express {
  const app = hardened(express());

  app.get('/api/rooms', async (_req, res) => {
    res.json({ rooms: await deps.rooms.publicSummaries() });
  });

  // A private room is described only to who names its invite code: by id it is not found.
  app.get('/api/rooms/:id', async (req, res) => {
    const room = await deps.rooms.publicSummary(req.params.id);
    if (!room) return void res.status(404).json(errorBody('room/not-found'));
    res.json({ room });
  });

  app.get('/api/invites/:code', async (req, res) => {
    const room = await deps.rooms.summaryByInvite(req.params.code);
    if (!room) return void res.status(404).json(errorBody('room/not-found', 'No room has that invite code.'));
    res.json({ room });
  });

  app.get('/api/games', async (req, res, next) => {
    try {
      const player = String(req.query.player ?? '').trim().slice(0, 24);
      if (!player) return void res.status(400).json(errorBody('input/invalid', 'Give ?player=NAME.'));
      res.json({ games: await deps.store.recentGames(player, 20) });
    } catch (err) { next(err); }
  });

  app.get('/api/games/:id', async (req, res, next) => {
    try {
      const game = await deps.store.getGame(req.params.id);
      if (!game) return void res.status(404).json(errorBody('game/not-found'));
      res.json({ game: upgradeRecord(game) });
    } catch (err) { next(err); }
  });

  app.get('/healthz', async (_req, res) => {
    res.json({ ok: true, ...(await deps.health()) });
  });

  if (deps.metricsAccess.here) serveMetrics(app, deps.metrics, deps.metricsAccess.token, deps.metricsText);

  // The page and the bundle keep fixed names: revalidate them so a deploy reaches browsers at once.
  app.use(express.static(deps.publicDir, {
    index: 'index.html',
    maxAge: '1h',
    setHeaders: (res, file) => {
      if (file.endsWith('.html') || file.includes(`${path.sep}app${path.sep}`)) res.setHeader('Cache-Control', 'no-cache');
    },
  }));
  // Invite links and other client routes land on the app.
  app.get(/^\/(?:(join|room|game|spectate)\/|roles\/?$)/, (_req, res) => res.sendFile(path.join(deps.publicDir, 'index.html')));

  return finish(app, deps.log);
}
