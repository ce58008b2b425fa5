import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { gameMachine, ViewCache, viewFor, type Audience, type GameContext, type GameEvent } from '../../shared/game/index.ts';
import type { Settings } from '../../shared/settings.ts';
import { playChaos } from '../helpers/chaos.ts';
import { leaks } from '../helpers/oracle.ts';
import { playRandomGame, type Snap } from '../helpers/sim.ts';
import { FAST, sized } from '../helpers/size.ts';
import { ROLE_LIST } from '../../shared/game/roles/index.ts';
import { inPack } from '../../shared/game/derived.ts';
import { rolesProblem } from '../../shared/game/deal.ts';
import { nextRandom } from '../../shared/game/rng.ts';
import { sameJson } from '../../shared/game/json.ts';
import type { RoleCounts } from '../../shared/settings.ts';

const SIM_GAMES = sized(1000, 32);
const CHAOS_GAMES = sized(1500, 40);
const REPLAYS = sized(200, 20);
const CATALOGUE_GAMES = sized(500, 12);
/** Generous: the suite shares two cores with the socket and browser suites. */
const LONG = 180_000;

/** Every seat of the room, alive or dead, a stranger's seat, and a spectator. */
function audiences(ctx: GameContext): Audience[] {
  return [...ctx.players.map((p) => ({ kind: 'seat', seat: p.seat }) as const), { kind: 'seat', seat: 99 }, { kind: 'spectator' }];
}

/** Every audience's view as the room computes it, with the room's cache (views.cache.test.ts holds it to fresh builds). */
function checkViews(cache: ViewCache, ctx: GameContext, where: string) {
  for (const a of audiences(ctx)) {
    const problems = leaks(ctx, a, viewFor(ctx, a, cache));
    if (problems.length) expect.fail(`${where}: ${problems.join('; ')}`);
  }
}

function replay(settings: Settings, events: GameEvent[]): Snap {
  const actor = createActor(gameMachine, { input: { settings } }).start();
  for (const e of events) actor.send(e);
  const snap = actor.getSnapshot();
  actor.stop();
  return snap;
}

const VARIANTS: Partial<Settings>[] = [
  {},
  { reveal: 'none', secretVotes: true },
  { reveal: 'team', voteRule: 'majority', tieRule: 'random', spectatorsSeeDeadChat: true },
  { roles: { werewolf: 2, seer: 1, doctor: 1, witch: 1, hunter: 1, cupid: 1, tanner: 1 }, tieRule: 'none' },
];

/**
 * A role set drawn from the whole catalogue, so every role that is added is covered without an
 * edit here: one or two of the pack's roles, then other roles (each at most its `deal.max`) on up to
 * two thirds of the seats; a set the deal refuses (R4) is drawn again.
 */
function catalogueDeal(seed: number, players: number): RoleCounts {
  let rng = seed * 7919 + 13;
  const next = () => { const [x, r] = nextRandom(rng); rng = r; return x; };
  const packRoles = ROLE_LIST.filter((r) => inPack(r.id));
  const others = ROLE_LIST.filter((r) => !inPack(r.id) && r.id !== 'villager');
  for (let attempt = 0; attempt < 50; attempt++) {
    const counts: RoleCounts = {};
    const add = (id: string) => { counts[id] = (counts[id] ?? 0) + 1; };
    const wolves = players >= 9 && next() < 0.5 ? 2 : 1;
    for (let i = 0; i < wolves; i++) add(packRoles[Math.floor(next() * packRoles.length)].id);
    const extra = Math.floor(next() * Math.floor((players * 2) / 3 - wolves + 1));
    for (let i = 0; i < extra; i++) {
      const r = others[Math.floor(next() * others.length)];
      if ((counts[r.id] ?? 0) < (r.deal?.max ?? 2)) add(r.id);
    }
    if (rolesProblem(counts, players) === null) return counts;
  }
  return { werewolf: 1 };
}

