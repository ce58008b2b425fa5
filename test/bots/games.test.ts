import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playMatch } from '../../client/bot/match.ts';
import { dayAct, type Strategy } from '../../client/bot/decision.ts';
import { random, smart } from '../../client/bot/strategies/index.ts';
import type { DayAction } from '../../shared/views.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

describe('bots over real sockets', () => {
  it('play whole games for every default role set without a protocol error', async () => {
    const sizes = [5, 7, 9, 11, 13, 20];
    const results = await Promise.all(sizes.map((players, i) => playMatch({ url: server.url, players, strategy: smart, seed: 40 + i, timeoutMs: 60_000 })));
    for (const [i, r] of results.entries()) {
      expect(['village', 'wolves', 'tanner', 'lovers', 'nobody'], `${sizes[i]} players`).toContain(r.winner);
      expect(r.errors.map((e) => e.message)).toEqual([]);
      expect(r.days).toBeGreaterThan(0);
    }
  }, 80_000);

  it('bots with the village roles, the mayor and the pacifist play whole games, day actions included, without a protocol error', async () => {
    const roles = { werewolf: 2, seer: 1, elder: 1, 'village-idiot': 1, mason: 2, cursed: 1, pacifist: 1, 'little-girl': 1, mayor: 1 };
    // One table takes every day action at once, so some day:act surely crosses the sockets.
    const eager: Strategy = (view, turn) => [...(view.you?.dayActions ?? []).map((a) => dayAct({ kind: a.kind } as DayAction)), ...smart(view, turn)];
    const runs = [smart, smart, random, eager].map((strategy, i) => playMatch({ url: server.url, players: 12, strategy, seed: 70 + i, settings: { roles }, timeoutMs: 60_000 }));
    let acts = 0;
    for (const r of await Promise.all(runs)) {
      expect(r.errors.map((e) => e.message)).toEqual([]);
      expect(r.winner).toBeTruthy();
      acts += r.timeline.filter((e) => e.kind === 'act').length;
    }
    // day:act went over the sockets and was applied.
    expect(acts).toBeGreaterThan(0);
  }, 80_000);

  it('random bots play a whole game too', async () => {
    const r = await playMatch({ url: server.url, players: 6, strategy: random, seed: 3, timeoutMs: 60_000 });
    expect(r.errors.map((e) => e.message)).toEqual([]);
    expect(r.winner).toBeTruthy();
  }, 60_000);
});
