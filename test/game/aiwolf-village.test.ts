import { describe, expect, it } from 'vitest';
import { newGame } from '../helpers/game.ts';

describe('the AIWolf village, and the roles that read differently', () => {
  it('[R100] the medium learns at the next dawn whether the executed player was a werewolf; only she sees it', () => {
    const g = newGame({ players: 8, roles: { werewolf: 2, medium: 1 } });
    const medium = g.seat('medium');
    const [wolf] = g.seats('werewolf');
    const [victim] = g.others([medium]);
    g.wolvesPick(victim).until('vote').everyoneVotes(wolf);
    g.until('night');
    expect(g.view(medium).you!.mediumResults).toEqual([]);
    g.wolvesPick(g.others([medium])[0]).until('day');
    expect(g.view(medium).you!.mediumResults).toEqual([{ day: 1, seat: wolf, team: 'wolves' }]);
    for (const s of g.others([medium], [])) expect(g.view(s).you!.mediumResults).toBeUndefined();
    expect(g.ctx.secrets).toContainEqual({ kind: 'medium', night: 2, medium, seat: wolf, team: 'wolves' });
  });

  it('[R100] no execution, no result; a dead medium learns nothing', () => {
    const g = newGame({ players: 8, roles: { werewolf: 2, medium: 1 } });
    const medium = g.seat('medium');
    g.wolvesPick(g.others([medium])[0]).until('vote').everyoneVotes(null);
    g.until('night').wolvesPick(medium).until('day');
    expect(g.ctx.secrets.some((e) => e.kind === 'medium')).toBe(false);
  });

  it('[R101] the possessed reads as human to the seer and the medium, and does not know the pack nor the pack him', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, seer: 1, possessed: 1 } });
    const possessed = g.seat('possessed');
    const wolf = g.seat('werewolf');
    g.act(g.seat('seer'), { kind: 'seer', target: possessed });
    expect(g.view(g.seat('seer')).you!.seerResults).toEqual([{ night: 1, seat: possessed, team: 'village' }]);
    expect(g.view(possessed).you!.team).toBe('wolves');
    expect(g.view(possessed).you!.pack).toBeUndefined();
    expect(g.view(wolf).you!.pack).toEqual([wolf]);
    expect(g.ctx.night.actions[possessed]).toEqual({ kind: 'sleep' });
  });

  it('[R102] the lycan plays for the village but the seer sees a werewolf', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, seer: 1, lycan: 1 } });
    const lycan = g.seat('lycan');
    g.act(g.seat('seer'), { kind: 'seer', target: lycan });
    expect(g.view(g.seat('seer')).you!.seerResults).toEqual([{ night: 1, seat: lycan, team: 'wolves' }]);
    expect(g.view(lycan).you!.team).toBe('village');
  });

  it('[R150] [R151] [R152] [R190] the mayor, the prince, the apprentice and the fool are dealt only by hand, at most one each', async () => {
    const { autoRoles, rolesProblem } = await import('../../shared/game/deal.ts');
    for (let n = 5; n <= 20; n++) for (const r of ['mayor', 'prince', 'apprentice-seer', 'fool', 'medium', 'lycan']) expect(autoRoles(n)[r], `${r} n=${n}`).toBeUndefined();
    // The possessed is in Classic at some counts (R3's table, held by test/game/lobby.test.ts), never more than one.
    for (let n = 5; n <= 20; n++) expect(autoRoles(n).possessed ?? 0, `possessed n=${n}`).toBeLessThanOrEqual(1);
    for (const r of ['mayor', 'prince', 'apprentice-seer', 'fool', 'medium', 'possessed']) expect(rolesProblem({ werewolf: 1, [r]: 2 }, 9), r).toMatch(/at most one/);
  });

  it('[R190] the fool\'s looks are chance, the same at once and at dawn, and kept in the record as his own', () => {
    let wolvesSeen = 0;
    let looks = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const g = newGame({ players: 7, roles: { werewolf: 1, fool: 1 }, seed });
      const fool = g.seat('fool');
      const target = g.others([fool])[0];
      g.ok({ type: 'night.act', seat: fool, action: { kind: 'seer', target } });
      const atOnce = g.view(fool).you!.seerResults![0];
      g.wolvesPick(g.others([fool, target])[0]).until('day');
      expect(g.view(fool).you!.seerResults).toEqual([atOnce]);
      expect(g.ctx.secrets.filter((e) => e.kind === 'seer' || e.kind === 'fool')).toEqual([{ kind: 'fool', night: 1, fool, seat: target, team: atOnce.team }]);
      looks++;
      if (atOnce.team === 'wolves') wolvesSeen++;
    }
    // Villagers all: a true seer would never see a wolf here.
    expect(wolvesSeen).toBeGreaterThan(5);
    expect(wolvesSeen).toBeLessThan(looks - 5);
  });
});
