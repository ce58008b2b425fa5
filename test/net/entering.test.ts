import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/limits.ts';
import { seatPlayers } from '../helpers/players.ts';
import { okOf, phaseIs } from '../helpers/script.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

const durations = { night: 30, dawn: 1, day: 30, vote: 30, execution: 1, hunter: 10 };

/** A raw socket that records every message of a room in arrival order. */
async function recorder(url: string) {
  const s: Socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { protocol: PROTOCOL_VERSION } });
  const log: { event: string; version?: number }[] = [];
  s.onAny((event: string, p: { roomId?: string; version?: number; view?: { version: number } }) => {
    if (event === 'room:state') log.push({ event, version: p.view!.version });
    else if (event === 'room:update') log.push({ event, version: p.version });
    else if (p && typeof p === 'object' && 'roomId' in p) log.push({ event });
  });
  await new Promise<void>((r) => s.once('connect', () => r()));
  return { s, log };
}

describe('[H11] an entering socket gets its full state before any update', () => {
  it('[H11] resuming 5 times mid-game: the first message is always room:state, and update versions follow it without a gap', async () => {
    const { clients } = await seatPlayers(server.url, 6, { roles: { werewolf: 1, seer: 1 }, durations });
    await okOf(clients[0].send('game:start', {}));
    await Promise.all(clients.map((c) => phaseIs(c, 'night')));
    const token = clients[1].token!;
    const noisyToken = clients[2].token!;
    clients[1].close();
    clients[2].close();
    for (let i = 0; i < 5; i++) {
      const me = await recorder(server.url);
      // Another seat comes and goes at the same moment: presence updates race with the resume.
      const noisy = await recorder(server.url);
      const [ack] = await Promise.all([
        me.s.timeout(3000).emitWithAck('room:resume', { token }),
        noisy.s.timeout(3000).emitWithAck('room:resume', { token: noisyToken }).then(() => noisy.s.close()),
      ]);
      expect(ack).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 150));
      expect(me.log[0]?.event).toBe('room:state');
      const versions = me.log.filter((m) => m.event === 'room:update' || m.event === 'room:state').map((m) => m.version!);
      for (let k = 1; k < versions.length; k++) expect(versions[k]).toBe(versions[k - 1] + 1);
      me.s.close();
      await new Promise((r) => setTimeout(r, 50));
    }
    clients.forEach((c) => c.close());
  });

  it('[H11] joining and spectating: the first message of the room is room:state', async () => {
    const { clients, roomId } = await seatPlayers(server.url, 2, { allowSpectators: true });
    const joiner = await recorder(server.url);
    await joiner.s.timeout(3000).emitWithAck('room:join', { roomId, name: 'Late' });
    const watcher = await recorder(server.url);
    await watcher.s.timeout(3000).emitWithAck('room:spectate', { roomId });
    await new Promise((r) => setTimeout(r, 100));
    expect(joiner.log[0]?.event).toBe('room:state');
    expect(watcher.log[0]?.event).toBe('room:state');
    joiner.s.close();
    watcher.s.close();
    clients.forEach((c) => c.close());
  });
});
