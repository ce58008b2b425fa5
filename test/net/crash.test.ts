import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playToEnd, seatPlayers } from '../helpers/players.ts';
import { Faults } from '../helpers/rooms.ts';
import { okOf, phaseIs, truth } from '../helpers/script.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
const faults = new Faults();
beforeAll(async () => { server = await startServer({ faults }); });
afterAll(async () => { await server.close(); });

const durations = { night: 20, dawn: 1, day: 20, vote: 20, execution: 1, hunter: 5 };

describe('a room that crashes mid-game is restarted by its supervisor', () => {
  it('[S1] [S2] crashes mid-vote lose no acknowledged vote, the game finishes, and another room plays on undisturbed', async () => {
    const a = await seatPlayers(server.url, 5, { roles: { werewolf: 1, seer: 1 }, durations });
    const b = await seatPlayers(server.url, 6, { durations });
    await okOf(a.clients[0].send('game:start', {}));
    await okOf(b.clients[0].send('game:start', {}));
    const ta = truth(server.app, a.roomId);
    const tb = truth(server.app, b.roomId);
    await Promise.all(a.clients.map((c) => phaseIs(c, 'night')));
    await ta.room.submit({ type: 'timer', phaseId: ta.ctx.phaseId });
    await Promise.all(a.clients.map((c) => phaseIs(c, 'day')));
    await Promise.all(a.clients.map((c) => c.send('day:ready', {})));
    await Promise.all(a.clients.map((c) => phaseIs(c, 'vote')));

    const bNotices: string[] = [];
    b.clients.forEach((c) => c.on('notice', (n) => bNotices.push(n.code)));
    const aNotices: string[] = [];
    a.clients[0].on('notice', (n) => aNotices.push(n.code));
    const wolf = ta.seatOf('werewolf');
    // Crash the room on the next two commands at different stages; the SDK retries room/unavailable.
    faults.arm('before-commit', { roomId: a.roomId });
    faults.arm('after-send', { roomId: a.roomId });
    const voters = a.clients.filter((c) => c.view!.you!.seat !== wolf).slice(0, 3);
    const last = a.clients.filter((c) => c.view!.you!.seat !== wolf)[3];
    const acks = [];
    for (const c of voters) acks.push(await c.send('vote:cast', { target: wolf }));
    expect(acks.every((x) => x.ok)).toBe(true);
    expect(faults.fired).toBe(2);
    // Every acknowledged vote is in the state after the restarts.
    for (const c of voters) expect(ta.ctx.vote!.ballots[c.view!.you!.seat]).toBe(wolf);
    expect(aNotices).toContain('room/restarted');

    // The last villager's vote closes the vote early: all four acknowledged votes execute the wolf.
    await okOf(last.send('vote:cast', { target: wolf }));
    await okOf(a.clients.find((c) => c.view!.you!.seat === wolf)!.send('vote:cast', { target: null }));
    await Promise.all(a.clients.map((c) => phaseIs(c, 'over')));
    const voteEntry = ta.ctx.timeline.find((e) => e.kind === 'vote');
    expect(voteEntry).toMatchObject({ kind: 'vote', tally: { [wolf]: 4 }, outcome: 'executed', seat: wolf });
    expect(ta.ctx.outcome!.winner).toBe('village');
    await playToEnd(b.clients, 9, 60_000);
    expect(tb.ctx.phase).toBe('over');
    expect(bNotices).not.toContain('room/restarted');
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/werewolf_room_crashes_total 2/);
    expect(metrics).toMatch(/werewolf_room_restarts_total 2/);
    [...a.clients, ...b.clients].forEach((c) => c.close());
  }, 120_000);

  it('[S4] a room that keeps crashing is closed with a clear notice to its players, who can go on elsewhere', async () => {
    const a = await seatPlayers(server.url, 5, { durations });
    const closed: string[] = [];
    a.clients.forEach((c) => c.on('closed', (r) => closed.push(r)));
    faults.arm('before-send', { roomId: a.roomId, times: 20 });
    const res = await a.clients[0].send('chat:send', { channel: 'lobby', text: 'boom' });
    expect(res.ok).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(closed.length).toBe(5);
    expect(closed[0]).toMatch(/closed/);
    expect(server.app.registry.get(a.roomId)).toBeUndefined();
    const again = await a.clients[1].send('room:create', { name: 'Phoenix' });
    expect(again.ok).toBe(true);
    a.clients.forEach((c) => c.close());
  });
});
