import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, seatPlayers } from '../helpers/players.ts';
import { okOf, phaseIs, sleepAll, truth } from '../helpers/script.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

const durations = { night: 20, dawn: 1, day: 20, vote: 20, execution: 1, hunter: 10 };

/** A raw socket, to send what the typed SDK would never let through. */
async function raw() {
  const s = io(server.url, { transports: ['websocket'], forceNew: true, auth: { protocol: 1 } });
  await new Promise<void>((r) => s.once('connect', () => r()));
  const ask = (event: string, ...args: unknown[]) => s.timeout(3000).emitWithAck(event, ...args) as Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>;
  return { s, ask };
}

describe('bad input gets a typed error, and nothing changes', () => {
  it('refuses unknown commands, wrong types, missing fields, extra fields and oversize payloads', async () => {
    const { s, ask } = await raw();
    expect(await ask('room:destroy', {})).toMatchObject({ ok: false, error: { code: 'input/unknown-command' } });
    expect(await ask('room:create', { name: 42 })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await ask('room:create', {})).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await ask('room:create', 'just a string')).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await ask('room:create', { name: 'x', admin: true })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await ask('room:create', { name: 'x', settings: { maxSeats: 500 } })).toMatchObject({ ok: false, error: { code: 'settings/invalid' } });
    expect(await ask('vote:cast', { target: 'everyone' })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await ask('chat:send', { channel: 'lobby', text: 'x'.repeat(9000) })).toMatchObject({ ok: false, error: { code: 'input/too-large' } });
    expect(await ask('room:create', { name: '   ' })).toMatchObject({ ok: false, error: { code: 'name/invalid' } });
    expect(await ask('room:create')).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    // A command without an ack callback is dropped without harm; the socket keeps working.
    s.emit('vote:cast', { target: 1 });
    expect(await ask('room:list', {})).toMatchObject({ ok: true });
    s.close();
  });

  it('refuses commands from outside the room, out of phase, for the dead, and for other seats', async () => {
    const { clients, roomId } = await seatPlayers(server.url, 5, { roles: { werewolf: 1, seer: 1 }, durations });
    const stranger = connect(server.url);
    await stranger.connected();
    expect(await stranger.send('vote:cast', { target: 1 })).toMatchObject({ ok: false, error: { code: 'room/not-member' } });
    expect(await clients[1].send('game:start', {})).toMatchObject({ ok: false, error: { code: 'host/only' } });
    expect(await clients[0].send('game:start', {})).toMatchObject({ ok: true });
    const t = truth(server.app, roomId);
    await Promise.all(clients.map((c) => phaseIs(c, 'night')));
    const before = t.ctx;
    const villager = clients.find((c) => c.view!.you!.role === 'villager')!;
    const wolf = clients.find((c) => c.view!.you!.role === 'werewolf')!;
    expect(await villager.send('night:act', { action: { kind: 'wolf', target: 0 } })).toMatchObject({ ok: false, error: { code: 'action/not-allowed' } });
    expect(await villager.send('vote:cast', { target: 0 })).toMatchObject({ ok: false, error: { code: 'phase/wrong' } });
    expect(await wolf.send('night:act', { action: { kind: 'wolf', target: 77 } })).toMatchObject({ ok: false, error: { code: 'action/invalid-target' } });
    expect(await wolf.send('night:act', { action: { kind: 'wolf', target: wolf.view!.you!.seat } })).toMatchObject({ ok: false, error: { code: 'action/invalid-target' } });
    expect(await villager.send('chat:send', { channel: 'wolves', text: 'let me in' })).toMatchObject({ ok: false, error: { code: 'chat/not-allowed' } });
    expect(await villager.send('hunter:shoot', { target: 0 })).toMatchObject({ ok: false, error: { code: 'hunter/not-due' } });
    expect(await villager.send('room:settings', { patch: { maxSeats: 9 } })).toMatchObject({ ok: false });
    expect(t.ctx).toBe(before);

    // The wolf kills the villager; the dead may not vote.
    const seer = clients.find((c) => c.view!.you!.role === 'seer')!;
    await okOf(seer.send('night:act', { action: { kind: 'seer', target: villager.view!.you!.seat } }));
    expect(await seer.send('night:act', { action: { kind: 'seer', target: wolf.view!.you!.seat } })).toMatchObject({ ok: false, error: { code: 'action/already-done' } });
    await okOf(wolf.send('night:act', { action: { kind: 'wolf', target: villager.view!.you!.seat } }));
    await sleepAll(clients);
    await Promise.all(clients.map((c) => phaseIs(c, 'day')));
    await Promise.all(clients.filter((c) => c !== villager).map((c) => c.send('day:ready', {})));
    await phaseIs(villager, 'vote');
    const tally = t.ctx.vote;
    expect(await villager.send('vote:cast', { target: 0 })).toMatchObject({ ok: false, error: { code: 'player/dead' } });
    expect(await wolf.send('vote:cast', { target: villager.view!.you!.seat })).toMatchObject({ ok: false, error: { code: 'vote/invalid-target' } });
    expect(t.ctx.vote).toBe(tally);
    stranger.close();
    clients.forEach((c) => c.close());
  });

  it('rate-limits a flooding connection with rate/limited, and chat more tightly', async () => {
    const limited = await startServer({ limits: { commandsPerSecond: 5, commandBurst: 10, chatPerSecond: 1, chatBurst: 3 } });
    const c = connect(limited.url);
    await c.connected();
    await okOf(c.send('room:create', { name: 'Flood' }));
    const chats = await Promise.all(Array.from({ length: 6 }, (_, i) => c.send('chat:send', { channel: 'lobby', text: `m${i}` })));
    expect(chats.filter((r) => r.ok).length).toBe(3);
    expect(chats.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'rate/limited' } });
    const spam = await Promise.all(Array.from({ length: 20 }, () => c.send('room:list', {})));
    expect(spam.some((r) => !r.ok && r.error.code === 'rate/limited')).toBe(true);
    c.close();
    await limited.close();
  });

  it('[H11] refuses a command with no payload or extra arguments with input/invalid', async () => {
    const { s, ask } = await raw();
    expect(await ask('room:list')).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await ask('room:sync')).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await ask('room:list', {}, {})).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await ask('room:create', { name: 'Ada' }, 'extra')).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await ask('room:list', {})).toMatchObject({ ok: true });
    s.close();
  });

  it('[H11] answers name/invalid for a bad name and settings/invalid for a bad settings patch, as documented', async () => {
    const { s, ask } = await raw();
    for (const name of ['', '   ', 'x'.repeat(25)]) {
      expect(await ask('room:create', { name })).toMatchObject({ ok: false, error: { code: 'name/invalid' } });
    }
    for (const settings of [{ maxSeats: 4 }, { maxSeats: 21 }, { durations: { night: 0 } }, { name: 'r'.repeat(41) }]) {
      expect(await ask('room:create', { name: 'Ada', settings })).toMatchObject({ ok: false, error: { code: 'settings/invalid' } });
    }
    // Missing or mistyped fields, and unknown fields, stay input/invalid.
    expect(await ask('room:create', { name: 7 })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await ask('room:create', { name: 'Ada', settings: 'big' })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await ask('room:create', { name: '', admin: true })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    const { ok: created, data } = await ask('room:create', { name: 'Host' }) as { ok: boolean; data: { roomId: string } };
    expect(created).toBe(true);
    expect(await ask('room:settings', { patch: { maxSeats: 99 } })).toMatchObject({ ok: false, error: { code: 'settings/invalid' } });
    const other = await raw();
    expect(await other.ask('room:join', { roomId: data.roomId, name: 'y'.repeat(30) })).toMatchObject({ ok: false, error: { code: 'name/invalid' } });
    expect(await other.ask('room:join', { roomId: data.roomId })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    other.s.close();
    s.close();
  });

  it('[H11] refuses a handshake that does not name its protocol version', async () => {
    for (const auth of [undefined, {}, { protocol: '1' }]) {
      const s = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, ...(auth ? { auth } : {}) });
      const err = await new Promise<Error & { data?: { code: string } }>((r) => s.once('connect_error', r));
      expect(err.data?.code).toBe('protocol/version');
      s.close();
    }
  });

  it('refuses a client speaking another protocol version at the handshake', async () => {
    const s = io(server.url, { transports: ['websocket'], forceNew: true, auth: { protocol: 999 }, reconnection: false });
    const err = await new Promise<Error & { data?: { code: string } }>((r) => s.once('connect_error', r));
    expect(err.message).toBe('protocol/version');
    expect(err.data?.code).toBe('protocol/version');
    s.close();
  });

  it('survives a storm of garbage and still serves everyone', async () => {
    const { s, ask } = await raw();
    const junk: unknown[] = [null, 0, -1, 1e308, '', '💥'.repeat(100), [], [1, 2], { __proto__: { x: 1 } }, { constructor: 1 }, true];
    for (const event of ['room:join', 'night:act', 'vote:cast', 'chat:send', 'room:resume', 'room:settings', 'bot:add']) {
      for (const j of junk) {
        const res = await ask(event, j);
        expect(res.ok).toBe(false);
        expect(res.error!.code).toMatch(/^[a-z]+\/[a-z-]+$/);
      }
    }
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    s.close();
  });
});
