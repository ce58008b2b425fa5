import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WerewolfClient } from '../../client/sdk/index.ts';
import { seatPlayers } from '../helpers/players.ts';
import { okOf, phaseIs, sleepAll, truth, until, voteOut } from '../helpers/script.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

const durations = { night: 20, dawn: 1, day: 20, vote: 20, execution: 1, hunter: 10 };

async function game(roles: Record<string, number>) {
  const { clients, roomId } = await seatPlayers(server.url, 5, { roles, durations });
  await okOf(clients[0].send('game:start', {}));
  await Promise.all(clients.map((c) => phaseIs(c, 'night')));
  await sleepAll(clients);
  const t = truth(server.app, roomId);
  const by = (seat: number) => clients.find((c) => c.view?.you?.seat === seat)!;
  return { clients, t, by, close: () => clients.forEach((c) => c.close()) };
}

const villagers = (clients: WerewolfClient[], but: number[] = []) => clients.map((c) => c.view!.you!).filter((y) => y.role === 'villager' && !but.includes(y.seat)).map((y) => y.seat);

describe('whole games over real sockets, to every ending', () => {
  it('village wins: the wolf is voted out on day 1', async () => {
    const { clients, t, by, close } = await game({ werewolf: 1, seer: 1 });
    const wolf = t.seatOf('werewolf');
    const seer = t.seatOf('seer');
    const [victim] = villagers(clients);
    await okOf(by(seer).send('night:act', { action: { kind: 'seer', target: wolf } }));
    expect(by(seer).view!.you!.seerResults).toEqual([{ night: 1, seat: wolf, team: 'wolves' }]);
    await okOf(by(wolf).send('night:act', { action: { kind: 'wolf', target: victim } }));
    await Promise.all(clients.map((c) => phaseIs(c, 'dawn')));
    await voteOut(clients, wolf);
    await phaseIs(clients[0], 'over');
    expect(clients[0].view!.outcome!.winner).toBe('village');
    expect(clients[0].view!.players.find((p) => p.seat === wolf)!.role).toBe('werewolf');
    close();
  });

  it('wolves win: as many wolves as others after the second night', async () => {
    const { clients, t, by, close } = await game({ werewolf: 1, seer: 1 });
    const wolf = t.seatOf('werewolf');
    const seer = t.seatOf('seer');
    const [a, b] = villagers(clients);
    await okOf(by(seer).send('night:act', { action: { kind: 'seer', target: a } }));
    await okOf(by(wolf).send('night:act', { action: { kind: 'wolf', target: seer } }));
    await Promise.all(clients.map((c) => phaseIs(c, 'dawn')));
    await voteOut(clients, a);
    await Promise.all(clients.filter((c) => c.view!.you!.alive).map((c) => phaseIs(c, 'night', 5_000)));
    await sleepAll(clients);
    await okOf(by(wolf).send('night:act', { action: { kind: 'wolf', target: b } }));
    await phaseIs(clients[0], 'over');
    expect(clients[0].view!.outcome).toMatchObject({ winner: 'wolves', seats: [wolf] });
    close();
  });

  it('the tanner wins alone when executed', async () => {
    const { clients, t, by, close } = await game({ werewolf: 1, tanner: 1 });
    const wolf = t.seatOf('werewolf');
    const tanner = t.seatOf('tanner');
    const [victim] = villagers(clients);
    await okOf(by(wolf).send('night:act', { action: { kind: 'wolf', target: victim } }));
    await voteOut(clients, tanner);
    await phaseIs(clients[0], 'over');
    expect(clients[0].view!.outcome).toMatchObject({ winner: 'tanner', seats: [tanner] });
    close();
  });

  it('cross-team lovers win as the last two alive', async () => {
    const { clients, t, by, close } = await game({ werewolf: 1, cupid: 1 });
    const wolf = t.seatOf('werewolf');
    const cupid = t.seatOf('cupid');
    const [lover, x, y] = villagers(clients);
    await okOf(by(cupid).send('night:act', { action: { kind: 'cupid', targets: [wolf, lover] } }));
    await okOf(by(wolf).send('night:act', { action: { kind: 'wolf', target: cupid } }));
    await Promise.all(clients.map((c) => phaseIs(c, 'dawn')));
    expect(by(wolf).view!.you!.lover).toBe(lover);
    expect(by(lover).view!.you!.lover).toBe(wolf);
    expect(by(x).view!.you!.lover).toBeUndefined();
    await voteOut(clients, x);
    await Promise.all(clients.filter((c) => c.view!.you!.alive).map((c) => phaseIs(c, 'night', 5_000)));
    await sleepAll(clients);
    await okOf(by(wolf).send('night:act', { action: { kind: 'wolf', target: y } }));
    await until(clients[0], (c) => c.view?.phase === 'over');
    expect(clients[0].view!.outcome!.winner).toBe('lovers');
    expect([...clients[0].view!.outcome!.seats].sort()).toEqual([wolf, lover].sort());
    close();
  });
});
