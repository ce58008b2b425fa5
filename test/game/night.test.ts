import { describe, expect, it } from 'vitest';
import { NIGHT_ORDER, DAWN_ORDER } from '../../shared/game/roles/index.ts';
import { newGame } from '../helpers/game.ts';

describe('night', () => {
  it('[R20] night roles resolve in the order cupid, seer, doctor, werewolves, witch', () => {
    // Other roles may come between these (each declares its priority); these keep their order.
    const core = ['cupid', 'seer', 'doctor', 'werewolf', 'witch'];
    expect(NIGHT_ORDER.map((r) => r.id).filter((id) => core.includes(id))).toEqual(core);
    const priorities = DAWN_ORDER.map((s) => s.priority);
    expect(new Set(priorities).size, 'no two dawn steps share a priority').toBe(priorities.length);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
  });

  it('[R20] roles without a night action, the dead and the wrong phase are refused', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, hunter: 1, tanner: 1, seer: 1 } });
    const v = g.seat('villager');
    const seer = g.seat('seer');
    g.refuse({ type: 'night.act', seat: v, action: { kind: 'seer', target: seer } }, 'action/not-allowed');
    g.refuse({ type: 'night.act', seat: g.seat('hunter'), action: { kind: 'wolf', target: v } }, 'action/not-allowed');
    g.refuse({ type: 'night.act', seat: g.seat('tanner'), action: { kind: 'doctor', target: v } }, 'action/not-allowed');
    g.refuse({ type: 'night.act', seat: seer, action: { kind: 'wolf', target: v } }, 'action/not-allowed');
    g.refuse({ type: 'night.act', seat: 42, action: { kind: 'seer', target: v } }, 'room/not-member');
    g.refuse({ type: 'night.act', seat: seer, action: { kind: 'seer', target: 42 } }, 'action/invalid-target');
    g.wolvesPick(seer).until('day');
    g.refuse({ type: 'night.act', seat: g.seat('werewolf'), action: { kind: 'wolf', target: v } }, 'phase/wrong');
    g.until('night');
    g.refuse({ type: 'night.act', seat: seer, action: { kind: 'seer', target: v } }, 'player/dead');
  });

  it('[R20] a night action is answered once; a second one is refused', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1, seer: 1, doctor: 1 } });
    const seer = g.seat('seer');
    const doctor = g.seat('doctor');
    const [a, b] = g.others([seer, doctor]);
    g.ok({ type: 'night.act', seat: seer, action: { kind: 'seer', target: a } });
    g.refuse({ type: 'night.act', seat: seer, action: { kind: 'seer', target: b } }, 'action/already-done');
    g.ok({ type: 'night.act', seat: doctor, action: { kind: 'doctor', target: a } });
    g.refuse({ type: 'night.act', seat: doctor, action: { kind: 'doctor', target: b } }, 'action/already-done');
  });

  it('[R21] cupid links two living players on night 1; each learns the other at dawn, cupid learns the couple', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1, cupid: 1 } });
    const cupid = g.seat('cupid');
    const [a, b] = g.others([cupid]);
    g.refuse({ type: 'night.act', seat: cupid, action: { kind: 'cupid', targets: [a, a] } }, 'action/invalid-target');
    g.refuse({ type: 'night.act', seat: cupid, action: { kind: 'cupid', targets: [a, 77] } }, 'action/invalid-target');
    g.ok({ type: 'night.act', seat: cupid, action: { kind: 'cupid', targets: [b, a] } });
    g.refuse({ type: 'night.act', seat: cupid, action: { kind: 'cupid', targets: [a, b] } }, 'action/already-done');
    expect(g.view(a).you!.lover).toBeUndefined();
    g.until('dawn');
    expect(g.player(a).lover).toBe(b);
    expect(g.player(b).lover).toBe(a);
    expect(g.view(a).you!.lover).toBe(b);
    expect(g.view(b).you!.lover).toBe(a);
    expect(g.view(cupid).you!.lovers).toEqual([a, b].sort((x, y) => x - y));
  });

  it('[R21] cupid may link himself, and has no action after night 1', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1, cupid: 1 } });
    const cupid = g.seat('cupid');
    const [a] = g.others([cupid]);
    g.ok({ type: 'night.act', seat: cupid, action: { kind: 'cupid', targets: [cupid, a] } });
    g.until('vote').everyoneVotes(null).until('night');
    expect(g.view(cupid).you!.prompt).toBeNull();
    g.refuse({ type: 'night.act', seat: cupid, action: { kind: 'cupid', targets: [a, g.others([cupid, a])[0]] } }, 'action/not-allowed');
  });

  it('[R22] the victim is the plurality of the living wolves\' picks, which may change until dawn', () => {
    const g = newGame({ players: 9, roles: { werewolf: 3 } });
    const [w1, w2, w3] = g.seats('werewolf');
    const [a, b] = g.others();
    g.refuse({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: w2 } }, 'action/invalid-target');
    g.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: a } });
    g.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: b } });
    g.ok({ type: 'night.act', seat: w2, action: { kind: 'wolf', target: b } });
    g.ok({ type: 'night.act', seat: w3, action: { kind: 'wolf', target: a } });
    expect(g.phase).toBe('dawn');
    expect(g.alive(b)).toBe(false);
    expect(g.alive(a)).toBe(true);
    expect(g.player(b).death).toMatchObject({ cause: 'wolves', publicCause: 'night' });
  });

  it('[R22] a tie between picks is broken by the seeded PRNG: same seed, same victim; both happen', () => {
    const victims = new Set<number>();
    for (let seed = 1; seed <= 12; seed++) {
      const run = () => {
        const g = newGame({ players: 8, roles: { werewolf: 2 }, seed });
        const [w1, w2] = g.seats('werewolf');
        const [a, b] = g.others();
        g.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: a } });
        g.ok({ type: 'night.act', seat: w2, action: { kind: 'wolf', target: b } });
        const dead = g.ctx.players.filter((p) => !p.alive).map((p) => p.seat);
        expect(dead).toHaveLength(1);
        expect([a, b]).toContain(dead[0]);
        return dead[0] === a ? 'first' : 'second';
      };
      const first = run();
      expect(run()).toBe(first);
      victims.add(first === 'first' ? 0 : 1);
    }
    expect(victims.size).toBe(2);
  });

  it('[R22] no pick, no victim; the pick of a wolf who left does not count', () => {
    const g = newGame({ players: 8, roles: { werewolf: 2 } });
    g.until('dawn');
    expect(g.ctx.timeline.at(-1)).toEqual({ kind: 'night', day: 1, deaths: [] });
    const h = newGame({ players: 8, roles: { werewolf: 2 } });
    const [w1, w2] = h.seats('werewolf');
    const [a, b] = h.others();
    h.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: a } });
    h.ok({ type: 'room.leave', seat: w1 });
    h.ok({ type: 'night.act', seat: w2, action: { kind: 'wolf', target: b } });
    expect(h.phase).toBe('dawn');
    expect(h.alive(a)).toBe(true);
    expect(h.alive(b)).toBe(false);
  });

  it('[R22] a victim who left is not attacked; the other picks decide', () => {
    const g = newGame({ players: 9, roles: { werewolf: 3 } });
    const [w1, w2, w3] = g.seats('werewolf');
    const [a, b] = g.others();
    g.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: a } });
    g.ok({ type: 'night.act', seat: w2, action: { kind: 'wolf', target: a } });
    g.ok({ type: 'night.act', seat: w3, action: { kind: 'wolf', target: b } });
    // Everyone has answered, so the night is over; replay with the victim leaving first.
    const h = newGame({ players: 9, roles: { werewolf: 3 } });
    h.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: a } });
    h.ok({ type: 'night.act', seat: w2, action: { kind: 'wolf', target: a } });
    h.ok({ type: 'room.leave', seat: a });
    h.ok({ type: 'night.act', seat: w3, action: { kind: 'wolf', target: b } });
    expect(h.alive(b)).toBe(false);
    expect(h.player(a).death!.cause).toBe('left');
  });

  it('[R23] the seer learns the side of a living player at once; the tanner reads as village', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, seer: 1, tanner: 1 } });
    const seer = g.seat('seer');
    const wolf = g.seat('werewolf');
    const tanner = g.seat('tanner');
    g.refuse({ type: 'night.act', seat: seer, action: { kind: 'seer', target: seer } }, 'action/invalid-target');
    g.ok({ type: 'night.act', seat: seer, action: { kind: 'seer', target: wolf } });
    expect(g.phase).toBe('night');
    expect(g.view(seer).you!.seerResults).toEqual([{ night: 1, seat: wolf, team: 'wolves' }]);
    g.wolvesPick(g.others([seer, tanner])[0]).until('vote').everyoneVotes(null).until('night');
    g.ok({ type: 'night.act', seat: seer, action: { kind: 'seer', target: tanner } });
    expect(g.view(seer).you!.seerResults).toEqual([{ night: 1, seat: wolf, team: 'wolves' }, { night: 2, seat: tanner, team: 'village' }]);
  });

  it('[R24] the doctor saves the wolves\' victim, may protect himself, but not the same player twice running', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, doctor: 1 } });
    const doctor = g.seat('doctor');
    g.ok({ type: 'night.act', seat: doctor, action: { kind: 'doctor', target: doctor } });
    g.wolvesPick(doctor);
    expect(g.phase).toBe('dawn');
    expect(g.alive(doctor)).toBe(true);
    expect(g.ctx.timeline.at(-1)).toEqual({ kind: 'night', day: 1, deaths: [] });
    g.until('vote').everyoneVotes(null).until('night');
    expect(g.view(doctor).you!.lastProtected).toBe(doctor);
    expect(g.view(doctor).you!.prompt).toMatchObject({ kind: 'doctor' });
    expect((g.view(doctor).you!.prompt as { targets: number[] }).targets).not.toContain(doctor);
    g.refuse({ type: 'night.act', seat: doctor, action: { kind: 'doctor', target: doctor } }, 'action/same-target');
    const other = g.others([doctor])[0];
    g.ok({ type: 'night.act', seat: doctor, action: { kind: 'doctor', target: other } });
    g.wolvesPick(doctor);
    expect(g.alive(doctor)).toBe(false);
  });

  it('[R24] a night without the doctor\'s answer frees the choice for the next night', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, doctor: 1 } });
    const doctor = g.seat('doctor');
    const v = g.others([doctor])[0];
    g.ok({ type: 'night.act', seat: doctor, action: { kind: 'doctor', target: v } });
    g.until('vote').everyoneVotes(null).until('night');
    g.until('vote').everyoneVotes(null).until('night');
    expect((g.ctx.roles[doctor] as { last: number | null }).last).toBeNull();
    g.ok({ type: 'night.act', seat: doctor, action: { kind: 'doctor', target: v } });
  });

  it('[R25] the witch sees the pack\'s victim as it stands; no heal while there is none', () => {
    const g = newGame({ players: 8, roles: { werewolf: 2, witch: 1 } });
    const witch = g.seat('witch');
    const [w1, w2] = g.seats('werewolf');
    const [a, b] = g.others([witch]);
    expect(g.view(witch).you!.prompt).toMatchObject({ kind: 'witch', victim: null, canHeal: false, canPoison: true });
    g.refuse({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: true, poison: null } }, 'action/no-victim');
    g.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: a } });
    expect(g.view(witch).you!.prompt).toMatchObject({ victim: a, canHeal: true });
    g.ok({ type: 'night.act', seat: w2, action: { kind: 'wolf', target: b } });
    expect(g.view(witch).you!.prompt).toMatchObject({ victim: null, canHeal: false });
    g.refuse({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: true, poison: null } }, 'action/no-victim');
    g.refuse({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: false, poison: witch } }, 'action/invalid-target');
    g.refuse({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: false, poison: 55 } }, 'action/invalid-target');
  });

  it('[R25] each potion once per game; both may go in the same night; a second potion is refused', () => {
    const g = newGame({ players: 8, roles: { werewolf: 1, witch: 1 } });
    const witch = g.seat('witch');
    const [a, b, c] = g.others([witch]);
    g.wolvesPick(a);
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: true, poison: b } });
    expect(g.alive(a)).toBe(true);
    expect(g.alive(b)).toBe(false);
    expect(g.view(witch).you!.potions).toEqual({ heal: false, poison: false });
    g.until('vote').everyoneVotes(null).until('night');
    g.wolvesPick(c);
    g.refuse({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: true, poison: null } }, 'action/no-potion');
    g.refuse({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: false, poison: c } }, 'action/no-potion');
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: false, poison: null } });
    g.refuse({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: false, poison: null } }, 'phase/wrong');
  });

  it('[R25] a witch who answered is not asked again that night', () => {
    const g = newGame({ players: 8, roles: { werewolf: 2, witch: 1 } });
    const witch = g.seat('witch');
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: false, poison: null } });
    expect(g.view(witch).you).toMatchObject({ prompt: null, acted: true });
    g.refuse({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: false, poison: null } }, 'action/already-done');
  });

  it('[R26] the heal saves whoever the wolves finally attack, even after the pack changed its pick', () => {
    const g = newGame({ players: 8, roles: { werewolf: 2, witch: 1 } });
    const witch = g.seat('witch');
    const [w1, w2] = g.seats('werewolf');
    const [a, b] = g.others([witch]);
    g.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: a } });
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: true, poison: null } });
    g.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: b } });
    g.ok({ type: 'night.act', seat: w2, action: { kind: 'wolf', target: b } });
    expect(g.phase).toBe('dawn');
    expect(g.alive(a)).toBe(true);
    expect(g.alive(b)).toBe(true);
    expect(g.ctx.secrets.find((s) => s.kind === 'witch')).toMatchObject({ heal: b, poison: null });
    expect((g.ctx.roles[witch] as { heal: boolean }).heal).toBe(false);
  });

  it('[R26] a heal on a victim the doctor already protected is spent all the same', () => {
    const g = newGame({ players: 8, roles: { werewolf: 1, witch: 1, doctor: 1 } });
    const witch = g.seat('witch');
    const doctor = g.seat('doctor');
    const a = g.others([witch, doctor])[0];
    g.wolvesPick(a);
    g.ok({ type: 'night.act', seat: doctor, action: { kind: 'doctor', target: a } });
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: true, poison: null } });
    expect(g.alive(a)).toBe(true);
    expect(g.ctx.roles[witch]).toEqual({ heal: false, poison: true });
  });

  it('[R27] the poison is not blocked by the doctor, nor by the heal', () => {
    const g = newGame({ players: 8, roles: { werewolf: 1, witch: 1, doctor: 1 } });
    const witch = g.seat('witch');
    const doctor = g.seat('doctor');
    const a = g.others([witch, doctor])[0];
    g.wolvesPick(a);
    g.ok({ type: 'night.act', seat: doctor, action: { kind: 'doctor', target: a } });
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: true, poison: a } });
    expect(g.alive(a)).toBe(false);
    expect(g.player(a).death).toMatchObject({ cause: 'poison', publicCause: 'night' });
  });

  it('[R28] all night deaths come at once at dawn, in seat order, announced as night deaths', () => {
    const g = newGame({ players: 8, roles: { werewolf: 1, witch: 1 } });
    const witch = g.seat('witch');
    const [a, b] = g.others([witch]);
    g.wolvesPick(b);
    expect(g.alive(b)).toBe(true);
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: false, poison: a } });
    expect(g.phase).toBe('dawn');
    expect(g.ctx.timeline.at(-1)).toEqual({ kind: 'night', day: 1, deaths: [a, b].sort((x, y) => x - y) });
    for (const s of [a, b]) expect(g.view('spectator').players[s].death).toEqual({ day: 1, cause: 'night' });
  });

  it('[R29] when a lover dies the other dies of grief: as a night death at dawn, as grief by day', () => {
    const g = newGame({ players: 8, roles: { werewolf: 1, cupid: 1 } });
    const cupid = g.seat('cupid');
    const [a, b, c, d] = g.others([cupid]);
    g.ok({ type: 'night.act', seat: cupid, action: { kind: 'cupid', targets: [a, b] } });
    g.wolvesPick(a);
    expect(g.alive(a) || g.alive(b)).toBe(false);
    expect(g.player(b).death).toMatchObject({ cause: 'grief', publicCause: 'night' });
    expect(g.ctx.timeline.at(-1)).toMatchObject({ kind: 'night', deaths: [a, b].sort((x, y) => x - y) });

    const h = newGame({ players: 8, roles: { werewolf: 1, cupid: 1 } });
    h.ok({ type: 'night.act', seat: cupid, action: { kind: 'cupid', targets: [c, d] } });
    h.until('vote').everyoneVotes(c);
    expect(h.player(d).death).toMatchObject({ cause: 'grief', publicCause: 'grief' });
    expect(h.ctx.timeline).toContainEqual({ kind: 'death', day: 1, seat: d, cause: 'grief' });
  });
});
