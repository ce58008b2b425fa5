import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WerewolfClient } from '../../client/sdk/index.ts';
import { connect, playToEnd, seatPlayers } from '../helpers/players.ts';
import { okOf, until } from '../helpers/script.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

// Rooms left empty are closed by the next sweep, so the test can close rooms at will.
let server: TestServer;
beforeAll(async () => { server = await startServer({ env: { ROOM_EMPTY_GRACE_S: '0' } }); });
afterAll(async () => { await server.close(); });

const durations = { night: 20, dawn: 1, day: 20, vote: 20, execution: 1, hunter: 10 };
const NO_SUCH_ROOM = '00000000-0000-4000-8000-000000000000';

/** Every event a socket receives, in order, as text (so an id or code is found wherever it is). */
function wiretap(c: WerewolfClient): { event: string; text: string }[] {
  const seen: { event: string; text: string }[] = [];
  c.socket.onAny((event: string, ...args: unknown[]) => seen.push({ event, text: JSON.stringify(args) }));
  return seen;
}

const get = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: await res.json() };
};

/** Wait until the client's lobby list (kept from lobby events) satisfies `pred`; bounded. */
function lobbyShows(c: WerewolfClient, pred: (rooms: WerewolfClient['rooms']) => boolean, what: string): Promise<void> {
  if (pred(c.rooms)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`timed out waiting for ${what}`)); }, 5_000);
    const off = c.on('lobby', () => { if (pred(c.rooms)) { clearTimeout(timer); off(); resolve(); } });
  });
}

