import { describe, expect, test } from 'vitest';
import { narrate } from '../../client/web/room/story.ts';
import { viewFor } from '../../shared/game/index.ts';
import { ROLE_IDS, ROLES } from '../../shared/game/catalogue.ts';
import type { GameView } from '../../shared/views.ts';
import { playRandomGame } from '../helpers/sim.ts';

/**
 * [I16.3] The story is told from the view alone: over every state of random games, for every seat
 * and the spectators, under each reveal setting, a narrated line names a role only when the view
 * shows that role on a dead player, and the wording varies from one entry to the next.
 */
describe('[I16.3] the narrated story never tells more than the view', () => {
  for (const reveal of ['full', 'team', 'none'] as const) {
    test(`reveal ${reveal}`, () => {
      let told = 0;
      const openings = new Set<string>();
      for (const seed of [1, 2, 3]) {
        playRandomGame({
          players: 10, seed, settings: { reveal },
          onEvent: (snap) => {
            const ctx = snap.context;
            if (ctx.phase === 'over' || !ctx.timeline.length) return;
            const audiences = [...ctx.players.map((p) => ({ kind: 'seat' as const, seat: p.seat })), { kind: 'spectator' as const }];
            for (const audience of audiences) {
              const view = { ...viewFor(ctx, audience), version: 1 } as GameView;
              for (const e of view.timeline) {
                const line = narrate(e, view);
                told++;
                openings.add(line.split(' ').slice(0, 2).join(' '));
                for (const r of ROLE_IDS) {
                  if (!line.includes(` ${ROLES[r].name}.`)) continue;
                  expect(view.players.some((p) => !p.alive && p.role === r), `"${line}" for ${JSON.stringify(audience)}`).toBe(true);
                }
                if (reveal === 'none' && audience.kind === 'spectator') expect(line).not.toMatch(/ was an? [A-Z]| played for /);
              }
            }
          },
        });
      }
      expect(told).toBeGreaterThan(500);
      expect(openings.size).toBeGreaterThan(4);
    });
  }
});
