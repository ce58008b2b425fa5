import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AiwolfBridge, type BridgeOptions } from '../../server/aiwolf/bridge.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { type AgentBehaviour, dice, TestAgent } from '../helpers/aiwolf/agent.ts';
import { leaks } from '../helpers/aiwolf/secrets.ts';
import { captured, shapeProblems } from '../helpers/aiwolf/shapes.ts';
import { hasCaptures } from '../../scripts/aiwolf-shapes.ts';
import { sized } from '../helpers/size.ts';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

async function play(players: number, seed: number, behave: (i: number) => Partial<AgentBehaviour> = () => ({}), extra: Partial<BridgeOptions> = {}) {
  const trace: { conn: number; dir: string; line: string; t?: number }[] = [];
  const bridge = new AiwolfBridge({ url: () => server.url, port: 0, players, random: dice(seed), trace: (conn, dir, line) => trace.push({ conn, dir, line, t: Date.now() }), ...extra });
  const port = await bridge.listen();
  const rand = dice(seed + 1);
  const agents: TestAgent[] = [];
  // Who sits in the bridge's rooms, as the server holds them (read while they exist: they close when over).
  const seated = new Map<string, { name: string; bot: boolean; host: boolean }>();
  const watch = setInterval(() => {
    for (const r of server.app.registry.all()) for (const p of r.context.players) seated.set(`${r.id}/${p.seat}`, { name: p.name, bot: p.bot, host: r.context.host === p.seat });
  }, 50);
  // One at a time, as the reference's agents start.
  for (let i = 0; i < players; i++) {
    const a = new TestAgent(port, { name: `test${String(i + 1).padStart(2, '0')}`, ...behave(i) }, rand);
    agents.push(a);
    await new Promise((r) => setTimeout(r, 5));
  }
  try {
    await Promise.race([Promise.all(agents.map((a) => a.done)), new Promise((_, rej) => setTimeout(() => rej(new Error('game did not finish')), 90_000))]);
  } finally {
    clearInterval(watch);
    if (process.env.AIWOLF_TRACE) (await import('node:fs')).writeFileSync(process.env.AIWOLF_TRACE, trace.map((t) => JSON.stringify(t)).join('\n'));
  }
  await bridge.close();
  return { agents, trace, seated: [...seated.values()] };
}

