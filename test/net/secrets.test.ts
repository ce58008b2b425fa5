import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameView, PlayerView } from '../../shared/views.ts';
import { connect, playToEnd, seatPlayers } from '../helpers/players.ts';
import { okOf, record, truth } from '../helpers/script.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

type Msg = { event: string; payload: unknown };

/** Rebuild the successive views one socket held from the messages it got, checking each on the way. */
function views(log: Msg[]): { view: GameView; chat: { channel: string }[] }[] {
  const out: { view: GameView; chat: { channel: string }[] }[] = [];
  let cur: GameView | null = null;
  for (const m of log) {
    const p = m.payload as Record<string, unknown>;
    if (m.event === 'room:state') cur = (p.view as GameView);
    else if (m.event === 'room:update' && cur) cur = Object.assign({}, cur, p.changes as Partial<GameView>);
    else if (m.event === 'chat:message' && cur) cur = { ...(cur as GameView), chat: [...(cur as GameView).chat, p.message as GameView['chat'][0]] };
    else continue;
    out.push({ view: cur, chat: cur.chat });
  }
  return out;
}

const revealedOk = (p: PlayerView, view: GameView, mySeat: number | null) =>
  p.role === undefined || p.seat === mySeat || !p.alive || view.phase === 'over';

describe('nothing secret reaches anyone not entitled to it, over the wire', () => {
  it('a spectator and every seat of a whole 9-player game receive only what they may know', async () => {
    const { clients, roomId, code } = await seatPlayers(server.url, 9, {
      roles: { werewolf: 2, seer: 1, doctor: 1, witch: 1, hunter: 1, cupid: 1 },
      durations: { night: 5, dawn: 1, day: 5, vote: 5, execution: 1, hunter: 2 },
      reveal: 'team',
    });
    const logs = clients.map(record);
    const spectator = connect(server.url);
    await spectator.connected();
    const specLog = record(spectator);
    await okOf(spectator.send('room:spectate', { code }));
    await okOf(clients[0].send('game:start', {}));
    const t = truth(server.app, roomId);
    // Wolves and the dead talk (once a phase, before acting), so their channels have something to leak.
    const said = new Set<string>();
    const accepted: { client: (typeof clients)[number]; text: string }[] = [];
    const offs = clients.map((c) => c.on('state', (st) => {
      const v = st.view;
      if (!v.you || v.phase === 'over' || v.phase === 'lobby') return;
      const key = `${v.you.seat}:${v.phaseId}`;
      if (said.has(key)) return;
      const say = (channel: 'wolves' | 'dead', text: string) => {
        said.add(key);
        void c.send('chat:send', { channel, text }).then((r) => { if (r.ok) accepted.push({ client: c, text }); });
      };
      if (v.phase === 'night' && v.you.role === 'werewolf' && v.you.alive) say('wolves', `wolf secret ${v.you.seat} ${v.phaseId}`);
      if (!v.you.alive) say('dead', `dead secret ${v.you.seat} ${v.phaseId}`);
    }));
    await playToEnd(clients, 7, 90_000);
    offs.forEach((off) => off());
    const wolves = t.seatsOf('werewolf');
    // The secret channels were really used, so their absence elsewhere means something: each message
    // they accepted reached its writer. (The first night's pack chat is refused with this deal, and
    // a game may end before a second night, so which channels got a message is the game's to say.)
    expect(accepted.length).toBeGreaterThan(0);
    for (const { client, text } of accepted) expect(JSON.stringify(logs[clients.indexOf(client)])).toContain(text);

    const specViews = views(specLog).filter((v) => v.view.phase !== 'over');
    expect(specViews.length).toBeGreaterThan(5);
    for (const { view, chat } of specViews) {
      expect(view.you).toBeNull();
      expect(view.secrets).toBeUndefined();
      for (const p of view.players) {
        expect(revealedOk(p, view, null)).toBe(true);
        expect(p.role).toBeUndefined(); // reveal: 'team' shows the team of the dead, never the role
      }
      expect(chat.every((m) => m.channel === 'lobby' || m.channel === 'day')).toBe(true);
    }
    const specText = JSON.stringify(specLog.filter((m) => !(m.payload as { view?: GameView })?.view || (m.payload as { view: GameView }).view.phase !== 'over'));
    expect(specText).not.toMatch(/wolf secret|dead secret|packPicks|seerResults/);

    logs.forEach((log, i) => {
      const mySeat = clients[i].view!.you!.seat;
      const amWolf = wolves.includes(mySeat);
      for (const { view, chat } of views(log)) {
        if (view.phase === 'over' || view.phase === 'lobby') continue;
        expect(view.you?.seat).toBe(mySeat);
        for (const p of view.players) expect(revealedOk(p, view, mySeat)).toBe(true);
        if (!amWolf) {
          expect(view.you?.pack).toBeUndefined();
          expect(chat.some((m) => m.channel === 'wolves')).toBe(false);
        }
        if (view.you?.role !== 'seer') expect(view.you?.seerResults).toBeUndefined();
        if (view.you?.role !== 'witch') expect(view.you?.prompt?.kind).not.toBe('witch');
        if (view.you?.alive) expect(chat.some((m) => m.channel === 'dead')).toBe(false);
        expect(view.secrets).toBeUndefined();
      }
    });
    spectator.close();
    clients.forEach((c) => c.close());
  }, 120_000);
});
