import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type * as Parser from 'socket.io-parser';
import { EventEncoder, Outgoing } from '../../server/net/wire.ts';
import { WerewolfClient } from '../../client/sdk/index.ts';
import { seatPlayers } from '../helpers/players.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const parser = createRequire(import.meta.url)('socket.io-parser') as typeof Parser;
/** What Socket.IO's own encoder writes for an event to the main namespace. */
const stock = (event: string, payload: unknown) => (new parser.Encoder().encode({ type: parser.PacketType.EVENT, nsp: '/', data: [event, payload] }) as string[])[0];

describe('the pre-encoded events (server/net/wire.ts)', () => {
  it('writes exactly the text of the stock encoder, shared parts and all', () => {
    const enc = new EventEncoder();
    const vote = { open: true, voted: [1, 2], tally: { '3': 2 } };
    const players = [{ seat: 0, name: 'Zoë "Z" \u2028', alive: true, role: undefined }];
    const payloads: [string, unknown][] = [
      ['room:update', { roomId: 'r1', serverTime: 1.5, version: 4, changes: { vote, players, phase: 'vote', gone: null, absent: undefined } }],
      ['room:update', { roomId: 'r1', serverTime: 1.5, version: 9, changes: { vote, players, you: { seat: 3, prompt: { kind: 'vote', targets: [0, 1] } } } }],
      ['room:update', { roomId: 'r1', serverTime: 2, version: 1, changes: {} }],
      ['room:state', { roomId: 'r1', code: 'ABC', spectators: 0, serverTime: 3, view: { phase: 'day', vote, players, version: 7, deadline: null, when: new Date(0) } }],
      ['chat:message', { roomId: 'r1', message: { id: 1, channel: 'lobby', text: 'hi\n</script>', seat: 2 } }],
      ['room:notice', { roomId: 'r1', code: 'afk/warning', message: 'You missed a vote.' }],
      ['room:closed', { roomId: 'r1', reason: 'x', extra: [undefined, NaN, () => 1] }],
      ['room:update', { roomId: 'r1', changes: undefined, view: null }],
      ['room:update', { roomId: 'r1', changes: { toJSON: () => ({ swapped: true }) }, view: [vote] }],
      ['room:notice', undefined],
    ];
    for (const [event, payload] of payloads) expect(enc.encode(event, payload)).toBe(stock(event, payload));
    // The second time a part is met in the tick its JSON comes from the cache: still the same text.
    for (const [event, payload] of payloads) expect(enc.encode(event, payload)).toBe(stock(event, payload));
    enc.clear();
    expect(enc.encode(...payloads[0])).toBe(stock(...payloads[0]));
  });
});

describe('the websocket frame of an event', () => {
  it('is read by ws as the one text message engine.io would send, at every length header (7, 16 and 64 bits) and in UTF-8', async () => {
    const { Receiver } = createRequire(import.meta.url)('ws') as { Receiver: new (o: object) => NodeJS.WritableStream & { on(e: 'message', f: (d: Buffer, bin: boolean) => void): void } };
    for (const n of [3, 60, 200, 40_000, 70_000]) {
      const text = stock('chat:message', { text: 'é€😀'.repeat(n / 3) + 'x'.repeat(n % 3) });
      const rx = new Receiver({ isServer: false });
      const got = new Promise<[string, boolean]>((resolve) => rx.on('message', (d, bin) => resolve([d.toString('utf8'), bin])));
      rx.write(new Outgoing(text).wsFrame());
      expect(await got).toEqual([`4${text}`, false]);
    }
  });
});

describe('update and ack in one write (server/net/wire.ts)', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startServer(); });
  afterAll(async () => { await server.close(); });

  it('the host changing a setting gets its update, then its ack, in one socket write; the others get the update', async () => {
    const { clients } = await seatPlayers(server.url, 5);
    const [host, other] = clients;
    // The host's connection as the server holds it, down to its TCP socket.
    const sockets = [...server.app.io.of('/').sockets.values()];
    const hostSide = sockets.find((s) => s.id === host.socket.id)!;
    const tcp = (hostSide.conn as unknown as { transport: { socket: { _socket: Record<'_write' | '_writev', (...a: unknown[]) => unknown> } } }).transport.socket._socket;
    let writes = 0;
    for (const m of ['_write', '_writev'] as const) {
      const orig = tcp[m];
      tcp[m] = function (this: unknown, ...a: unknown[]) { writes++; return orig.apply(this, a); };
    }
    // The last joiner's presence update may still be on its way: let it land first.
    await new Promise((r) => setTimeout(r, 200));
    const order: string[] = [];
    host.socket.on('room:update', () => order.push('update'));
    const seen = new Promise<void>((resolve) => other.socket.on('room:update', (p) => { if (p.changes.settings?.name === 'Renamed') resolve(); }));
    for (let i = 0; i < 3; i++) {
      writes = 0;
      order.length = 0;
      const ack = await host.send('room:settings', { patch: { name: i % 2 ? 'Again' : 'Renamed' } } as never);
      order.push('ack');
      expect(ack.ok).toBe(true);
      expect(order).toEqual(['update', 'ack']);
      expect(writes).toBe(1);
      expect(host.view!.settings.name).toBe(i % 2 ? 'Again' : 'Renamed');
    }
    await seen;
    for (const c of clients) c.socket.disconnect();
  });

  it('a client on HTTP long-polling (no websocket: the stock engine.io path) gets the same updates, in order', async () => {
    const { clients, roomId } = await seatPlayers(server.url, 4);
    const polling = new WerewolfClient(server.url, { socket: { transports: ['polling'], forceNew: true } });
    await polling.connected();
    await polling.request('room:join', { roomId, name: 'Poll' });
    const versions: number[] = [];
    polling.socket.on('room:update', (p) => versions.push(p.version));
    for (const name of ['One', 'Two', 'Three']) expect((await clients[0].send('room:settings', { patch: { name } } as never)).ok).toBe(true);
    const until = Date.now() + 5000;
    while (polling.view?.settings.name !== 'Three' && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(polling.view?.settings.name).toBe('Three');
    expect(versions.length).toBeGreaterThanOrEqual(3);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    for (const c of [...clients, polling]) c.socket.disconnect();
  });
});
