import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../../client/bot/bot.ts';
import { FAST_DURATIONS } from '../../client/bot/match.ts';
import { smart } from '../../client/bot/strategies/index.ts';
import { InProcessBots, ownUrl } from '../../server/bots/host.ts';
import { connect } from '../helpers/players.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { until } from '../helpers/bots/seats.ts';

let server: TestServer;
let host: InProcessBots;
beforeAll(async () => {
  server = await startServer({ bots: (app) => (host = new InProcessBots({ url: () => ownUrl(app.http.address()), perRoom: 4, thinkMs: [0, 0] })) });
});
afterAll(async () => { host.close(); await server.close(); });

describe('bot:add and bot:remove', () => {
  it('the host fills seats with server bots up to the limit, removes one in the lobby, and they play a game', async () => {
    const person = await Bot.connect(server.url, { strategy: smart, seed: 1 });
    const guest = connect(server.url);
    try {
      const grant = await person.create('Ada', { maxSeats: 8, durations: FAST_DURATIONS });
      await guest.connected();
      await guest.request('room:join', { roomId: grant.roomId, name: 'Bea' });
      expect(await guest.send('bot:add', {})).toMatchObject({ ok: false, error: { code: 'host/only' } });

      const seats: number[] = [];
      for (let i = 0; i < 4; i++) seats.push((await person.client.request('bot:add', { strategy: i % 2 ? 'random' : 'smart' })).seat);
      expect(await person.client.send('bot:add', {})).toMatchObject({ ok: false, error: { code: 'room/full' } });
      await until(person, () => person.view!.players.filter((p) => p.bot && p.connected).length === 4);
      expect(host.size).toBe(4);

      expect(await person.client.send('bot:remove', { seat: 1 })).toMatchObject({ ok: false, error: { code: 'seat/not-bot' } });
      await person.client.request('bot:remove', { seat: seats[3] });
      await until(person, () => person.view!.players.length === 5);
      expect(person.view!.players.some((p) => p.seat === seats[3])).toBe(false);
      expect(host.size).toBe(3);

      // The guest leaves too: a game of the host and three server bots, plus one more bot.
      await guest.request('room:leave', {});
      await person.client.request('bot:add', {});
      await until(person, () => person.view!.players.length === 5 && person.view!.players.every((p) => p.connected));
      const over = person.gameOver(60_000);
      await person.client.request('game:start', {});
      await until(person, () => person.view!.phase === 'night');
      // During a game a bot stays in its seat.
      expect(await person.client.send('bot:remove', { seat: seats[0] })).toMatchObject({ ok: false, error: { code: 'room/started' } });
      expect((await over).winner).toBeTruthy();
      expect(person.errors.map((e) => e.message)).toEqual([]);
    } finally {
      person.close();
      guest.close();
    }
  }, 60_000);

  it('[H11.3] the room\'s record keeps which seats the server\'s bots hold and their strategy; an outside bot:true seat is not among them', async () => {
    const person = await Bot.connect(server.url, { strategy: smart, seed: 2 });
    const outsider = connect(server.url);
    try {
      const grant = await person.create('Cleo', { maxSeats: 8 });
      const r = (await person.client.request('bot:add', { strategy: 'random' })).seat;
      const s = (await person.client.request('bot:add', { strategy: 'smart' })).seat;
      await outsider.connected();
      const out = (await outsider.request('room:join', { roomId: grant.roomId, name: 'Outside', bot: true })).seat;
      const room = server.app.registry.get(grant.roomId)!;
      expect(room.record.hostedBots).toEqual({ [r]: 'random', [s]: 'smart' });
      expect(room.context.players.find((p) => p.seat === out)?.bot).toBe(true);
      await person.client.request('bot:remove', { seat: r });
      await until(person, () => !person.view!.players.some((p) => p.seat === r));
      expect(room.record.hostedBots).toEqual({ [s]: 'smart' });
    } finally {
      person.close();
      outsider.close();
    }
  }, 30_000);
});
