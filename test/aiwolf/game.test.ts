import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AiwolfBridge } from '../../server/aiwolf/bridge.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { dice, TestAgent } from './agent.ts';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

async function play(players: number, seed: number) {
  const trace: { conn: number; dir: string; line: string }[] = [];
  const bridge = new AiwolfBridge({ url: () => server.url, port: 0, players, random: dice(seed), trace: (conn, dir, line) => trace.push({ conn, dir, line }) });
  const port = await bridge.listen();
  const rand = dice(seed + 1);
  const agents: TestAgent[] = [];
  // One at a time, as the reference's agents start.
  for (let i = 0; i < players; i++) {
    const a = new TestAgent(port, { name: `test${String(i + 1).padStart(2, '0')}` }, rand);
    agents.push(a);
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.race([Promise.all(agents.map((a) => a.done)), new Promise((_, rej) => setTimeout(() => rej(new Error('game did not finish')), 60_000))]);
  await bridge.close();
  if (process.env.AIWOLF_TRACE) (await import("node:fs")).writeFileSync(process.env.AIWOLF_TRACE, trace.map((t) => JSON.stringify(t)).join("\n"));
  return { agents, trace };
}

describe('AIWolf agents through the bridge', () => {
  it('five agents play a whole game: every packet passes the client libraries\' checks', async () => {
    const { agents } = await play(5, 7);
    for (const a of agents) {
      expect(a.problems).toEqual([]);
      expect(a.finished, a.b.name).not.toBeNull();
    }
    const roles = agents[0].finished!.roleMap;
    expect(Object.values(roles).sort()).toEqual(['SEER', 'VILLAGER', 'VILLAGER', 'VILLAGER', 'WEREWOLF']);
  }, 70_000);
});
