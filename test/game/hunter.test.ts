import { describe, expect, it } from 'vitest';
import { newGame } from '../helpers/game.ts';

describe('hunter', () => {
  it('[R30] a hunter killed at night shoots in a hunter phase of his own after dawn', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, hunter: 1 } });
    const hunter = g.seat('hunter');
    g.wolvesPick(hunter).until('dawn');
    expect(g.ctx.pendingShots).toEqual([hunter]);
    g.expire();
    expect(g.phase).toBe('hunter');
    expect(g.view(hunter).you!.prompt).toMatchObject({ kind: 'hunter' });
    const target = g.others([hunter])[0];
    g.ok({ type: 'hunter.shoot', seat: hunter, target });
    expect(g.player(target).death).toMatchObject({ cause: 'shot', publicCause: 'shot' });
    expect(g.ctx.timeline.at(-1)).toEqual({ kind: 'shot', day: 1, hunter, seat: target });
    expect(g.phase).toBe('day');
  });

  it('[R30] an executed hunter shoots; two hunters dying together shoot one after the other', () => {
    const g = newGame({ players: 8, roles: { werewolf: 1, hunter: 2, witch: 1 } });
    const [h1, h2] = g.seats('hunter');
    const witch = g.seat('witch');
    g.wolvesPick(h2);
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: false, poison: h1 } });
    g.until('dawn');
    expect(g.ctx.pendingShots).toEqual([h1, h2]);
    g.expire();
    expect(g.ctx.pendingShots[0]).toBe(h1);
    g.refuse({ type: 'hunter.shoot', seat: h2, target: witch }, 'hunter/not-due');
    g.ok({ type: 'hunter.shoot', seat: h1, target: null });
    expect(g.phase).toBe('hunter');
    expect(g.ctx.pendingShots).toEqual([h2]);
    g.ok({ type: 'hunter.shoot', seat: h2, target: null });
    expect(g.phase).toBe('day');

    const e = newGame({ players: 7, roles: { werewolf: 1, hunter: 1 } });
    const hunter = e.seat('hunter');
    e.until('vote').everyoneVotes(hunter);
    expect(e.phase).toBe('execution');
    e.expire();
    expect(e.phase).toBe('hunter');
  });

  it('[R30] a hunter removed for idling gets no shot', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, hunter: 1 } });
    const hunter = g.seat('hunter');
    for (let day = 0; day < 2; day++) {
      g.until('vote');
      for (const s of g.living()) if (s !== hunter) g.ok({ type: 'vote.cast', seat: s, target: null });
      g.until('execution');
    }
    expect(g.player(hunter).death).toMatchObject({ cause: 'afk' });
    expect(g.ctx.pendingShots).toEqual([]);
    g.expire();
    expect(g.phase).toBe('night');
  });

  it('[R31] the shot takes a living player other than himself, or nobody; time out shoots nobody', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, hunter: 1 } });
    const hunter = g.seat('hunter');
    const wolf = g.seat('werewolf');
    g.wolvesPick(hunter).until('hunter');
    g.refuse({ type: 'hunter.shoot', seat: hunter, target: hunter }, 'action/invalid-target');
    g.refuse({ type: 'hunter.shoot', seat: hunter, target: 99 }, 'action/invalid-target');
    g.refuse({ type: 'hunter.shoot', seat: wolf, target: hunter }, 'hunter/not-due');
    g.expire();
    expect(g.phase).toBe('day');
    expect(g.ctx.timeline.at(-1)).toEqual({ kind: 'shot', day: 1, hunter, seat: null });
    g.refuse({ type: 'hunter.shoot', seat: hunter, target: wolf }, 'hunter/not-due');
  });

  it('[R31] a shot lover takes the other along; a shot hunter shoots in turn', () => {
    const g = newGame({ players: 9, roles: { werewolf: 1, hunter: 2, cupid: 1 } });
    const [h1, h2] = g.seats('hunter');
    const cupid = g.seat('cupid');
    const [a, b] = g.others([h1, h2, cupid]);
    g.ok({ type: 'night.act', seat: cupid, action: { kind: 'cupid', targets: [h2, a] } });
    g.wolvesPick(h1).until('hunter');
    g.ok({ type: 'hunter.shoot', seat: h1, target: a });
    expect(g.player(a).death!.cause).toBe('shot');
    expect(g.player(h2).death).toMatchObject({ cause: 'grief', publicCause: 'grief' });
    expect(g.phase).toBe('hunter');
    expect(g.ctx.pendingShots).toEqual([h2]);
    g.ok({ type: 'hunter.shoot', seat: h2, target: b });
    expect(g.alive(b)).toBe(false);
  });

  it('[R32] a hunter who leaves before his shot forfeits it', () => {
    const g = newGame({ players: 8, roles: { werewolf: 1, hunter: 2, witch: 1 } });
    const [h1, h2] = g.seats('hunter');
    const witch = g.seat('witch');
    g.wolvesPick(h1);
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: false, poison: h2 } });
    g.until('dawn');
    expect(g.ctx.pendingShots).toEqual([h1, h2]);
    // The second hunter leaves while waiting: his shot is gone.
    g.ok({ type: 'room.leave', seat: h2 });
    expect(g.ctx.pendingShots).toEqual([h1]);
    g.expire();
    expect(g.phase).toBe('hunter');
    // The first leaves during his own turn: the phase ends at once, with no shot.
    g.ok({ type: 'room.leave', seat: h1 });
    expect(g.phase).toBe('day');
    expect(g.ctx.timeline.at(-1)).toEqual({ kind: 'shot', day: 1, hunter: h1, seat: null });
  });

  it('[R33] with reveal none, every eligible death opens a full-length hunter phase; a decoy cannot shoot and leaves no trace', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, hunter: 1 }, settings: { reveal: 'none' } });
    const hunter = g.seat('hunter');
    const wolf = g.seat('werewolf');
    const [victim, x] = g.others([hunter]);
    g.wolvesPick(victim).until('dawn');
    g.expire();
    // A villager died, yet the phase is the same as for a hunter.
    expect(g.phase).toBe('hunter');
    expect(g.view(victim).you!.prompt).toBeNull();
    g.refuse({ type: 'hunter.shoot', seat: victim, target: x }, 'hunter/not-due');
    const timeline = g.ctx.timeline;
    g.expire();
    expect(g.phase).toBe('day');
    expect(g.ctx.timeline).toEqual(timeline);

    // The hunter is executed: his shot is aimed, the phase runs to its deadline, then it is fired.
    g.until('vote').everyoneVotes(hunter);
    g.until('hunter');
    expect(g.view(hunter).you!.prompt).toMatchObject({ kind: 'hunter' });
    const before = g.view(x);
    g.ok({ type: 'hunter.shoot', seat: hunter, target: x });
    expect(g.phase).toBe('hunter');
    // Nobody else's view moved: the aim is secret until the phase ends.
    expect(g.view(x)).toEqual(before);
    expect(g.alive(x)).toBe(true);
    expect(g.view(hunter).you!.prompt).toBeNull();
    g.refuse({ type: 'hunter.shoot', seat: hunter, target: wolf }, 'hunter/not-due');
    g.expire();
    expect(g.alive(x)).toBe(false);
    expect(g.ctx.timeline.find((e) => e.kind === 'shot')).toEqual({ kind: 'shot', day: 1, hunter, seat: x });
    // The shot villager gets a decoy turn of his own.
    expect(g.phase).toBe('hunter');
  });

  it('[R33] with reveal full, or no hunter dealt, there is no decoy', () => {
    const full = newGame({ players: 7, roles: { werewolf: 1, hunter: 1 } });
    const [v] = full.others([full.seat('hunter')]);
    full.wolvesPick(v).until('dawn').expire();
    expect(full.phase).toBe('day');
    const none = newGame({ players: 7, roles: { werewolf: 1, seer: 1 }, settings: { reveal: 'none' } });
    none.wolvesPick(none.others([none.seat('seer')])[0]).until('dawn').expire();
    expect(none.phase).toBe('day');
  });
});
