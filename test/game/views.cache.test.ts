import { describe, expect, it } from 'vitest';
import { ViewCache, viewFor, type Audience, type GameContext } from '../../shared/game/index.ts';
import { freshView } from '../../shared/game/views.ts';
import { playChaos } from '../helpers/chaos.ts';
import { playRandomGame } from '../helpers/sim.ts';
import { sized } from '../helpers/size.ts';

/**
 * With a room's ViewCache `viewFor` reuses parts of earlier views while the context fields they
 * are declared to read are unchanged (for speed); after every event, each audience's view must
 * equal the same view built from scratch.
 */
function check(cache: ViewCache, ctx: GameContext, where: string) {
  const audiences: Audience[] = [...ctx.players.map((p) => ({ kind: 'seat', seat: p.seat }) as const), { kind: 'seat', seat: 77 }, { kind: 'spectator' }];
  // The cached views first, in the order a room computes them, then the references.
  const cached = audiences.map((a) => viewFor(ctx, a, cache));
  audiences.forEach((a, i) => {
    const fresh = freshView(ctx, a);
    if (JSON.stringify(cached[i]) !== JSON.stringify(fresh)) expect(cached[i], `${where}, ${JSON.stringify(a)}`).toEqual(fresh);
  });
}

/** Generous: each event builds every view twice, once from scratch (the slow, generic path), on two shared cores. */
const LONG = 600_000;

describe('cached views', () => {
  it('[R70] equal views built from scratch, for every audience after every event of chaotic rooms', () => {
    for (let g = 0; g < sized(400, 24); g++) {
      const cache = new ViewCache();
      playChaos({ seed: 20_000 + g, games: g % 4 === 0 ? 2 : 1, onEvent: (_before, after, e) => check(cache, after.context, `room ${g}, ${e.type}`) });
    }
  }, LONG);

  it('[R70] equal views built from scratch in plain random games', () => {
    for (let g = 0; g < sized(200, 16); g++) {
      const cache = new ViewCache();
      playRandomGame({ seed: 30_000 + g, players: 5 + (g % 10), onEvent: (snap, e) => check(cache, snap.context, `game ${g}, ${e.type}`) });
    }
  }, LONG);
});
