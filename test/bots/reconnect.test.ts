import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { botRoom, until } from '../helpers/bots/seats.ts';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

describe('a bot whose connection drops', () => {
  it('comes back to its seat mid-game and plays on to the end', async () => {
    const { bots } = await botRoom(server.url, 7);
    try {
      const host = bots[0];
      const dropper = bots[3];
      const over = host.gameOver(60_000);
      await host.client.request('game:start', {});
      await until(host, () => host.view?.phase === 'day' || host.view?.phase === 'over');
      const seat = dropper.seat!;
      const token = dropper.client.token;
      const states: string[] = [];
      dropper.client.on('connection', (s) => states.push(s));
      // Cut the transport as a network failure would: socket.io-client reconnects on its own.
      dropper.client.socket.io.engine.close();
      await until(dropper, () => states.includes('connected') && dropper.client.socket.connected);
      await until(host, () => host.view!.players[seat].connected);
      expect(dropper.seat).toBe(seat);
      expect(dropper.client.token).toBe(token);
      expect(states).toEqual(['reconnecting', 'connected']);
      const outcome = await over;
      expect(outcome.winner).toBeTruthy();
      expect(bots.flatMap((b) => b.errors.map((e) => e.message))).toEqual([]);
      // It kept playing: after the drop its seat still answered every vote it was alive for.
      const missed = host.view!.players[seat].death?.cause === 'afk';
      expect(missed).toBe(false);
    } finally {
      for (const b of bots) b.close();
    }
  }, 60_000);
});