/** Close a room: everyone leaves, then the sweep disposes of it (grace 0). */
async function closeRoom(clients: WerewolfClient[], roomId: string): Promise<void> {
  for (const c of clients) await c.send('room:leave', {});
  for (let i = 0; i < 50 && server.app.registry.get(roomId); i++) {
    server.app.registry.sweep();
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(server.app.registry.get(roomId)).toBeUndefined();
}

describe('[H11.1] private rooms stay private', () => {
  it('an outsider watching the lobby never learns a private room\'s id or code, through creation, changes, a whole game, visibility flips and closing', async () => {
    const outsider = connect(server.url);
    await outsider.connected();
    const seen = wiretap(outsider);
    await okOf(outsider.send('lobby:watch', { on: true }));

    // A: private from the start; renamed, joined, played to the end, then closed.
    const a = await seatPlayers(server.url, 5, { name: 'Hideout', visibility: 'private', durations });
    await okOf(a.clients[0].send('room:settings', { patch: { name: 'Hideout 2' } }));
    await okOf(a.clients[0].send('game:start', {}));
    await playToEnd(a.clients, 7);

    // B: public (the outsider is shown it), private, public again, private again, then closed.
    const b = await seatPlayers(server.url, 2, { name: 'Flipper', durations });
    await lobbyShows(outsider, (rooms) => rooms.get(b.roomId)?.players === 2, 'B listed');
    await okOf(b.clients[0].send('room:settings', { patch: { visibility: 'private' } }));
    await lobbyShows(outsider, (rooms) => !rooms.has(b.roomId), 'B unlisted');
    const late = connect(server.url);
    await late.connected();
    await okOf(late.send('room:join', { code: b.code, name: 'Late' }));
    await okOf(b.clients[0].send('room:settings', { patch: { visibility: 'public' } }));
    await lobbyShows(outsider, (rooms) => rooms.get(b.roomId)?.players === 3, 'B listed again');
    await okOf(b.clients[0].send('room:settings', { patch: { visibility: 'private', name: 'Flipper 2' } }));
    await lobbyShows(outsider, (rooms) => !rooms.has(b.roomId), 'B unlisted again');
    await okOf(late.send('room:leave', {}));

    // C: private, created and closed at once (the old server announced its removal).
    const c = await seatPlayers(server.url, 1, { name: 'Blink', visibility: 'private' });
    await closeRoom([...a.clients], a.roomId);
    await closeRoom([...b.clients], b.roomId);
    await closeRoom(c.clients, c.roomId);
    // A public room created last: once its announcement arrives, every earlier event has too.
    const marker = await seatPlayers(server.url, 1, { name: 'Marker' });
    await lobbyShows(outsider, (rooms) => rooms.has(marker.roomId), 'marker listed');

    for (const secret of [a.roomId, a.code, c.roomId, c.code, b.code]) {
      expect(seen.filter((e) => e.text.includes(secret)).map((e) => e.event), secret).toEqual([]);
    }
    // B is named only while public, plus one removal per public → private flip; closing it
    // while private names it no more.
    const aboutB = seen.filter((e) => e.text.includes(b.roomId));
    expect(aboutB.filter((e) => e.event === 'lobby:room').every((e) => e.text.includes('"visibility":"public"'))).toBe(true);
    expect(aboutB.filter((e) => e.event === 'lobby:room-removed')).toHaveLength(2);
    expect(new Set(aboutB.map((e) => e.event))).toEqual(new Set(['lobby:room', 'lobby:room-removed']));
    expect(seen.some((e) => e.event === 'lobby:room' && e.text.includes(marker.roomId))).toBe(true);
    for (const x of [outsider, late, ...a.clients, ...b.clients, ...c.clients, ...marker.clients]) x.close();
  }, 90_000);

  it('a private room cannot be joined, watched or described by id: the answers are those for a room that does not exist', async () => {
    const p = await seatPlayers(server.url, 2, { name: 'Den', visibility: 'private' });
    const outsider = connect(server.url);
    await outsider.connected();
    const missing = { join: await outsider.send('room:join', { roomId: NO_SUCH_ROOM, name: 'Eve' }), watch: await outsider.send('room:spectate', { roomId: NO_SUCH_ROOM }) };
    expect(missing.join).toMatchObject({ ok: false, error: { code: 'room/not-found' } });
    expect(await outsider.send('room:join', { roomId: p.roomId, name: 'Eve' })).toEqual(missing.join);
    expect(await outsider.send('room:spectate', { roomId: p.roomId })).toEqual(missing.watch);
    expect(outsider.state).toBeNull();
    const http = await get(`/api/rooms/${p.roomId}`);
    expect(http).toEqual(await get(`/api/rooms/${NO_SUCH_ROOM}`));
    expect(http.status).toBe(404);
    expect((await get('/api/rooms')).body.rooms.some((r: { roomId: string }) => r.roomId === p.roomId)).toBe(false);
    expect((await okOf(outsider.send('room:list', {}))).rooms.some((r) => r.roomId === p.roomId)).toBe(false);
    // The room is still there for whoever holds its code.
    expect((await get(`/api/invites/${p.code}`)).body.room).toMatchObject({ roomId: p.roomId, name: 'Den', visibility: 'private' });
    for (const x of [outsider, ...p.clients]) x.close();
  });

  it('members keep their access (guard): a spectator who came by code syncs and reads the chat, a seat resumes with its token', async () => {
    const p = await seatPlayers(server.url, 2, { name: 'Burrow', visibility: 'private', allowSpectators: true });
    const watcher = connect(server.url);
    await watcher.connected();
    expect(await okOf(watcher.send('room:spectate', { code: p.code }))).toEqual({ roomId: p.roomId, code: p.code });
    expect((await okOf(watcher.send('room:sync', {}))).roomId).toBe(p.roomId);
    await okOf(p.clients[1].send('chat:send', { channel: 'lobby', text: 'psst' }));
    await until(watcher, (c) => c.view?.chat.some((m) => m.text === 'psst') ?? false, 5_000, 'chat reaches the spectator');

    const token = p.clients[1].token!;
    p.clients[1].close();
    const back = connect(server.url);
    await back.connected();
    expect(await okOf(back.send('room:resume', { token }))).toMatchObject({ roomId: p.roomId, code: p.code });
    expect((await okOf(back.send('room:sync', {}))).view.you?.seat).toBe(1);
    for (const x of [watcher, back, ...p.clients]) x.close();
  });
});
