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
import { Indices } from '../../server/aiwolf/roles.ts';
import { Listing, speechOf } from '../../server/aiwolf/speech.ts';
import { print } from '../../server/aiwolf/talk.ts';
import { aiwolfRoles } from '../../server/aiwolf/village.ts';
import type { Talk } from '../../shared/talk.ts';

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
 * A scripted person: answers every prompt at random, and each day says one talk structure (the
 * browser's quick-talk: whom it votes for) and one line of free text before declaring ready.
 * Records every view it got.
 */
function person(c: WerewolfClient, views: GameView[], said: Talk[], botSeat: () => number): Promise<void> {
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
        const target = d.pick(other).seat;
        for (const talk of [{ kind: 'vote', seat: target }, { kind: 'accuse', seat: target }] satisfies Talk[]) {
          said.push(talk);
          await c.send('chat:send', { channel: 'day', talk });
        }
        // Give our bot the time to speak (its lines are paced a second apart), a few seconds at most.
        for (let i = 0; i < 80 && c.view!.players.find((p) => p.seat === botSeat())?.alive && !c.view!.chat.some((m) => m.channel === 'day' && m.seat === botSeat() && m.talk && m.talk.kind !== 'agree' && m.talk.kind !== 'disagree'); i++) await new Promise((r) => setTimeout(r, 100));
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
    await host.request('room:create', { name: 'Ada', settings: { maxSeats: 5, roles: aiwolfRoles(5), reveal: 'none', tieRule: 'revote-random', durations: { night: 20, dawn: 1, day: 40, vote: 20, execution: 1, hunter: 5 } } });
    const { seat: botSeat } = await host.request('bot:add', { strategy: 'smart' });
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
    const said: Talk[] = [];
    const over = person(host, views, said, () => botSeat);
    await host.request('game:start', {});
    await Promise.race([over, new Promise((_, rej) => setTimeout(() => rej(new Error('no game over')), 90_000))]);
    await until(() => agents.every((a) => a.finished), 5000);

    for (const a of agents) {
      expect(a.problems, a.b.name).toEqual([]);
      expect(leaks(a), a.b.name).toEqual([]);
    }
    expect(shapeProblems(lines)).toEqual([]);
    // Everyone's Agent index, as the bridge gives them (one place: Indices).
    const last = views.at(-1)!;
    const ix = new Indices(last);
    const speech = speechOf(ix, Object.keys(aiwolfRoles(5)), new Listing());
    const me = views[0].you!.seat;
    const heard = agents[0].lines.flatMap((l) => JSON.parse(l).talkHistory ?? []) as { agent: number; text: string }[];
    // The person's talk reached the agents as sentences under the person's index; the free text did not.
    // (The deal is the room's own random one: a person killed on the first night never spoke, and
    // then nothing made our bot wait to speak either; only the checks on what was said apply.)
    const spoke = said.length > 0;
    if (spoke) expect(heard.filter((t) => t.agent === ix.of(me)).map((t) => t.text)).toEqual(expect.arrayContaining([print(said[0], speech), print(said[1], speech)]));
    if (spoke) expect(print(said[1], speech)).toMatch(/^ESTIMATE Agent\[\d\d\] WEREWOLF$/);
    expect(heard.some((t) => /bad feeling/.test(t.text))).toBe(false);
    // Our smart bot's talk reached them too, as sentences under its index (the structures that have an AIWolf form).
    const bot = last.players.find((p) => p.seat === botSeat)!;
    // Talk said in the day phase, that is before the agents' DAILY_FINISH (AIWolf has no talk after it).
    const inDay = new Set(views.filter((v) => v.phase === 'day').flatMap((v) => v.chat.filter((m) => m.channel === 'day').map((m) => m.id)));
    const botTalk = last.chat.filter((m) => m.channel === 'day' && m.seat === bot.seat && inDay.has(m.id) && m.talk && !['agree', 'disagree'].includes(m.talk.kind)).map((m) => print(m.talk!, speech)).filter((x) => x !== null);
    const botHeard = heard.filter((t) => t.agent === ix.of(bot.seat)).map((t) => t.text);
    // (Likewise a bot killed on the first night never spoke.)
    const botDay1 = views.some((v) => v.phase === 'day' && v.day === 1 && v.players.find((p) => p.seat === botSeat)?.alive);
    if (spoke && botDay1) expect(botTalk.length, JSON.stringify(last.chat.filter((m) => m.seat === botSeat))).toBeGreaterThan(0);
    for (const t of botTalk) expect(botHeard).toContain(t);
    // The agents' sentences reached the person as talk structures spoken in words, with names and no index.
    const fromAgents = last.chat.filter((m) => m.channel === 'day' && m.seat !== me && m.seat !== bot.seat);
    expect(fromAgents.length).toBeGreaterThan(0);
    const name = (s: number) => last.players.find((p) => p.seat === s)!.name;
    for (const m of fromAgents) {
      expect(m.talk, m.text).toBeDefined();
      expect(m.text).not.toMatch(/Agent\[|\bVOTE\b|\bDIVINED\b|\bAGREE\b/);
      if (m.talk!.kind === 'vote' && m.talk!.seat !== m.seat) expect(m.text).toContain(name(m.talk!.seat as number));
    }
    // The person never saw another seat's role, the record or the pack's chat while the game ran.
    for (const v of views.filter((x) => x.phase !== 'over')) {
      expect(v.players.filter((p) => p.seat !== me && p.role !== undefined)).toEqual([]);
      expect(v.secrets).toBeUndefined();
      if (v.you?.role !== 'werewolf') expect(v.chat.filter((m) => m.channel === 'wolves')).toEqual([]);
      // Dealt the possessed, the person does not know the wolves (R101); only a medium hears of the executed.
      if (v.you?.role === 'possessed') expect(v.you.pack ?? []).toEqual([]);
      if (v.you?.role !== 'medium') expect(v.you?.mediumResults).toBeUndefined();
    }
  }, 100_000);
});
