import { describe, expect, test } from 'vitest';
import { type Pick, quickMenu, reply } from '../../client/web/room/quicktalk.ts';
import { rejectChat } from '../../shared/game/chat.ts';
import { viewFor } from '../../shared/game/index.ts';
import { specOf } from '../../shared/protocol.ts';
import type { Talk } from '../../shared/talk.ts';
import type { GameView } from '../../shared/views.ts';
import { playRandomGame } from '../helpers/sim.ts';

const leaves = (picks: Pick[]): Talk[] => picks.flatMap((p) => (p.talk ? [p.talk] : leaves(p.picks ?? [])));

/**
 * The quick-talk menu builds talk from the view alone; the server judges it. Over the states of
 * random games, whenever a seat may write in the village chat, everything the menu offers it and
 * every agree/disagree button passes the schema and the room's rules (R66).
 */
describe('quick talk in the browser agrees with the rules', () => {
  test('every offer is accepted when the seat may talk', () => {
    let checked = 0;
    playRandomGame({
      players: 8, seed: 5,
      onEvent: (snap) => {
        const ctx = snap.context;
        for (const p of ctx.players) {
          const view = { ...viewFor(ctx, { kind: 'seat', seat: p.seat }), version: 1 } as GameView;
          const menu = quickMenu(view);
          expect(menu.length).toBeGreaterThan(0);
          if (!p.alive || !['dawn', 'day', 'vote'].includes(ctx.phase)) continue;
          const offers = [...leaves(menu), ...view.chat.filter((m) => m.channel === 'day').slice(-2).map((m) => reply(m, true))];
          for (const talk of offers) {
            expect(specOf('chat:send').payload.safeParse({ channel: 'day', talk }).success).toBe(true);
            expect(rejectChat(ctx, { type: 'chat.send', now: 0, seat: p.seat, channel: 'day', text: '', talk })).toBeNull();
            checked++;
          }
        }
      },
    });
    expect(checked).toBeGreaterThan(500);
  });
});
