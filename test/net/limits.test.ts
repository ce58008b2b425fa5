import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { InProcessBots, ownUrl } from '../../server/bots/host.ts';
import type { Limits } from '../../server/net/ratelimit.ts';
import { PROTOCOL_VERSION } from '../../shared/limits.ts';
import { connect } from '../helpers/players.ts';
import { okOf, until } from '../helpers/script.ts';
import { startServer } from '../helpers/server.ts';

const open: Limits = { commandsPerSecond: 1000, commandBurst: 1000, chatPerSecond: 1000, chatBurst: 1000, roomsPerMinute: 0, roomsPerMinutePerConnection: 0, botsPerMinute: 0, connectionsPerAddress: 0 };

function rawSocket(url: string) {
  return io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { protocol: PROTOCOL_VERSION } });
}

describe('[H11] limits per client', () => {
  it('[H11] unknown events take from the command bucket: a flood of them is rate-limited, and so are the commands after it', async () => {
    const server = await startServer({ limits: { ...open, commandsPerSecond: 1, commandBurst: 10 } });
    const s = rawSocket(server.url);
    await new Promise<void>((r) => s.once('connect', () => r()));
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => s.timeout(3000).emitWithAck(`nope:${i}`, {}) as Promise<{ ok: boolean; error: { code: string } }>));
    expect(answers.filter((a) => a.error.code === 'input/unknown-command').length).toBe(10);
    expect(answers.filter((a) => a.error.code === 'rate/limited').length).toBe(10);
    expect(await s.timeout(3000).emitWithAck('room:list', {})).toMatchObject({ ok: false, error: { code: 'rate/limited' } });
    s.close();
    await server.close();
  });

  it('[H11] the chat limit is per seat: six connections of one seat together get the burst of one', async () => {
    const server = await startServer({ limits: { ...open, chatPerSecond: 0.01, chatBurst: 3 } });
    const owner = connect(server.url);
    await owner.connected();
    const grant = await okOf(owner.send('room:create', { name: 'Ada' }));
    const others = await Promise.all(Array.from({ length: 5 }, async () => {
      const c = connect(server.url);
      await c.connected();
      await okOf(c.send('room:resume', { token: grant.token }));
      return c;
    }));
    const all = [owner, ...others];
    const sent = await Promise.all(all.flatMap((c, i) => [0, 1].map((k) => c.send('chat:send', { channel: 'lobby', text: `m${i}.${k}` }))));
    expect(sent.filter((r) => r.ok).length).toBe(3);
    expect(sent.filter((r) => !r.ok && r.error.code === 'rate/limited').length).toBe(9);
    // The seat's bucket outlives a connection that leaves while another stays: still empty.
    others[0].close();
    await new Promise((r) => setTimeout(r, 50));
    expect(await others[1].send('chat:send', { channel: 'lobby', text: 'again' })).toMatchObject({ ok: false, error: { code: 'rate/limited' } });
    expect(server.app.gateway.chatSeats()).toBe(1);
    all.forEach((c) => c.close());
    // The seat's last connection gone, its bucket goes too.
    for (let i = 0; i < 40 && server.app.gateway.chatSeats() > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(server.app.gateway.chatSeats()).toBe(0);
    await server.close();
  });

  it('[H11] rooms created are limited per connection and per address (rate/too-many-rooms)', async () => {
    const server = await startServer({ limits: { ...open, roomsPerMinute: 3, roomsPerMinutePerConnection: 2 } });
    const a = connect(server.url);
    const b = connect(server.url);
    await Promise.all([a.connected(), b.connected()]);
    for (let i = 0; i < 2; i++) {
      await okOf(a.send('room:create', { name: 'Ada' }));
      await okOf(a.send('room:leave', {}));
    }
    expect(await a.send('room:create', { name: 'Ada' })).toMatchObject({ ok: false, error: { code: 'rate/too-many-rooms' } });
    // Another connection from the same address has its own 2, but the address only 1 more.
    await okOf(b.send('room:create', { name: 'Bea' }));
    await okOf(b.send('room:leave', {}));
    expect(await b.send('room:create', { name: 'Bea' })).toMatchObject({ ok: false, error: { code: 'rate/too-many-rooms' } });
    // A refused create made no room; an invalid one costs nothing.
    expect(server.app.registry.size).toBeLessThanOrEqual(3);
    a.close();
    b.close();
    await server.close();
  });

  it('[H11] bots added per address are limited, connections per address too, and the server\'s own bots are exempt', async () => {
    let host!: InProcessBots;
    const server = await startServer({
      limits: { ...open, botsPerMinute: 3, connectionsPerAddress: 2 },
      bots: (app) => (host = new InProcessBots({ url: () => ownUrl(app.http.address()), perRoom: 4, thinkMs: [0, 0], secret: app.internalSecret })),
    });
    const person = connect(server.url);
    await person.connected();
    await okOf(person.send('room:create', { name: 'Ada', settings: { maxSeats: 8 } }));
    for (let i = 0; i < 3; i++) await okOf(person.send('bot:add', {}));
    expect(await person.send('bot:add', {})).toMatchObject({ ok: false, error: { code: 'rate/too-many-bots' } });
    await until(person, () => person.view!.players.filter((p) => p.bot && p.connected).length === 3);

    // Three bots connected from 127.0.0.1, yet the address still has room for one more connection of its own.
    const second = rawSocket(server.url);
    await new Promise<void>((r) => second.once('connect', () => r()));
    const third = rawSocket(server.url);
    const err = await new Promise<Error & { data?: { code: string } }>((r) => third.once('connect_error', r));
    expect(err.data?.code).toBe('rate/too-many-connections');
    third.close();
    // A connection that closes gives its place back.
    second.close();
    await new Promise((r) => setTimeout(r, 100));
    const fourth = rawSocket(server.url);
    await new Promise<void>((r, j) => { fourth.once('connect', () => r()); fourth.once('connect_error', j); });
    fourth.close();
    // A socket presenting a wrong secret is counted like anyone.
    const forged = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { protocol: PROTOCOL_VERSION, internal: 'guess' } });
    const s2 = rawSocket(server.url);
    await new Promise<void>((r) => forged.once('connect', () => r()));
    const refused = await new Promise<Error & { data?: { code: string } }>((r) => s2.once('connect_error', r));
    expect(refused.data?.code).toBe('rate/too-many-connections');
    forged.close();
    s2.close();
    person.close();
    host.close();
    await server.close();
  });

  it('[H11] behind TRUST_PROXY=1 the address is the one the proxy saw, not a forged entry before it', async () => {
    const server = await startServer({ env: { TRUST_PROXY: '1' }, limits: { ...open, connectionsPerAddress: 1 } });
    const via = (xff: string) => io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { protocol: PROTOCOL_VERSION }, extraHeaders: { 'x-forwarded-for': xff } });
    const outcome = (s: ReturnType<typeof via>) => new Promise<string>((r) => { s.once('connect', () => r('connected')); s.once('connect_error', (e: Error & { data?: { code: string } }) => r(e.data?.code ?? e.message)); });
    const ada = via('203.0.113.7');
    expect(await outcome(ada)).toBe('connected');
    // Another client behind the same proxy has an address of its own.
    const bea = via('203.0.113.8');
    expect(await outcome(bea)).toBe('connected');
    // Ada again, with a made-up entry in front: the proxy's entry (the last one) is what counts.
    const again = via('198.51.100.1, 203.0.113.7');
    expect(await outcome(again)).toBe('rate/too-many-connections');
    for (const s of [ada, bea, again]) s.close();
    await server.close();
  });
});
