import { describe, expect, it } from 'vitest';
import { newGame } from '../helpers/game.ts';

describe('views', () => {
  it('[R70] a view is a pure function of the state and the audience; spectators have no seat', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1, seer: 1 } });
    expect(g.view(2)).toEqual(g.view(2));
    expect(g.view('spectator').you).toBeNull();
    expect(g.view(2).you!.seat).toBe(2);
    expect('version' in g.view(2)).toBe(false);
    expect(g.view(99).you).toBeNull();
  });

  it('[R71] the public part: phase, deadline, settings, host, seats with public deaths, timeline', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1 } });
    const victim = g.others()[0];
    g.wolvesPick(victim).until('day');
    const v = g.view('spectator');
    expect(v).toMatchObject({ gameNo: 1, phase: 'day', phaseId: g.ctx.phaseId, day: 1, deadline: g.ctx.deadline, host: 0, vote: null, ready: [], outcome: null });
    expect(v.settings).toBe(g.ctx.settings);
    expect(v.players[victim]).toEqual({ seat: victim, name: `P${victim}`, bot: false, connected: true, alive: false, death: { day: 1, cause: 'night' }, role: 'villager', team: 'village' });
    expect(v.timeline).toEqual([{ kind: 'night', day: 1, deaths: [victim] }]);
    expect(v.secrets).toBeUndefined();
  });

  it('[R72] each player sees his own role; the others\' only once dead, as the reveal setting says', () => {
    for (const reveal of ['full', 'team', 'none'] as const) {
      const g = newGame({ players: 6, roles: { werewolf: 1, seer: 1 }, settings: { reveal } });
      const seer = g.seat('seer');
      const wolf = g.seat('werewolf');
      const v = g.view(seer);
      expect(v.players[seer]).toMatchObject({ role: 'seer', team: 'village' });
      expect(v.you).toMatchObject({ role: 'seer', team: 'village' });
      for (const p of v.players) if (p.seat !== seer) expect(p.role === undefined && p.team === undefined).toBe(true);
      g.wolvesPick(seer).until('day');
      const dead = g.view(wolf).players[seer];
      if (reveal === 'full') expect(dead).toMatchObject({ role: 'seer', team: 'village' });
      if (reveal === 'team') { expect(dead.team).toBe('village'); expect(dead.role).toBeUndefined(); }
      if (reveal === 'none') { expect(dead.team).toBeUndefined(); expect(dead.role).toBeUndefined(); }
    }
  });

  it('[R73] a werewolf sees the pack and, at night, each pick; nobody else does', () => {
    const g = newGame({ players: 8, roles: { werewolf: 2, seer: 1 } });
    const [w1, w2] = g.seats('werewolf');
    const target = g.others()[0];
    g.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target } });
    expect(g.view(w2).you).toMatchObject({ pack: [w1, w2], packPicks: { [w1]: target }, prompt: { kind: 'wolf', current: null } });
    expect(g.view(w1).you!.prompt).toMatchObject({ kind: 'wolf', current: target });
    for (const s of g.others()) {
      expect(g.view(s).you!.pack).toBeUndefined();
      expect(g.view(s).you!.packPicks).toBeUndefined();
    }
    g.until('day');
    expect(g.view(w1).you!.packPicks).toEqual({});
  });

  it('[R74] each lover sees the other; cupid sees the couple; nobody else does', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, cupid: 1 } });
    const cupid = g.seat('cupid');
    const [a, b, c] = g.others([cupid]);
    g.ok({ type: 'night.act', seat: cupid, action: { kind: 'cupid', targets: [a, b] } });
    expect(g.view(cupid).you!.lovers).toBeUndefined();
    g.until('day');
    expect(g.view(a).you!.lover).toBe(b);
    expect(g.view(cupid).you!.lovers).toEqual([a, b].sort((x, y) => x - y));
    expect(g.view(c).you!.lover).toBeUndefined();
    expect(g.view(c).you!.lovers).toBeUndefined();
    expect(g.view(a).you!.lovers).toBeUndefined();
  });

  it('[R75] seer results, the doctor\'s last protection, the witch\'s potions and victim stay with their owners', () => {
    const g = newGame({ players: 8, roles: { werewolf: 1, seer: 1, doctor: 1, witch: 1 } });
    const seer = g.seat('seer');
    const doctor = g.seat('doctor');
    const witch = g.seat('witch');
    const wolf = g.seat('werewolf');
    const v = g.seat('villager');
    g.ok({ type: 'night.act', seat: seer, action: { kind: 'seer', target: wolf } });
    g.ok({ type: 'night.act', seat: doctor, action: { kind: 'doctor', target: v } });
    g.wolvesPick(v);
    expect(g.view(witch).you!.prompt).toMatchObject({ kind: 'witch', victim: v });
    expect(g.view(witch).you!.potions).toEqual({ heal: true, poison: true });
    expect(g.view(seer).you!.seerResults).toHaveLength(1);
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: false, poison: null } });
    expect(g.view(doctor).you!.lastProtected).toBe(v);
    for (const s of g.living()) {
      const you = g.view(s).you!;
      if (s !== seer) expect(you.seerResults).toBeUndefined();
      if (s !== doctor) expect(you.lastProtected).toBeUndefined();
      if (s !== witch) expect(you.potions).toBeUndefined();
    }
  });

  it('[R76] prompts say what a seat may do now, and whether its night action is done', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1, seer: 1 } });
    const seer = g.seat('seer');
    const wolf = g.seat('werewolf');
    const v = g.seat('villager');
    expect(g.view(v).you!.prompt).toBeNull();
    expect(g.view(seer).you).toMatchObject({ prompt: { kind: 'seer', targets: g.living().filter((s) => s !== seer) }, acted: false });
    expect(g.view(wolf).you!.prompt).toEqual({ kind: 'wolf', targets: g.others(), current: null });
    g.ok({ type: 'night.act', seat: seer, action: { kind: 'seer', target: v } });
    expect(g.view(seer).you).toMatchObject({ prompt: null, acted: true });
    g.until('day');
    expect(g.view(v).you!.prompt).toEqual({ kind: 'ready', done: false });
    g.ok({ type: 'day.ready', seat: v });
    expect(g.view(v).you!.prompt).toEqual({ kind: 'ready', done: true });
    g.until('vote');
    expect(g.view(v).you!.prompt).toEqual({ kind: 'vote', targets: g.living(), current: undefined, canAbstain: true });
  });

  it('[R77] during the vote everyone sees the round, the candidates and who voted', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1 }, settings: { secretVotes: true } });
    g.until('vote');
    const [a, b] = g.living();
    g.ok({ type: 'vote.cast', seat: a, target: b });
    for (const who of [...g.living(), 'spectator' as const]) expect(g.view(who).vote).toEqual({ round: 1, candidates: g.living(), voted: [a] });
    g.expire();
    expect(g.view('spectator').vote).toBeNull();
  });

  it('[R78] at game over everyone sees every role, every true cause, the secret record and all chat', () => {
    const g = newGame({ players: 5, roles: { werewolf: 1, seer: 1 } });
    const wolf = g.seat('werewolf');
    const victim = g.others([g.seat('seer')])[0];
    g.ok({ type: 'chat.send', seat: wolf, channel: 'wolves', text: 'mine' });
    g.wolvesPick(victim).until('vote').everyoneVotes(wolf).until('over');
    for (const who of [...g.ctx.players.map((p) => p.seat), 'spectator' as const]) {
      const v = g.view(who);
      for (const p of v.players) expect(p.role).toBe(g.role(p.seat));
      expect(v.players[victim].death).toEqual({ day: 1, cause: 'wolves' });
      expect(v.secrets).toEqual(g.ctx.secrets);
      expect(v.secrets!.map((s) => s.kind)).toContain('deal');
      expect(v.chat.map((m) => m.text)).toContain('mine');
      expect(v.outcome).toMatchObject({ winner: 'village' });
    }
  });

  it('[R79] a spectator sees the public part only; a dead player sees the public part, his own seat and the dead\'s chat', () => {
    const g = newGame({ players: 8, roles: { werewolf: 2, seer: 1 }, settings: { reveal: 'none' } });
    const seer = g.seat('seer');
    g.ok({ type: 'night.act', seat: seer, action: { kind: 'seer', target: g.seats('werewolf')[0] } });
    g.wolvesPick(seer).until('day');
    g.ok({ type: 'chat.send', seat: seer, channel: 'dead', text: 'it is them' });
    const spectator = g.view('spectator');
    expect(spectator.you).toBeNull();
    expect(spectator.players.every((p) => p.role === undefined)).toBe(true);
    expect(spectator.chat).toEqual([]);
    expect(spectator.secrets).toBeUndefined();
    const dead = g.view(seer);
    expect(dead.you).toMatchObject({ alive: false, role: 'seer', prompt: null });
    expect(dead.you!.seerResults).toHaveLength(1);
    expect(dead.chat.map((m) => m.text)).toEqual(['it is them']);
    expect(dead.players.filter((p) => p.role !== undefined).map((p) => p.seat)).toEqual([seer]);
  });
});

