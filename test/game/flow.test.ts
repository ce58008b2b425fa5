import { describe, expect, it } from 'vitest';
import { PHASES } from '../../shared/views.ts';
import { newGame, TEST_DURATIONS } from '../helpers/game.ts';

describe('game flow', () => {
  it('[R1] phases come in order: lobby, night, dawn, day, vote, execution, night … over', () => {
    expect(PHASES).toEqual(['lobby', 'night', 'dawn', 'day', 'vote', 'execution', 'hunter', 'over']);
    const g = newGame({ players: 6, roles: { werewolf: 1, seer: 1 }, lobbyOnly: true });
    const seen: string[] = [g.phase];
    const note = () => { if (seen.at(-1) !== g.phase) seen.push(g.phase); };
    g.ok({ type: 'game.start', seat: 0, seed: 11 });
    note();
    for (let i = 0; i < 5; i++) { g.expire(); note(); }
    expect(seen).toEqual(['lobby', 'night', 'dawn', 'day', 'vote', 'execution', 'night']);
    expect(g.ctx.day).toBe(2);
  });

  it('[R1] a second vote round follows a tie under the revote rule', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1 } });
    g.until('vote');
    const [a, b, c, d] = g.living();
    g.ballots({ [a]: b, [b]: a, [c]: null, [d]: null });
    g.expire();
    expect(g.phase).toBe('vote');
    expect(g.ctx.vote).toMatchObject({ round: 2, candidates: [a, b].sort((x, y) => x - y) });
  });

  it('[R7] the night ends as soon as every living player has answered: role holders act, everyone else sleeps', () => {
    const g = newGame({ players: 6, roles: { werewolf: 2, seer: 1 }, autoSleep: false });
    const [w1, w2] = g.seats('werewolf');
    const seer = g.seat('seer');
    const villagers = g.others([seer]);
    const target = villagers[0];
    for (const v of villagers) expect(g.view(v).you!.prompt).toEqual({ kind: 'sleep' });
    g.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target } });
    g.ok({ type: 'night.act', seat: seer, action: { kind: 'seer', target: w1 } });
    g.ok({ type: 'night.act', seat: w2, action: { kind: 'wolf', target } });
    expect(g.phase).toBe('night');
    for (const v of villagers.slice(0, -1)) g.ok({ type: 'night.act', seat: v, action: { kind: 'sleep' } });
    expect(g.phase).toBe('night');
    expect(g.view(villagers[0]).you).toMatchObject({ acted: true, prompt: null });
    g.refuse({ type: 'night.act', seat: villagers[0], action: { kind: 'sleep' } }, 'action/already-done');
    g.refuse({ type: 'night.act', seat: seer, action: { kind: 'sleep' } }, 'action/already-done');
    g.refuse({ type: 'night.act', seat: w1, action: { kind: 'sleep' } }, 'action/not-allowed');
    g.ok({ type: 'night.act', seat: villagers.at(-1)!, action: { kind: 'sleep' } });
    expect(g.phase).toBe('dawn');
  });

  it('[R7] a role holder with an action due cannot sleep it away', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1, seer: 1, doctor: 1 }, autoSleep: false });
    g.refuse({ type: 'night.act', seat: g.seat('seer'), action: { kind: 'sleep' } }, 'action/not-allowed');
    g.refuse({ type: 'night.act', seat: g.seat('doctor'), action: { kind: 'sleep' } }, 'action/not-allowed');
    g.refuse({ type: 'night.act', seat: g.seat('werewolf'), action: { kind: 'sleep' } }, 'action/not-allowed');
  });

  it('[R7] a dead role holder is not waited for', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1, seer: 1 } });
    const seer = g.seat('seer');
    g.wolvesPick(seer).until('vote');
    g.everyoneVotes(null).until('night');
    expect(g.alive(seer)).toBe(false);
    g.wolvesPick(g.others()[0]);
    expect(g.phase).toBe('dawn');
  });

  it('[R7] cupid is waited for on night 1 only', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1, cupid: 1 } });
    const cupid = g.seat('cupid');
    g.wolvesPick(g.others([cupid])[0]);
    expect(g.phase).toBe('night');
    const [a, b] = g.living();
    g.ok({ type: 'night.act', seat: cupid, action: { kind: 'cupid', targets: [a, b] } });
    expect(g.phase).toBe('dawn');
    g.until('vote').everyoneVotes(null).until('night');
    g.wolvesPick(g.others([cupid, a, b])[0]);
    expect(g.phase).toBe('dawn');
  });

  it('[R8] a witch with no potion left is still asked and still waited for', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, witch: 1 } });
    const witch = g.seat('witch');
    const [v1, v2] = g.others([witch]);
    g.wolvesPick(v1);
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: true, poison: v2 } });
    expect(g.phase).toBe('dawn');
    g.until('vote').everyoneVotes(null).until('night');
    expect(g.ctx.roles[witch]).toEqual({ heal: false, poison: false });
    g.wolvesPick(g.others([witch])[0]);
    expect(g.phase).toBe('night');
    expect(g.view(witch).you!.prompt).toMatchObject({ kind: 'witch', canHeal: false, canPoison: false });
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: false, poison: null } });
    expect(g.phase).toBe('dawn');
  });

  it('[R9] each phase has a fresh id and a deadline from the clock of the event that opened it', () => {
    const g = newGame({ players: 5, lobbyOnly: true });
    expect(g.ctx.deadline).toBeNull();
    g.now = 5_000;
    g.ok({ type: 'game.start', seat: 0, seed: 2 });
    expect(g.ctx.deadline).toBe(5_000 + TEST_DURATIONS.night * 1000);
    const id = g.ctx.phaseId;
    g.expire();
    expect(g.phase).toBe('dawn');
    expect(g.ctx.phaseId).toBe(id + 1);
    expect(g.ctx.deadline).toBe(5_000 + TEST_DURATIONS.night * 1000 + TEST_DURATIONS.dawn * 1000);
  });

  it('[R9] a timer of an older phase is refused and ignored', () => {
    const g = newGame({ players: 5 });
    const stale = g.ctx.phaseId;
    g.expire();
    g.refuse({ type: 'timer.expired', phaseId: stale }, 'phase/wrong');
    expect(g.phase).toBe('dawn');
    const lobby = newGame({ players: 5, lobbyOnly: true });
    lobby.refuse({ type: 'timer.expired', phaseId: lobby.ctx.phaseId }, 'phase/wrong');
  });

  it('[R10] after dawn the hunter shoots before the win check, and day follows', () => {
    const g = newGame({ players: 5, roles: { werewolf: 1, hunter: 1 } });
    const hunter = g.seat('hunter');
    const wolf = g.seat('werewolf');
    g.wolvesPick(hunter).until('dawn');
    g.expire();
    expect(g.phase).toBe('hunter');
    g.ok({ type: 'hunter.shoot', seat: hunter, target: wolf });
    expect(g.phase).toBe('over');
    expect(g.ctx.outcome!.winner).toBe('village');
  });

  it('[R10] after an execution with nothing pending the night follows; after dawn the day', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1 } });
    g.until('dawn').expire();
    expect(g.phase).toBe('day');
    g.until('execution').expire();
    expect(g.phase).toBe('night');
  });
});
