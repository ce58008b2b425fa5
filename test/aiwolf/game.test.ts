import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AiwolfBridge, type BridgeOptions } from '../../server/aiwolf/bridge.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { type AgentBehaviour, dice, TestAgent } from '../helpers/aiwolf/agent.ts';
import { leaks } from '../helpers/aiwolf/secrets.ts';
import { shapeProblems } from '../helpers/aiwolf/shapes.ts';
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
    const roles = agents[0].finished!.roleMap;
    expect(Object.values(roles).sort()).toEqual(['SEER', 'VILLAGER', 'VILLAGER', 'VILLAGER', 'WEREWOLF']);
    for (const a of agents) expect(leaks(a), a.b.name).toEqual([]);
    expect(shapeProblems(trace.filter((t) => t.dir === 's2a').map((t) => t.line))).toEqual([]);
  }, 70_000);

  it('fifteen agents play a whole game: wolves whisper and attack together, the doctor guards as BODYGUARD', async () => {
    const { agents, trace } = await play(15, 11);
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
    expect(roles.filter((r) => r === 'BODYGUARD')).toHaveLength(1);
    // Whispers reached the wolves, in the same order for each of them.
    const wolves = agents.filter((a) => a.finished!.roleMap[String(a.me)] === 'WEREWOLF');
    const heard = wolves.map((w) => w.lines.flatMap((l) => JSON.parse(l).whisperHistory ?? []).map((t: { day: number; idx: number; text: string }) => `${t.day}/${t.idx} ${t.text}`));
    expect(heard[0].length).toBeGreaterThan(0);
    // A split pack was asked once more, with the first round's picks.
    const revotes = agents.flatMap((a) => a.lines.map((l) => JSON.parse(l))).filter((p) => p.request === 'ATTACK' && p.gameInfo?.latestAttackVoteList.length);
    expect(revotes.length).toBeGreaterThan(0);
  }, 120_000);

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
    expect(shapeProblems(trace.filter((t) => t.dir === 's2a').map((t) => t.line))).toEqual([]);
  }, 120_000);
});
