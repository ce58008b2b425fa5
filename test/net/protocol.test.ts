import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, seatPlayers } from '../helpers/players.ts';
import { okOf, phaseIs, record, sleepAll, truth, until, voteOut } from '../helpers/script.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

const durations = { night: 20, dawn: 1, day: 20, vote: 20, execution: 1, hunter: 10 };

describe('[H11] protocol promises over real sockets', () => {
  it('[H11.chat] at game over the room:update carries the chat that became readable; no room:sync needed', async () => {
    const { clients, roomId } = await seatPlayers(server.url, 5, { roles: { werewolf: 1, seer: 1 }, durations });
    const logs = clients.map(record);
    await okOf(clients[0].send('game:start', {}));
    await Promise.all(clients.map((c) => phaseIs(c, 'night')));
    const t = truth(server.app, roomId);
    const wolf = t.seatOf('werewolf');
    const by = (seat: number) => clients.find((c) => c.view!.you!.seat === seat)!;
    await okOf(by(wolf).send('chat:send', { channel: 'wolves', text: 'the seer first' }));
    const villager = clients.find((c) => c.view!.you!.role === 'villager')!;
    expect(villager.view!.chat.some((m) => m.channel === 'wolves')).toBe(false);
    await sleepAll(clients);
    await t.room.submit({ type: 'timer', phaseId: t.ctx.phaseId });
    await voteOut(clients, wolf);
    await phaseIs(villager, 'over');
    expect(villager.view!.chat.filter((m) => m.channel === 'wolves').map((m) => m.text)).toEqual(['the seer first']);
    const log = logs[clients.indexOf(villager)];
    const update = log.find((e) => e.event === 'room:update' && (e.payload as { changes: { phase?: string } }).changes.phase === 'over');
    expect((update!.payload as { changes: { chat?: unknown[] } }).changes.chat).toEqual(expect.arrayContaining([expect.objectContaining({ channel: 'wolves', text: 'the seer first' })]));
    expect(log.some((e) => e.event === 'room:state' && log.indexOf(e) > log.indexOf(update!))).toBe(false);
    clients.forEach((c) => c.close());
  });

  it('[H11.leave] a player who leaves mid-game loses the seat token; the room may still be watched', async () => {
    const { clients, roomId } = await seatPlayers(server.url, 5, { roles: { werewolf: 1, seer: 1 }, durations });
    await okOf(clients[0].send('game:start', {}));
    await Promise.all(clients.map((c) => phaseIs(c, 'night')));
    const leaver = clients[3];
    const seat = leaver.view!.you!.seat;
    const token = leaver.token!;
    await okOf(leaver.send('room:leave', {}));
    await until(clients[0], (c) => c.view!.players.find((p) => p.seat === seat)!.death?.cause === 'left', 5_000, 'leaver dead');
    const back = connect(server.url);
    await back.connected();
    const res = await back.request('room:resume', { token }).then(() => null, (e: { code?: string }) => e.code ?? String(e));
    expect(res).toBe('seat/token-invalid');
    const raw = await back.send('room:resume', { token });
    expect(raw).toMatchObject({ ok: false, error: { code: 'seat/token-invalid' } });
    await okOf(back.send('room:spectate', { roomId }));
    await until(back, (c) => c.view !== null && c.view.you === null, 5_000, 'spectator view');
    back.close();
    clients.forEach((c) => c.close());
  });
});
