import { describe, expect, test } from 'vitest';
import { readable, writeBlock } from '../../client/web/room/chat.ts';
import { canRead, canWrite } from '../../shared/game/chat.ts';
import { viewFor } from '../../shared/game/index.ts';
import type { ChatChannel, GameView } from '../../shared/views.ts';
import { playRandomGame } from '../helpers/sim.ts';

const CHANNELS: ChatChannel[] = ['lobby', 'day', 'wolves', 'dead'];

/**
 * The browser shows chat tabs and enables the input from the view alone; the rules decide on the
 * server. Over every state of random games, for every seat and the spectators, the two must agree:
 * no tab for a channel the audience cannot read, a tab for every message it holds, and the input
 * open exactly when the server would accept the message.
 */
describe('chat channels in the browser agree with the rules', () => {
  for (const [seed, settings] of [[1, {}], [2, { wolfChat: false, deadChat: false }], [3, { spectatorsSeeDeadChat: true }], [4, { roles: { 'alpha-wolf': 1, 'wolf-cub': 1, 'white-werewolf': 1, traitor: 1 } }]] as const) {
    test(`seed ${seed} ${JSON.stringify(settings)}`, () => {
      let checked = 0;
      playRandomGame({
        players: 9, seed, settings,
        onEvent: (snap) => {
          const ctx = snap.context;
          const audiences = [...ctx.players.map((p) => ({ kind: 'seat' as const, seat: p.seat })), { kind: 'spectator' as const }];
          for (const audience of audiences) {
            const view = { ...viewFor(ctx, audience), version: 1 } as GameView;
            const tabs = readable(view);
            for (const c of tabs) expect(canRead(ctx, audience, c), `${c} tab for ${JSON.stringify(audience)} in ${ctx.phase}`).toBe(true);
            for (const m of view.chat) expect(tabs).toContain(m.channel);
            if (audience.kind === 'spectator') continue;
            for (const c of CHANNELS) {
              expect(writeBlock(view, c) === null, `write ${c} as seat ${audience.seat} in ${ctx.phase}`).toBe(canWrite(ctx, audience.seat, c));
              checked++;
            }
          }
        },
      });
      expect(checked).toBeGreaterThan(1000);
    });
  }
});
