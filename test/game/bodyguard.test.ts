import { describe, expect, it } from 'vitest';
import { NIGHT_ORDER, ROLE_IDS } from '../../shared/game/roles/index.ts';
import { autoRoles } from '../../shared/game/index.ts';
import { newGame } from '../helpers/game.ts';
import { playRandomGame } from '../helpers/sim.ts';

describe('bodyguard', () => {
  it('[R34] guards another living player from the wolves, never himself', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, bodyguard: 1 } });
    const guard = g.seat('bodyguard');
    const [v] = g.others([guard]);
    expect(g.view(guard).you!.prompt).toEqual({ kind: 'bodyguard', targets: g.living().filter((s) => s !== guard) });
    g.refuse({ type: 'night.act', seat: guard, action: { kind: 'bodyguard', target: guard } }, 'action/invalid-target');
    g.refuse({ type: 'night.act', seat: guard, action: { kind: 'bodyguard', target: 55 } }, 'action/invalid-target');
    g.ok({ type: 'night.act', seat: guard, action: { kind: 'bodyguard', target: v } });
    g.refuse({ type: 'night.act', seat: guard, action: { kind: 'bodyguard', target: v } }, 'action/already-done');
    g.wolvesPick(v);
    expect(g.phase).toBe('dawn');
    expect(g.alive(v)).toBe(true);
    expect(g.ctx.timeline.at(-1)).toEqual({ kind: 'night', day: 1, deaths: [] });
    expect(g.ctx.secrets).toContainEqual({ kind: 'bodyguard', night: 1, bodyguard: guard, seat: v });
  });

  it('[R34] the guard stops only the wolves: the poison still kills, and the unguarded victim dies', () => {
    const g = newGame({ players: 8, roles: { werewolf: 1, bodyguard: 1, witch: 1 } });
    const guard = g.seat('bodyguard');
    const witch = g.seat('witch');
    const [a, b] = g.others([guard, witch]);
    g.ok({ type: 'night.act', seat: guard, action: { kind: 'bodyguard', target: a } });
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: false, poison: a } });
    g.wolvesPick(b);
    expect(g.alive(a)).toBe(false);
    expect(g.alive(b)).toBe(false);
    expect(g.player(a).death?.cause).toBe('poison');
  });

  it('[R34] acts after the doctor and before the pack, reads as village, and is dealt only by hand', () => {
    const order = NIGHT_ORDER.map((r) => r.id);
    expect(order.indexOf('doctor')).toBeLessThan(order.indexOf('bodyguard'));
    expect(order.indexOf('bodyguard')).toBeLessThan(order.indexOf('werewolf'));
    expect(ROLE_IDS).toContain('bodyguard');
    for (let n = 5; n <= 20; n++) expect(autoRoles(n).bodyguard, `n=${n}`).toBeUndefined();
    const g = newGame({ players: 7, roles: { werewolf: 1, seer: 1, bodyguard: 1 } });
    g.ok({ type: 'night.act', seat: g.seat('seer'), action: { kind: 'seer', target: g.seat('bodyguard') } });
    expect(g.view(g.seat('seer')).you!.seerResults).toEqual([{ night: 1, seat: g.seat('bodyguard'), team: 'village' }]);
    expect(g.view(g.seat('bodyguard')).you!.team).toBe('village');
  });

  it('[R35] by default the same player may be guarded night after night; only the bodyguard sees whom he guarded', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, bodyguard: 1 } });
    const guard = g.seat('bodyguard');
    const [v] = g.others([guard]);
    g.ok({ type: 'night.act', seat: guard, action: { kind: 'bodyguard', target: v } });
    g.wolvesPick(g.others([guard, v])[0]);
    g.until('vote').everyoneVotes(null).until('night');
    expect(g.view(guard).you!.guarded).toBe(v);
    for (const s of g.living()) if (s !== guard) expect(g.view(s).you!.guarded).toBeUndefined();
    expect(g.view('spectator').you).toBeNull();
    expect((g.view(guard).you!.prompt as { targets: number[] }).targets).toContain(v);
    g.ok({ type: 'night.act', seat: guard, action: { kind: 'bodyguard', target: v } });
  });

  it('[R35] with roleOptions.bodyguard.noRepeat, never the same player two nights running; a night off frees the choice', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, bodyguard: 1 }, settings: { roleOptions: { bodyguard: { noRepeat: true } } } });
    const guard = g.seat('bodyguard');
    const [v, w] = g.others([guard]);
    g.ok({ type: 'night.act', seat: guard, action: { kind: 'bodyguard', target: v } });
    g.wolvesPick(w);
    g.until('vote').everyoneVotes(null).until('night');
    expect((g.view(guard).you!.prompt as { targets: number[] }).targets).not.toContain(v);
    g.refuse({ type: 'night.act', seat: guard, action: { kind: 'bodyguard', target: v } }, 'action/same-target');
    // No answer tonight: the next night he may guard v again.
    g.until('vote').everyoneVotes(null).until('night');
    g.ok({ type: 'night.act', seat: guard, action: { kind: 'bodyguard', target: v } });
  });

  it('[R34] [R35] random games with a bodyguard play to the end, his prompt answered from its declaration', () => {
    for (const seed of [1, 2, 3]) {
      const { final, events } = playRandomGame({ players: 9, seed, settings: { roles: { werewolf: 2, bodyguard: 1, seer: 1 }, roleOptions: { bodyguard: { noRepeat: seed === 2 } } } });
      expect(final.context.phase, `seed ${seed}`).toBe('over');
      expect(events.some((e) => e.type === 'night.act' && e.action.kind === 'bodyguard'), `seed ${seed}`).toBe(true);
    }
  });
});
