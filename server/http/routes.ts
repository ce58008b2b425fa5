import express, { type Express } from 'express';
import path from 'node:path';
import type { RoomDirectory } from '../rooms/ref.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../store/types.ts';

export interface HttpDeps {
  rooms: RoomDirectory;
  store: Store;
  metrics: Metrics;
  publicDir: string;
  health(): Record<string, unknown>;
}

/** The JSON lobby API, health, metrics and the browser app's static files. */
export function createHttpApp(deps: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/api/rooms', async (_req, res) => {
    res.json({ rooms: await deps.rooms.publicSummaries() });
  });

  // A private room is described only to who names its invite code: by id it is not found.
  app.get('/api/rooms/:id', async (req, res) => {
    const room = await deps.rooms.publicSummary(req.params.id);
    if (!room) return void res.status(404).json({ error: { code: 'room/not-found', message: 'No such room.' } });
    res.json({ room });
  });

  app.get('/api/invites/:code', async (req, res) => {
    const room = await deps.rooms.summaryByInvite(req.params.code);
    if (!room) return void res.status(404).json({ error: { code: 'room/not-found', message: 'No room has that invite code.' } });
    res.json({ room });
  });

  app.get('/api/games', async (req, res, next) => {
    try {
      const player = String(req.query.player ?? '').trim().slice(0, 24);
      if (!player) return void res.status(400).json({ error: { code: 'input/invalid', message: 'Give ?player=NAME.' } });
      res.json({ games: await deps.store.recentGames(player, 20) });
    } catch (err) { next(err); }
  });

  app.get('/api/games/:id', async (req, res, next) => {
    try {
      const game = await deps.store.getGame(req.params.id);
      if (!game) return void res.status(404).json({ error: { code: 'game/not-found', message: 'No finished game with that id.' } });
      res.json({ game });
    } catch (err) { next(err); }
  });

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, ...deps.health() });
  });

  app.get('/metrics', async (_req, res, next) => {
    try {
      res.set('Content-Type', deps.metrics.registry.contentType);
      res.send(await deps.metrics.registry.metrics());
    } catch (err) { next(err); }
  });

  // The page and the bundle keep fixed names: revalidate them so a deploy reaches browsers at once.
  app.use(express.static(deps.publicDir, {
    index: 'index.html',
    maxAge: '1h',
    setHeaders: (res, file) => {
      if (file.endsWith('.html') || file.includes(`${path.sep}app${path.sep}`)) res.setHeader('Cache-Control', 'no-cache');
    },
  }));
  // Invite links and other client routes land on the app.
  app.get(/^\/(join|room|game|spectate)\//, (_req, res) => res.sendFile(path.join(deps.publicDir, 'index.html')));

  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'http/not-found', message: 'Not found.' } });
  });
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    void _next;
    res.status(500).json({ error: { code: 'server/internal', message: err instanceof Error ? err.message : 'error' } });
  });
  return app;
}
