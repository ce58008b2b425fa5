import { describe, expect, it } from 'vitest';
import { checkOutcome, initialContext } from '../../shared/game/index.ts';
import type { GameContext, Player } from '../../shared/game/index.ts';
import type { RoleId } from '../../shared/roles.ts';
import { newGame, type TestGame } from '../helpers/game.ts';

/** Execute `seat` with every other living vote, then settle the execution. */
function execute(g: TestGame, seat: number) {
  g.until('vote');
  for (const s of g.living()) g.ok({ type: 'vote.cast', seat: s, target: s === seat ? null : seat });
  if (g.phase === 'execution') g.expire();
}

/** A bare context with the given roles, lives and lovers, for the win check alone. */
function table(rows: [RoleId, boolean, (number | null)?][], executed: number | null = null): GameContext {
  const players: Player[] = rows.map(([role, alive, lover], seat) => ({
    seat, name: `P${seat}`, bot: false, connected: true, role, alive, death: null, lover: lover ?? null, missedVotes: 0,
  }));
  return { ...initialContext(), players, executed, phase: 'execution' };
}

describe('winning', () => {
  it('[R50] lovers of one werewolf and one other form their own team; lovers on one side stay on it', () => {
    const cross = table([['werewolf', true, 1], ['villager', true, 0], ['villager', false], ['werewolf', false]]);
    expect(checkOutcome(cross)).toEqual({ winner: 'lovers', seats: [0, 1], reason: expect.any(String) });
    // The village wins without its cross-team lover…
    const village = table([['werewolf', false, 1], ['villager', false, 0], ['villager', true], ['seer', true], ['werewolf', false]]);
    expect(checkOutcome(village)).toMatchObject({ winner: 'village', seats: [2, 3] });
    // …and with same-side lovers.
    const same = table([['villager', true, 1], ['villager', true, 0], ['seer', true], ['werewolf', false]]);
    expect(checkOutcome(same)).toMatchObject({ winner: 'village', seats: [0, 1, 2] });
  });

  it('[R51] an executed tanner wins alone, even when the wolves would win too', () => {
    const g = newGame({ players: 5, roles: { werewolf: 1, tanner: 1 } });
    const tanner = g.seat('tanner');
    const [v1, v2] = g.others([tanner]);
    g.wolvesPick(v1);
    execute(g, v2);
    expect(g.phase).toBe('night');
    g.until('vote');
    execute(g, tanner);
    expect(g.living()).toHaveLength(2);
    expect(g.ctx.outcome).toEqual({ winner: 'tanner', seats: [tanner], reason: 'The tanner was executed.' });
  });

  it('[R51] a tanner killed any other way wins nothing', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1, tanner: 1 } });
    const tanner = g.seat('tanner');
    g.wolvesPick(tanner).until('day');
    expect(g.alive(tanner)).toBe(false);
    expect(g.ctx.outcome).toBeNull();
  });

  it('[R52] cross-team lovers who are the last two alive win, before the wolves\' count', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1, cupid: 1 } });
    const wolf = g.seat('werewolf');
    const cupid = g.seat('cupid');
    const lover = g.others([cupid])[0];
    g.ok({ type: 'night.act', seat: cupid, action: { kind: 'cupid', targets: [wolf, lover] } });
    g.wolvesPick(cupid);
    while (g.phase !== 'over') {
      const rest = g.others([wolf, lover], []);
      if (g.phase === 'night') { if (rest.length) g.wolvesPick(rest[0]); g.until('day'); continue; }
      execute(g, rest[0]);
    }
    expect(g.living().sort()).toEqual([wolf, lover].sort());
    expect(g.ctx.outcome).toMatchObject({ winner: 'lovers', seats: [wolf, lover] });
  });

  it('[R53] nobody alive: nobody wins', () => {
    const g = newGame({ players: 5, roles: { werewolf: 1 } });
    g.until('vote').until('night').until('vote').until('over');
    expect(g.living()).toEqual([]);
    expect(g.ctx.players.every((p) => p.death!.cause === 'afk')).toBe(true);
    expect(g.ctx.outcome).toEqual({ winner: 'nobody', seats: [], reason: 'Nobody is left alive.' });
  });

  it('[R54] no werewolf alive: the village wins, its dead included, the tanner not', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, seer: 1, tanner: 1 } });
    const wolf = g.seat('werewolf');
    const victim = g.others([g.seat('tanner')])[0];
    g.wolvesPick(victim);
    execute(g, wolf);
    const village = g.ctx.players.filter((p) => p.role !== 'werewolf' && p.role !== 'tanner').map((p) => p.seat);
    expect(g.ctx.outcome).toMatchObject({ winner: 'village', seats: village });
    expect(village).toContain(victim);
  });

  it('[R55] as many living werewolves as others: the wolves win', () => {
    const g = newGame({ players: 5, roles: { werewolf: 2 } });
    g.wolvesPick(g.others()[0]).until('dawn').expire();
    expect(g.ctx.outcome).toMatchObject({ winner: 'wolves', seats: g.seats('werewolf') });
    expect(g.phase).toBe('over');
  });

  it('[R56] the checks apply in order: tanner, lovers, nobody, village, wolves', () => {
    // Tanner before everything else.
    expect(checkOutcome(table([['tanner', false], ['werewolf', true], ['villager', true]], 0))!.winner).toBe('tanner');
    // Lovers before the wolves' count.
    expect(checkOutcome(table([['werewolf', true, 1], ['villager', true, 0], ['villager', false]]))!.winner).toBe('lovers');
    // Nobody before the village (no wolf alive either).
    expect(checkOutcome(table([['werewolf', false], ['villager', false]]))!.winner).toBe('nobody');
    // Village before the wolves' count (no wolf alive, nobody else either → village only if someone lives).
    expect(checkOutcome(table([['werewolf', false], ['villager', true]]))!.winner).toBe('village');
    expect(checkOutcome(table([['werewolf', true], ['villager', true], ['villager', true]]))).toBeNull();
    expect(checkOutcome(table([['werewolf', true], ['villager', true], ['villager', false]]))!.winner).toBe('wolves');
  });

  it('[R56] the check runs when deaths are settled: not at dawn, but after the dawn pause', () => {
    const g = newGame({ players: 5, roles: { werewolf: 2 } });
    g.wolvesPick(g.others()[0]);
    expect(g.phase).toBe('dawn');
    expect(g.ctx.outcome).toBeNull();
    g.expire();
    expect(g.phase).toBe('over');
    expect(g.ctx.deadline).toBeNull();
  });
});
