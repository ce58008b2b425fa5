import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ERROR_CODES } from '../../shared/errors.ts';
import { seatPlayers } from '../helpers/players.ts';
import { freePort, spawnServer } from '../helpers/process.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

const get = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text() };
};

describe('HTTP: lobby API, health, metrics', () => {
  it('lists public rooms, finds a room by id and by invite code, and hides private rooms from the list', async () => {
    const pub = await seatPlayers(server.url, 2, { name: 'Hamlet' });
    const priv = await seatPlayers(server.url, 1, { name: 'Hideout', visibility: 'private' });
    const list = await get('/api/rooms');
    expect(list.status).toBe(200);
    expect(list.body.rooms.map((r: { name: string }) => r.name)).toContain('Hamlet');
    expect(list.body.rooms.map((r: { name: string }) => r.name)).not.toContain('Hideout');
    expect((await get(`/api/rooms/${pub.roomId}`)).body.room).toMatchObject({ name: 'Hamlet', players: 2, maxSeats: 5, phase: 'lobby', host: 'P0' });
    expect((await get(`/api/invites/${priv.code}`)).body.room).toMatchObject({ name: 'Hideout' });
    expect(await get('/api/rooms/nope')).toMatchObject({ status: 404, body: { error: { code: 'room/not-found' } } });
    [...pub.clients, ...priv.clients].forEach((c) => c.close());
  });

  it('answers /healthz and /metrics in Prometheus text', async () => {
    const health = await get('/healthz');
    expect(health.body).toMatchObject({ ok: true, store: 'memory' });
    const metrics = await get('/metrics');
    expect(metrics.type).toMatch(/text\/plain/);
    for (const name of ['werewolf_rooms', 'werewolf_players', 'werewolf_spectators', 'werewolf_games_finished_total', 'werewolf_room_crashes_total', 'werewolf_room_restarts_total', 'werewolf_command_seconds_bucket']) {
      expect(metrics.body).toContain(name);
    }
  });

  it('answers unknown API paths with a JSON 404', async () => {
    expect(await get('/api/nothing')).toMatchObject({ status: 404, body: { error: { code: 'http/not-found' } } });
  });
});

describe('[H11] HTTP hardening', () => {
  it('[H11] a malformed percent-encoding answers 400 http/bad-request, never an internal message', async () => {
    for (const path of ['/api/rooms/%', '/api/rooms/%E0%A4%A', '/api/games/%zz', '/api/invites/%']) {
      const res = await get(path);
      expect(res, path).toMatchObject({ status: 400, body: { error: { code: 'http/bad-request', message: ERROR_CODES['http/bad-request'] } } });
      expect(JSON.stringify(res.body)).not.toMatch(/decode|URIError|param/i);
    }
  });

  it('[H11] every response carries X-Content-Type-Options: nosniff', async () => {
    for (const path of ['/api/rooms', '/api/rooms/nope', '/api/rooms/%', '/healthz', '/metrics', '/', '/join/ABC', '/nothing/here']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('[H11] every code the HTTP API answers is in the error catalogue', async () => {
    const codes = new Set<string>();
    for (const path of ['/api/rooms/nope', '/api/invites/NOPE', '/api/games', '/api/games/nope', '/api/nothing', '/api/rooms/%']) {
      codes.add((await get(path)).body.error.code);
    }
    expect([...codes].sort()).toEqual(['game/not-found', 'http/bad-request', 'http/not-found', 'input/invalid', 'room/not-found']);
    for (const code of codes) expect(ERROR_CODES, code).toHaveProperty([code]);
  });

  it('[H11] with METRICS_TOKEN, /metrics needs the bearer token (401 otherwise)', async () => {
    const guarded = await startServer({ env: { METRICS_TOKEN: 's3cret' } });
    try {
      const none = await fetch(`${guarded.url}/metrics`);
      expect(none.status).toBe(401);
      expect(await none.json()).toMatchObject({ error: { code: 'http/unauthorized' } });
      expect((await fetch(`${guarded.url}/metrics`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
      const good = await fetch(`${guarded.url}/metrics`, { headers: { Authorization: 'Bearer s3cret' } });
      expect(good.status).toBe(200);
      expect(await good.text()).toContain('werewolf_rooms');
    } finally { await guarded.close(); }
  });

  it('[H11] with METRICS_PORT, /metrics is served on its own listener only, not on the public port', async () => {
    const split = await startServer({ env: { METRICS_PORT: '0' } });
    try {
      expect(split.app.config.metricsHost).toBe('127.0.0.1');
      const metricsHttp = split.app.metricsHttp!;
      await new Promise<void>((resolve) => metricsHttp.listen(0, split.app.config.metricsHost, resolve));
      const port = (metricsHttp.address() as AddressInfo).port;
      expect(await fetch(`${split.url}/metrics`).then((r) => r.status)).toBe(404);
      const own = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(own.status).toBe(200);
      expect(own.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await own.text()).toContain('werewolf_rooms');
      // Only metrics there: the lobby API stays on the public port.
      expect((await fetch(`http://127.0.0.1:${port}/api/rooms`)).status).toBe(404);
      expect((await fetch(`${split.url}/api/rooms`)).status).toBe(200);
    } finally { await split.close(); }
  });

  it('[H11] the real server (main.ts) listens on METRICS_PORT at 127.0.0.1 and needs METRICS_TOKEN there', async () => {
    const metricsPort = await freePort();
    const proc = await spawnServer({ port: await freePort(), dataDir: mkdtempSync(path.join(tmpdir(), 'ww-metrics-')), env: { STORE: 'memory', METRICS_PORT: String(metricsPort), METRICS_TOKEN: 'tok' } });
    try {
      expect((await fetch(`${proc.url}/metrics`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).status).toBe(401);
      const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { headers: { Authorization: 'Bearer tok' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('werewolf_rooms');
    } finally { await proc.stop('SIGTERM'); }
  }, 30_000);
});
