import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, vote, type Strategy } from '../../client/bot/decision.ts';
import { smart } from '../../client/bot/strategies/index.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { botRoom, until } from '../helpers/bots/seats.ts';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

describe('acting outside the turn', () => {
  it('the server refuses it with an error ack, and the bot plays on', async () => {
    // Seat 1 wants to vote and to kill whenever it is not its turn to; its brain must keep that in.
    const eager: Strategy = (view, turn) => {
      const kind = view.you?.prompt?.kind;
      return [...(kind !== 'vote' ? [vote(0)] : []), ...(kind !== 'wolf' ? [act({ kind: 'wolf', target: 0 })] : []), ...smart(view, turn)];
    };
    const { bots } = await botRoom(server.url, 5, (i) => (i === 1 ? eager : smart));
    try {
      const host = bots[0];
      const over = host.gameOver(60_000);
      await host.client.request('game:start', {});
      await until(host, () => host.view?.phase === 'night');
      // Straight through the SDK, out of turn: refused with its code, nothing crashes.
      const res = await bots[2].client.send('vote:cast', { target: 0 });
      expect(res).toMatchObject({ ok: false, error: { code: 'phase/wrong' } });
      const bad = await bots[2].client.send('night:act', { action: { kind: 'cupid', targets: [0, 0] } });
      expect(bad.ok).toBe(false);
      expect((await over).winner).toBeTruthy();
      // The eager bot's brain kept its out-of-turn wishes to itself: no refusal came back.
      expect(bots.flatMap((b) => b.errors.map((e) => e.message))).toEqual([]);
    } finally {
      for (const b of bots) b.close();
    }
  }, 60_000);

  it('a refusal the view does not explain is reported as a protocol error', async () => {
    // In its turn, this seer names itself, which the rules forbid (R23).
    const selfish: Strategy = (view, turn) => {
      const p = view.you?.prompt;
      return p?.kind === 'seer' ? [act({ kind: 'seer', target: view.you!.seat })] : smart(view, turn);
    };
    const { bots } = await botRoom(server.url, 5, () => selfish);
    try {
      const seer = new Promise<string>((resolve) => { for (const b of bots) b.on('error', (e) => resolve(e.code)); });
      await bots[0].client.request('game:start', {});
      expect(await seer).toBe('action/invalid-target');
      expect(bots.some((b) => b.client.socket.connected && b.view?.phase === 'night')).toBe(true);
    } finally {
      for (const b of bots) b.close();
    }
  }, 20_000);
});
