import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, seatPlayers } from '../helpers/players.ts';
import { okOf, phaseIs, truth, until } from '../helpers/script.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

const durations = { night: 20, dawn: 1, day: 20, vote: 20, execution: 1, hunter: 10 };

describe('identity outlives the socket', () => {
  it('a seat dropped mid-night takes its seat back with a token, with a full fresh view, and acts', async () => {
    const { clients, roomId } = await seatPlayers(server.url, 5, { roles: { werewolf: 1, seer: 1 }, durations });
    await okOf(clients[0].send('game:start', {}));
    await Promise.all(clients.map((c) => phaseIs(c, 'night')));
    const t = truth(server.app, roomId);
    const seer = t.seatOf('seer');
    const old = clients.find((c) => c.view!.you!.seat === seer)!;
    const token = old.token!;
    const watcher = clients.find((c) => c !== old)!;
    old.close();
    await until(watcher, (c) => c.view!.players.find((p) => p.seat === seer)!.connected === false, 5_000, 'seat shown disconnected');

    const back = connect(server.url);
    await back.connected();
    const grant = await okOf(back.send('room:resume', { token }));
    expect(grant).toMatchObject({ roomId, seat: seer });
    await until(back, (c) => c.view?.you?.seat === seer, 5_000, 'full view');
    expect(back.view!.you!.role).toBe('seer');
    expect(back.view!.you!.prompt?.kind).toBe('seer');
    expect(back.view!.version).toBeGreaterThan(1);
    await until(watcher, (c) => c.view!.players.find((p) => p.seat === seer)!.connected, 5_000, 'seat shown back');
    const target = t.seatOf('werewolf');
    await okOf(back.send('night:act', { action: { kind: 'seer', target } }));
    expect(back.view!.you!.seerResults).toEqual([{ night: 1, seat: target, team: 'wolves' }]);
    back.close();
    clients.forEach((c) => c.close());
  });

  it('a voter who reconnects mid-vote keeps the vote cast, may change it, and the change counts', async () => {
    const { clients, roomId } = await seatPlayers(server.url, 5, { roles: { werewolf: 1, seer: 1 }, durations });
    await okOf(clients[0].send('game:start', {}));
    const t = truth(server.app, roomId);
    await Promise.all(clients.map((c) => phaseIs(c, 'night')));
    // Nobody acts at night: the room's own timer would end it; end it now through the room queue.
    await t.room.submit({ type: 'timer', phaseId: t.ctx.phaseId });
    await Promise.all(clients.map((c) => phaseIs(c, 'day')));
    await Promise.all(clients.map((c) => c.send('day:ready', {})));
    await Promise.all(clients.map((c) => phaseIs(c, 'vote')));
    const voter = clients[1];
    const seat = voter.view!.you!.seat;
    await okOf(voter.send('vote:cast', { target: 3 }));
    const token = voter.token!;
    voter.socket.disconnect();
    const back = connect(server.url);
    await back.connected();
    await okOf(back.send('room:resume', { token }));
    await until(back, (c) => c.view?.vote !== null && c.view?.you?.seat === seat, 5_000, 'vote view');
    expect(back.view!.you!.prompt).toMatchObject({ kind: 'vote', current: 3 });
    await okOf(back.send('vote:cast', { target: 4 }));
    expect(t.ctx.vote!.ballots[seat]).toBe(4);
    back.close();
    clients.forEach((c) => c.close());
  });

  it('the SDK takes the seat back by itself after the network drops', async () => {
    const { clients } = await seatPlayers(server.url, 5, { durations });
    const c = clients[2];
    const seat = c.view!.you!.seat;
    const states: string[] = [];
    c.on('connection', (s) => states.push(s));
    c.socket.io.engine.close(); // a dropped transport, not a deliberate disconnect
    await until(c, (x) => x.socket.connected && x.view?.you?.seat === seat && states.includes('connected'), 5_000, 'auto resume');
    expect(states[0]).toBe('reconnecting');
    await okOf(c.send('chat:send', { channel: 'lobby', text: 'back again' }));
    clients.forEach((x) => x.close());
  });

  it('a bad or stale token is refused with seat/token-invalid', async () => {
    const c = connect(server.url);
    await c.connected();
    const res = await c.send('room:resume', { token: 'nope:nope' });
    expect(res).toMatchObject({ ok: false, error: { code: 'seat/token-invalid' } });
    c.close();
  });
});