describe('[H11] lovers\' team and chat at game over', () => {
  it('[R50] [R72] a cross-team lover sees team lovers from dawn on; others see it only at game over', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, cupid: 1 } });
    const wolf = g.seat('werewolf');
    const cupid = g.seat('cupid');
    const [lover, other] = g.others([cupid]);
    g.ok({ type: 'night.act', seat: cupid, action: { kind: 'cupid', targets: [wolf, lover] } });
    g.wolvesPick(other).until('dawn');
    for (const s of [wolf, lover]) {
      expect(g.view(s).you!.team).toBe('lovers');
      expect(g.view(s).players.find((p) => p.seat === s)!.team).toBe('lovers');
    }
    expect(g.view(cupid).you!.team).toBe('village');
    expect(g.view(other).players.find((p) => p.seat === lover)!.team).toBeUndefined();
    // The lover dies (with reveal full): the village sees his role's team while the game runs.
    g.until('vote').everyoneVotes(lover);
    expect(g.view(other).players.find((p) => p.seat === lover)!.team).toBe('village');
    expect(g.view(other).players.find((p) => p.seat === wolf)!.team).toBe('wolves');
    g.until('over');
    for (const audience of [other, 'spectator'] as const) {
      const players = g.view(audience).players;
      expect(players.find((p) => p.seat === lover)!.team).toBe('lovers');
      expect(players.find((p) => p.seat === wolf)!.team).toBe('lovers');
      expect(players.find((p) => p.seat === cupid)!.team).toBe('village');
    }
  });

  it('[R65] [R78] the room:update at game over carries the chat of the channels that became readable', async () => {
    const { ViewTracker } = await import('../../server/rooms/tracker.ts');
    const { readable } = await import('../../shared/game/index.ts');
    const g = newGame({ players: 5, roles: { werewolf: 1, seer: 1 } });
    const wolf = g.seat('werewolf');
    const villager = g.others([wolf], ['werewolf', 'seer'])[0];
    const tracker = new ViewTracker();
    const seen = (seat: number) => tracker.update(`seat:${seat}`, g.view(seat), readable(g.ctx, { kind: 'seat', seat }));
    seen(villager);
    g.ok({ type: 'chat.send', seat: wolf, channel: 'wolves', text: 'eat seat one' });
    // New chat alone never moves a view's fields: it goes out as chat:message.
    expect(seen(villager)).toBeNull();
    g.until('vote').everyoneVotes(wolf);
    g.until('over');
    const upd = seen(villager)!;
    expect(upd.changes.chat!.map((m) => [m.channel, m.text])).toEqual([['wolves', 'eat seat one']]);
    expect('version' in upd.changes).toBe(false);
  });
});