describe('AIWolf agents through the bridge', () => {
  it('five agents play a whole game: every packet passes the client libraries\' checks', async () => {
    const { agents, trace, seated } = await play(5, 7);
    // The agent that opened the room hosts it and, like the others, shows as a bot (room:create { bot }).
    expect(seated.map((p) => p.bot)).toEqual([true, true, true, true, true]);
    expect(seated.filter((p) => p.host)).toHaveLength(1);
    for (const a of agents) {
      expect(a.problems).toEqual([]);
      expect(a.finished, a.b.name).not.toBeNull();
    }
    // AIWolf's 5-player village (server/aiwolf/village.ts).
    const roles = agents[0].finished!.roleMap;
    expect(Object.values(roles).sort()).toEqual(['POSSESSED', 'SEER', 'VILLAGER', 'VILLAGER', 'WEREWOLF']);
    for (const a of agents) expect(leaks(a), a.b.name).toEqual([]);
    // The possessed was told POSSESSED and nobody else's role, in every packet before FINISH.
    const possessed = agents.find((a) => a.finished!.roleMap[String(a.me)] === 'POSSESSED')!;
    for (const p of possessed.lines.map((l) => JSON.parse(l)).filter((p) => p.gameInfo && p.request !== 'FINISH')) {
      expect(p.gameInfo.roleMap).toEqual({ [String(possessed.me)]: 'POSSESSED' });
    }
    expect(possessed.setting!.roleNumMap).toMatchObject({ SEER: 1, POSSESSED: 1, WEREWOLF: 1, VILLAGER: 2, MEDIUM: 0, BODYGUARD: 0 });
    expect(possessed.setting!.maxRevote).toBe(1);
    // Agents' sentences came back to every agent as the same sentences, in one order.
    const said = (a: TestAgent) => a.lines.flatMap((l) => JSON.parse(l).talkHistory ?? []).map((t: { day: number; idx: number; agent: number; text: string }) => `${t.day}/${t.idx} ${t.agent} ${t.text}`);
    const alive = agents.filter((a) => a.finished!.statusMap[String(a.me)] === 'ALIVE');
    expect(said(alive[0]).length).toBeGreaterThan(0);
    expect(said(alive[0]).some((t) => / (AGREE|DISAGREE) TALK day\d+ ID:\d+$/.test(t))).toBe(true);
    expect(shapeProblems(trace.filter((t) => t.dir === 's2a').map((t) => t.line))).toEqual([]);
  }, 70_000);

  let fifteen: TestAgent[] = [];
  it('fifteen agents play a whole game: the medium hears of the executed, wolves whisper and attack together, the bodyguard guards', async () => {
    const { agents, trace } = await play(15, 11);
    fifteen = agents;
    for (const a of agents) {
      expect(a.problems, a.b.name).toEqual([]);
      expect(a.finished, a.b.name).not.toBeNull();
      expect(leaks(a), a.b.name).toEqual([]);
    }
    expect(shapeProblems(trace.filter((t) => t.dir === 's2a').map((t) => t.line))).toEqual([]);
    const requests = new Set(agents.flatMap((a) => a.lines.map((l) => JSON.parse(l).request)));
    expect([...requests].sort()).toEqual(['ATTACK', 'DAILY_FINISH', 'DAILY_INITIALIZE', 'DIVINE', 'FINISH', 'GUARD', 'INITIALIZE', 'NAME', 'ROLE', 'TALK', 'VOTE', 'WHISPER']);
    const roles = Object.values(agents[0].finished!.roleMap as Record<string, string>);
    expect(roles.filter((r) => r === 'WEREWOLF')).toHaveLength(3);
    expect(roles.sort()).toEqual(['BODYGUARD', 'MEDIUM', 'POSSESSED', 'SEER', ...Array(8).fill('VILLAGER'), 'WEREWOLF', 'WEREWOLF', 'WEREWOLF']);
    // The medium's results came in her packets only (leaks() above): each morning she lives after an
    // execution, dated the day told, about yesterday's executed, read as the seer would; else null.
    // (The room deals at random: a medium killed on the first night has no mornings to check.)
    const medium = agents.find((a) => a.finished!.roleMap[String(a.me)] === 'MEDIUM')!;
    const mornings = medium.lines.map((l) => JSON.parse(l)).filter((p) => p.request === 'DAILY_INITIALIZE').map((p) => p.gameInfo);
    // (She learns at dawn before the night's deaths, R100: killed that night, she still has it.)
    for (const g of mornings) {
      const expected = { agent: medium.me, day: g.day, result: medium.finished!.roleMap[String(g.executedAgent)] === 'WEREWOLF' ? 'WEREWOLF' : 'HUMAN', target: g.executedAgent };
      if (g.executedAgent === -1) expect(g.mediumResult, `day ${g.day}`).toBeNull();
      else if (g.mediumResult || g.statusMap[String(medium.me)] === 'ALIVE') expect(g.mediumResult, `day ${g.day}`).toEqual(expected);
    }
    // She reports what she was told when she is next asked to talk (not when she died that night, or the game ended at dawn).
    const packets: { request: string; gameInfo?: { mediumResult: unknown } }[] = medium.lines.map((l) => JSON.parse(l));
    const askedToTalkAfter = (i: number) => {
      for (const q of packets.slice(i + 1)) {
        if (q.request === 'TALK') return true;
        if (q.request === 'DAILY_INITIALIZE' || q.request === 'FINISH') return false;
      }
      return false;
    };
    const told = packets.filter((p, i) => p.request === 'DAILY_INITIALIZE' && p.gameInfo?.mediumResult && askedToTalkAfter(i)).length;
    if (told) expect(medium.replies.some((r) => r.request === 'TALK' && /^IDENTIFIED Agent\[\d\d\] (HUMAN|WEREWOLF)$/.test(r.reply))).toBe(true);
    // The bodyguard was asked GUARD and was told whom it guarded.
    const guard = agents.find((a) => a.finished!.roleMap[String(a.me)] === 'BODYGUARD')!;
    const guarded = guard.lines.map((l) => JSON.parse(l)).filter((p) => p.gameInfo && p.gameInfo.guardedAgent !== -1);
    if (guard.replies.filter((r) => r.request === 'GUARD').length > 1) expect(guarded.length).toBeGreaterThan(0);
    // Whispers reached the wolves, in the same order for each of them.
    const wolves = agents.filter((a) => a.finished!.roleMap[String(a.me)] === 'WEREWOLF');
    const heard = wolves.map((w) => w.lines.flatMap((l) => JSON.parse(l).whisperHistory ?? []).map((t: { day: number; idx: number; text: string }) => `${t.day}/${t.idx} ${t.text}`));
    expect(heard[0].length).toBeGreaterThan(0);
    // A split pack was asked once more, with the first round's picks.
    const revotes = agents.flatMap((a) => a.lines.map((l) => JSON.parse(l))).filter((p) => p.request === 'ATTACK' && p.gameInfo?.latestAttackVoteList.length);
    expect(revotes.length).toBeGreaterThan(0);
  }, 120_000);

  // The 15-player capture holds the possessed's first packets (AIWOLF.md, 15 players, Agent[03]).
  it.runIf(hasCaptures())('the possessed\'s INITIALIZE and day-0 DAILY_INITIALIZE are the captured possessed\'s, but for its index and the seed', () => {
    const possessed = fifteen.find((a) => a.finished?.roleMap[String(a.me)] === 'POSSESSED')!;
    expect(possessed).toBeDefined();
    const ours = possessed.lines.map((l) => JSON.parse(l));
    for (const request of ['INITIALIZE', 'DAILY_INITIALIZE']) {
      const theirs = structuredClone(captured()!.find((c) => c.request === request && (c.packet.gameInfo as { roleMap: Record<string, string> }).roleMap['3'] === 'POSSESSED')!.packet) as Record<string, any>;
      const mine = ours.find((p) => p.request === request)!;
      theirs.gameInfo.agent = possessed.me;
      theirs.gameInfo.roleMap = { [String(possessed.me)]: 'POSSESSED' };
      if (theirs.gameSetting) theirs.gameSetting.randomSeed = mine.gameSetting.randomSeed;
      expect(mine, request).toEqual(theirs);
    }
  });

  it('an agent that answers nonsense plays on Skip and random choices; a silent one is dropped and idles out, and the game still ends', async () => {
    const { agents, trace } = await play(5, 5, (i) => (i === 1 ? { silent: true } : i === 3 ? { garbage: true } : {}), {
      // The dropped seat waits out every phase it is asked in: the phases' length is the test's
      // length. TEST_SIZE=fast drops at the first miss and shortens them; npm test runs them full.
      maxMisses: sized(2, 1),
      settings: { durations: { night: sized(5, 2), dawn: 1, day: sized(8, 3), vote: sized(5, 2), execution: 1, hunter: 5 } },
    });
    const silent = agents[1];
    // The silent agent's socket was closed by the bridge before the end: it got no FINISH.
    expect(silent.finished).toBeNull();
    for (const a of agents.filter((x) => x !== silent)) {
      expect(a.problems, a.b.name).toEqual([]);
      expect(a.finished, a.b.name).not.toBeNull();
    }
    // Nonsense never became talk.
    const talk = trace.filter((t) => t.dir === 's2a').flatMap((t) => JSON.parse(t.line).talkHistory ?? []);
    expect(talk.some((t: { text: string }) => t.text === 'what?')).toBe(false);
    // Nonsense got no second chance: every request to it was answered once, by a substitute.
    expect(trace.filter((t) => t.dir === 'a2s' && t.line === 'what?').length).toBeGreaterThanOrEqual(2);
    expect(shapeProblems(trace.filter((t) => t.dir === 's2a').map((t) => t.line))).toEqual([]);
  }, 120_000);

  it('a tied vote is voted again with the full gameInfo, whose latestVoteList is the first round', async () => {
    // The two lowest living indices vote for each other, the rest split between them: always a tie.
    const split = (me: number, alive: number[]) => {
      const [a, b] = alive;
      if (me === a) return b;
      if (me === b) return a;
      return alive.indexOf(me) % 2 === 0 ? a : b;
    };
    const { agents, trace } = await play(5, 9, () => ({ vote: split }));
    for (const a of agents) expect(a.problems, a.b.name).toEqual([]);
    const votes = trace.filter((t) => t.dir === 's2a').map((t) => JSON.parse(t.line)).filter((p) => p.request === 'VOTE');
    const again = votes.filter((p) => p.gameInfo);
    expect(again.length).toBeGreaterThan(0);
    for (const p of again) expect(p.gameInfo.latestVoteList.length).toBeGreaterThan(0);
    // Tied again, the lot executes one of the tied (revote-random, R46): every day's vote executed someone.
    const mornings = agents[0].lines.map((l) => JSON.parse(l)).filter((p) => p.request === 'DAILY_INITIALIZE' && p.gameInfo.day >= 2);
    for (const p of mornings) expect(p.gameInfo.executedAgent, `day ${p.gameInfo.day}`).not.toBe(-1);
    expect(shapeProblems(trace.filter((t) => t.dir === 's2a').map((t) => t.line))).toEqual([]);
  }, 120_000);
});