describe('hosts, kicks and the lobby', () => {
  it('the host role moves on when the host leaves; a kicked seat loses its view and its token', async () => {
    const { clients, roomId } = await seatPlayers(server.url, 5, { durations });
    const [host, a, b] = clients;
    await okOf(host.send('room:leave', {}));
    await until(a, (c) => c.view!.host === 1, 5_000, 'new host');
    expect(a.view!.you!.isHost).toBe(true);
    const bToken = b.token!;
    const notices: string[] = [];
    b.on('notice', (n) => notices.push(n.code));
    await okOf(a.send('room:kick', { seat: b.view!.you!.seat }));
    await until(a, (c) => c.view!.players.length === 3, 5_000, 'kicked seat gone');
    await new Promise((r) => setTimeout(r, 100));
    expect(notices).toContain('room/kicked');
    expect((await b.send('vote:cast', { target: 1 })).ok).toBe(false);
    const again = connect(server.url);
    await again.connected();
    expect(await again.send('room:resume', { token: bToken })).toMatchObject({ ok: false, error: { code: 'seat/token-invalid' } });
    // The kicked player may join again as a new seat.
    expect((await b.send('room:join', { roomId, name: 'B again' })).ok).toBe(true);
    again.close();
    clients.forEach((c) => c.close());
  });

  it('the lobby lists public rooms live; private rooms are hidden and joined by invite code', async () => {
    const watcher = connect(server.url);
    await watcher.connected();
    await okOf(watcher.send('lobby:watch', { on: true }));
    const { clients, roomId } = await seatPlayers(server.url, 2, { name: 'Open village', durations });
    await until(watcher, (w) => w.rooms.get(roomId)?.players === 2, 5_000, 'lobby update');
    expect(watcher.rooms.get(roomId)).toMatchObject({ name: 'Open village', maxSeats: 5, phase: 'lobby' });

    const priv = await seatPlayers(server.url, 1, { name: 'Secret village', visibility: 'private', durations });
    const list = await okOf(watcher.send('room:list', {}));
    expect(list.rooms.some((r) => r.roomId === priv.roomId)).toBe(false);
    expect(watcher.rooms.has(priv.roomId)).toBe(false);
    const guest = connect(server.url);
    await guest.connected();
    const grant = await okOf(guest.send('room:join', { code: priv.code, name: 'Guest' }));
    expect(grant.roomId).toBe(priv.roomId);
    expect(await guest.send('room:join', { roomId, name: 'x' })).toMatchObject({ ok: false, error: { code: 'room/already-member' } });
    const stranger = connect(server.url);
    await stranger.connected();
    expect(await stranger.send('room:join', { code: 'WRONGCODE', name: 'x' })).toMatchObject({ ok: false, error: { code: 'room/not-found' } });
    for (const c of [watcher, guest, stranger, ...clients, ...priv.clients]) c.close();
  });

  it('a full room refuses one more, and names must be unique', async () => {
    const { clients, roomId } = await seatPlayers(server.url, 5, { durations });
    const late = connect(server.url);
    await late.connected();
    expect(await late.send('room:join', { roomId, name: 'Late' })).toMatchObject({ ok: false, error: { code: 'room/full' } });
    await okOf(clients[0].send('room:settings', { patch: { maxSeats: 6 } }));
    expect(await late.send('room:join', { roomId, name: 'p1' })).toMatchObject({ ok: false, error: { code: 'name/taken' } });
    expect((await late.send('room:join', { roomId, name: 'Late' })).ok).toBe(true);
    late.close();
    clients.forEach((c) => c.close());
  });
});
