import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatPlayers } from '../helpers/players.ts';
import { okOf, phaseIs } from '../helpers/script.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

describe('talk over real sockets (R66)', () => {
  it('[R66] a talk is checked like any payload; sent alone, everyone gets the words with names and the structure', async () => {
    const { clients } = await seatPlayers(server.url, 5, { roles: { werewolf: 1, seer: 1 } });
    const [a, b] = clients;
    const bad = async (payload: unknown) => ((await a.send('chat:send', payload as never)) as { ok: boolean; error?: { code: string } }).error?.code;
    // A role id is checked by its shape at the edge, and against the catalogue by the room.
    expect(await bad({ channel: 'lobby', talk: { kind: 'claim', seat: 0, role: 'Pope!' } })).toBe('input/invalid');
    expect(await bad({ channel: 'lobby', talk: { kind: 'claim', seat: 0, role: 'pope' } })).toBe('chat/bad-talk');
    expect(await bad({ channel: 'lobby', talk: { kind: 'vote' } })).toBe('input/invalid');
    expect(await bad({ channel: 'lobby' })).toBe('input/invalid');
    expect(await bad({ channel: 'lobby', talk: { kind: 'vote', seat: 42 } })).toBe('chat/bad-talk');
    expect(await bad({ channel: 'lobby', talk: { kind: 'agree', ref: { channel: 'lobby', id: 99 } } })).toBe('chat/bad-talk');
    await new Promise((r) => setTimeout(r, 1100)); // the chat limit counts refused messages too
    const seatB = b.view!.you!.seat;
    const { id } = await okOf(a.send('chat:send', { channel: 'lobby', talk: { kind: 'vote', seat: seatB } }));
    await phaseIs(b, 'lobby');
    const until = Date.now() + 5000;
    while (!b.view!.chat.some((m) => m.id === id && m.channel === 'lobby') && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    const m = b.view!.chat.find((x) => x.id === id && x.channel === 'lobby')!;
    expect(m.talk).toEqual({ kind: 'vote', seat: seatB });
    expect(m.text).toContain(b.view!.players.find((p) => p.seat === seatB)!.name);
    clients.forEach((c) => c.close());
  });
});
