import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatPlayers } from '../helpers/players.ts';
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