describe('no view carries a secret its audience may not know', () => {
  it(`[R70] [R79] [R85] ${CATALOGUE_GAMES} random games with role sets drawn from the whole catalogue: every audience after every event`, () => {
    const seen = new Set<string>();
    for (let g = 0; g < CATALOGUE_GAMES; g++) {
      const players = 5 + (g % 12);
      const roles = catalogueDeal(g + 1, players);
      for (const r of Object.keys(roles)) seen.add(r);
      const cache = new ViewCache();
      const { final } = playRandomGame({
        seed: 20_000 + g,
        players,
        settings: { roles, reveal: (['full', 'team', 'none'] as const)[g % 3] },
        onEvent: (snap, e) => {
          const where = `catalogue game ${g + 1} (${JSON.stringify(roles)}), event ${e.type}`;
          checkViews(cache, snap.context, where);
          // The room's cache agrees with a view built from scratch, whatever the roles dealt.
          for (const a of audiences(snap.context)) if (!sameJson(viewFor(snap.context, a, cache), viewFor(snap.context, a))) expect.fail(`${where}: the cached view of ${JSON.stringify(a)} differs from a fresh one`);
        },
      });
      expect(final.status).toBe('active');
    }
    // Every role of the catalogue is dealt somewhere in the full run.
    if (!FAST) expect(ROLE_LIST.map((r) => r.id).filter((id) => id !== 'villager' && !seen.has(id))).toEqual([]);
  }, LONG);

  it(`[R70] [R79] ${SIM_GAMES} random games (sim driver): every audience after every event`, () => {
    let events = 0;
    for (let g = 0; g < SIM_GAMES; g++) {
      const settings = VARIANTS[g % VARIANTS.length];
      const players = 5 + (g % 8);
      const cache = new ViewCache();
      const { final } = playRandomGame({
        seed: g + 1,
        players,
        settings,
        onEvent: (snap, e) => { events++; checkViews(cache, snap.context, `sim game ${g + 1}, event ${e.type}`); },
      });
      expect(final.status).toBe('active');
    }
    expect(events).toBeGreaterThan(SIM_GAMES * 20);
  }, LONG);

  it(`[R70] [R79] ${CHAOS_GAMES} chaotic rooms (leaves, junk, every chat channel, replays): every audience after every event`, () => {
    const endings = new Map<string, number>();
    let refused = 0;
    for (let g = 0; g < CHAOS_GAMES; g++) {
      const cache = new ViewCache();
      const { final } = playChaos({
        seed: g + 1,
        games: g % 10 === 0 ? 2 : 1,
        onEvent: (before, after, e, verdict) => {
          if (verdict !== null) {
            refused++;
            // A refused event leaves the snapshot exactly as it was, by identity.
            if (after !== before) expect.fail(`room ${g + 1}: ${e.type} refused with ${verdict} but changed the state`);
            return;
          }
          if (after === before) expect.fail(`room ${g + 1}: ${e.type} ${JSON.stringify(e)} accepted by reject() but ignored by the machine`);
          if (after.status !== 'active') expect.fail(`room ${g + 1}: actor ${after.status} after ${e.type}: ${String(after.error)}`);
          if (after.context.version <= before.context.version) expect.fail(`room ${g + 1}: version did not grow`);
          checkViews(cache, after.context, `room ${g + 1}, ${e.type}`);
        },
      });
      const o = final.context.outcome?.winner ?? 'unfinished';
      endings.set(o, (endings.get(o) ?? 0) + 1);
    }
    expect(refused).toBeGreaterThan(CHAOS_GAMES * 5);
    // The fast slice is too short to reach every ending by chance; paths.test.ts reaches each one on purpose.
    if (!FAST) for (const winner of ['village', 'wolves', 'tanner', 'lovers', 'serial-killer', 'white-werewolf']) expect(endings.get(winner), winner).toBeGreaterThan(0);
  }, LONG);
});

describe('determinism', () => {
  it('[R6] replaying the same events from a fresh actor gives a deep-equal final context', () => {
    for (let g = 0; g < REPLAYS; g++) {
      const { events, final } = playRandomGame({ seed: 5000 + g, players: 5 + (g % 10), settings: VARIANTS[g % VARIANTS.length] });
      const settings = { ...(final.context.settings) };
      expect(replay(settings, events).context).toEqual(final.context);
    }
  }, LONG);

  it('[R6] so does a chaotic room, refused events and all', () => {
    for (let g = 0; g < REPLAYS; g++) {
      const { events, final } = playChaos({ seed: 9000 + g, games: 2 });
      expect(replay(final.context.settings, events).context).toEqual(final.context);
    }
  }, LONG);
});
