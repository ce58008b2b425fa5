import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AiwolfBridge } from '../../server/aiwolf/bridge.ts';
import { withAiwolf } from '../../server/aiwolf/host.ts';
import { InProcessBots, ownUrl } from '../../server/bots/host.ts';
import type { WerewolfClient } from '../../client/sdk/index.ts';
import type { GameView } from '../../shared/views.ts';
import { answer, connect } from '../helpers/players.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Dice } from '../helpers/sim.ts';
import { dice, TestAgent } from '../helpers/aiwolf/agent.ts';
import { leaks } from '../helpers/aiwolf/secrets.ts';
import { shapeProblems } from '../helpers/aiwolf/shapes.ts';

let server: TestServer;
let bridge: AiwolfBridge;
let port: number;
const lines: string[] = [];
beforeAll(async () => {
  bridge = new AiwolfBridge({ url: () => server.url, port: 0, random: dice(21), trace: (_c, dir, line) => { if (dir === 's2a') lines.push(line); } });
  port = await bridge.listen();
  server = await startServer({ bots: (app) => withAiwolf(new InProcessBots({ url: () => ownUrl(app.http.address()), perRoom: 4, thinkMs: [0, 0] }), bridge) });
});
afterAll(async () => { await bridge.close(); await server.close(); });

const until = async (cond: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; !cond(); ) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/**
 * A scripted person: answers every prompt at random, and each day says one AIWolf sentence and
 * one line of free text before declaring ready. Records every view it got.
 */
function person(c: WerewolfClient, views: GameView[], said: string[]): Promise<void> {
  const d = new Dice(5);
  const done = new Set<string>();
  let busy = false;
  const act = async () => {
    const v = c.view;
    const prompt = v?.you?.prompt;
    if (!v || !prompt || busy) return;
    const key = `${v.phaseId}:${prompt.kind}:${v.vote?.round ?? 0}`;
    if (done.has(key)) return;
    done.add(key);
    busy = true;
    try {
      if (prompt.kind === 'ready' && !prompt.done) {
        const other = v.players.filter((p) => p.alive && p.seat !== v.you!.seat);
        const sentence = `VOTE Agent[${String(d.pick(other).seat + 1).padStart(2, '0')}]`;
        said.push(sentence);
        await c.send('chat:send', { channel: 'day', text: sentence });
        await c.send('chat:send', { channel: 'day', text: 'I have a bad feeling about this' });
      }
      await answer(c, v, d);
    } finally { busy = false; }
    void act();
  };
  return new Promise((resolve) => {
    c.on('state', (s) => { views.push(s.view); if (s.view.phase === 'over') resolve(); else void act(); });
  });
}

describe('a room of AIWolf agents, one of our bots and a person', () => {
  it('the host opens seats to agents with bot:add aiwolf; the game finishes; nobody learns a secret', async () => {
    const agents = [0, 1, 2].map((i) => new TestAgent(port, { name: `mix${i}` }, dice(30 + i)));
    await until(() => bridge.waiting === 3, 5000);
    const host = connect(server.url);
    await host.connected();
    // hello tells the browser that the bridge listens, so it offers "let AIWolf agents take N seats".
    await until(() => host.botStrategies.length > 0, 5000);
    expect(host.botStrategies).toEqual(['random', 'smart', 'aiwolf']);
    await host.request('room:create', { name: 'Ada', settings: { maxSeats: 5, roles: { werewolf: 1, seer: 1 }, reveal: 'none', durations: { night: 20, dawn: 1, day: 40, vote: 20, execution: 1, hunter: 5 } } });
    await host.request('bot:add', { strategy: 'smart' });
    for (let i = 0; i < 3; i++) await host.request('bot:add', { strategy: 'aiwolf' });
    // No agent left waiting: a fourth seat is refused.
    const none = await host.send('bot:add', { strategy: 'aiwolf' });
    expect(none.ok ? null : none.error.code).toBe('room/full');
    // Removed before the game, an agent stands up and waits again; the next bot:add seats it.
    const seat = host.view!.players.at(-1)!.seat;
    await host.request('bot:remove', { seat });
    await until(() => bridge.waiting === 1 && host.view!.players.length === 4, 5000);
    await host.request('bot:add', { strategy: 'aiwolf' });
    expect(bridge.waiting).toBe(0);
    const views: GameView[] = [];
    const said: string[] = [];
    const over = person(host, views, said);
    await host.request('game:start', {});
    await Promise.race([over, new Promise((_, rej) => setTimeout(() => rej(new Error('no game over')), 90_000))]);
    await until(() => agents.every((a) => a.finished), 5000);

    for (const a of agents) {
      expect(a.problems, a.b.name).toEqual([]);
      expect(leaks(a), a.b.name).toEqual([]);
    }
    expect(shapeProblems(lines)).toEqual([]);
    // The person's AIWolf sentences reached the agents under the person's index; the free text did not.
    const heard = agents[0].lines.flatMap((l) => JSON.parse(l).talkHistory ?? []);
    expect(heard.filter((t: { agent: number }) => t.agent === 1).map((t: { text: string }) => t.text)).toEqual(expect.arrayContaining(said.slice(0, 1)));
    expect(heard.some((t: { text: string }) => /bad feeling/.test(t.text))).toBe(false);
    // The agents' talk reached the person as chat.
    const chat = views.at(-1)!.chat.filter((m) => m.channel === 'day' && m.seat >= 2);
    expect(chat.length).toBeGreaterThan(0);
    // The person never saw another seat's role, the record or the pack's chat while the game ran.
    const me = views[0].you!.seat;
    for (const v of views.filter((x) => x.phase !== 'over')) {
      expect(v.players.filter((p) => p.seat !== me && p.role !== undefined)).toEqual([]);
      expect(v.secrets).toBeUndefined();
      if (v.you?.role !== 'werewolf') expect(v.chat.filter((m) => m.channel === 'wolves')).toEqual([]);
    }
  }, 100_000);
});
