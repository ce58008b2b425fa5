import { describe, expect, it } from 'vitest';
import { describeSecret } from '../../client/web/words.ts';
import { DAWN_ORDER, NIGHT_ORDER, ROLE_MODULES, roleOfKind } from '../../shared/game/roles/index.ts';
import { checkOutcome } from '../../shared/game/win.ts';
import { leaks } from '../helpers/oracle.ts';
import { newGame, type TestGame } from '../helpers/game.ts';

/** Play night 1 with the pack on `victim` (or nobody), then to the vote. */
function toVote(g: TestGame, victim: number | null): TestGame {
  if (victim !== null) g.wolvesPick(victim);
  return g.until('vote');
}

function clean(g: TestGame) {
  for (const a of [...g.ctx.players.map((p) => p.seat), 'spectator' as const]) expect(leaks(g.ctx, a === 'spectator' ? { kind: 'spectator' } : { kind: 'seat', seat: a }, g.view(a))).toEqual([]);
}

describe('role mechanics shared by the catalogue', () => {
  it('[R80] [R82] a day action is public and a reveal shows the role to everyone, for good', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, mayor: 1 }, settings: { reveal: 'none' } });
    const mayor = g.seat('mayor');
    const [other] = g.others([mayor]);
    g.wolvesPick(other).until('day');
    expect(g.view(mayor).you!.dayActions).toEqual([expect.objectContaining({ kind: 'reveal' })]);
    expect(g.view(other).you!.dayActions).toBeUndefined();
    expect(g.view('spectator').players[mayor].role).toBeUndefined();
    g.ok({ type: 'day.act', seat: mayor, action: { kind: 'reveal' } });
    expect(g.ctx.timeline.slice(-2)).toEqual([{ kind: 'act', day: 1, seat: mayor, act: 'reveal' }, { kind: 'reveal', day: 1, seat: mayor, role: 'mayor' }]);
    expect(g.view('spectator').players[mayor].role).toBe('mayor');
    expect(g.view(other).players[mayor].role).toBe('mayor');
    expect(g.view(mayor).you!.dayActions).toBeUndefined();
    g.refuse({ type: 'day.act', seat: mayor, action: { kind: 'reveal' } }, 'action/already-done');
    clean(g);
  });

  it('[R82] a day action is refused by night, to the dead, to other roles, and in a shape its role does not declare', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, mayor: 1 } });
    const mayor = g.seat('mayor');
    const [other] = g.others([mayor]);
    g.refuse({ type: 'day.act', seat: mayor, action: { kind: 'reveal' } }, 'phase/wrong');
    g.wolvesPick(other).until('day');
    g.refuse({ type: 'day.act', seat: other, action: { kind: 'reveal' } }, 'player/dead');
    g.refuse({ type: 'day.act', seat: g.seat('werewolf'), action: { kind: 'reveal' } }, 'action/not-allowed');
    g.refuse({ type: 'day.act', seat: mayor, action: { kind: 'reveal', extra: 1 } as never }, 'input/invalid');
    g.refuse({ type: 'day.act', seat: mayor, action: { kind: 'nonsense' } as never }, 'input/invalid');
  });

  it('[R84] a revealed mayor\'s ballot counts two, and the majority is of all the votes', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, mayor: 1 } });
    const mayor = g.seat('mayor');
    const wolf = g.seat('werewolf');
    const [a, b, c] = g.others([mayor]);
    toVote(g, null);
    g.ok({ type: 'day.act', seat: mayor, action: { kind: 'reveal' } });
    // Mayor (2) + a for the wolf: 3; b and c for a: 2.
    g.ballots({ [mayor]: wolf, [a]: wolf, [b]: a, [c]: a });
    for (const s of g.living()) if (g.phase === 'vote' && !(s in g.ctx.vote!.ballots)) g.ok({ type: 'vote.cast', seat: s, target: null });
    const entry = g.ctx.timeline.find((e) => e.kind === 'vote')!;
    expect(entry).toMatchObject({ outcome: 'executed', seat: wolf, tally: { [wolf]: 3, [a]: 2 } });
  });

  it('[R81] a spared execution keeps the player alive, says so, and reveals him', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, prince: 1 }, settings: { reveal: 'none' } });
    const prince = g.seat('prince');
    toVote(g, null).everyoneVotes(prince);
    g.until('night');
    expect(g.alive(prince)).toBe(true);
    const tail = g.ctx.timeline.filter((e) => e.day === 1).map((e) => e.kind);
    expect(tail).toEqual(['night', 'vote', 'spared', 'reveal']);
    expect(g.view('spectator').players[prince].role).toBe('prince');
    clean(g);
    // The second time, he dies.
    g.until('vote').everyoneVotes(prince);
    g.until('night');
    expect(g.alive(prince)).toBe(false);
  });

  it('[R83] a change of role: the apprentice becomes the seer when the seer dies, sees it, and the record keeps it', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, seer: 1, 'apprentice-seer': 1 } });
    const seer = g.seat('seer');
    const apprentice = g.seat('apprentice-seer');
    g.act(seer, { kind: 'seer', target: apprentice });
    g.wolvesPick(seer).until('day');
    expect(g.role(apprentice)).toBe('seer');
    expect(g.view(apprentice).you!.role).toBe('seer');
    expect(g.ctx.secrets).toContainEqual({ kind: 'became', day: 1, seat: apprentice, from: 'apprentice-seer', role: 'seer' });
    g.until('night');
    expect(g.view(apprentice).you!.prompt).toMatchObject({ kind: 'seer' });
    clean(g);
  });

  it('[R85] the possessed plays for the wolves but counts as human: one wolf and the possessed against one villager is no win yet', () => {
    const g = newGame({ players: 5, roles: { werewolf: 1, possessed: 1 } });
    const wolf = g.seat('werewolf');
    const possessed = g.seat('possessed');
    const villagers = g.others([wolf, possessed]);
    const ctx = { ...g.ctx, players: g.ctx.players.map((p) => (p.seat === villagers[0] || p.seat === villagers[1] ? { ...p, alive: false } : p)) };
    // 3 alive: the wolf, the possessed, one villager: the pack (1) is fewer than the others (2).
    expect(checkOutcome(ctx)).toBeNull();
    const after = { ...ctx, players: ctx.players.map((p) => (p.seat === villagers[2] ? { ...p, alive: false } : p)) };
    expect(checkOutcome(after)).toMatchObject({ winner: 'wolves', seats: [wolf, possessed].sort((x, y) => x - y) });
    // The village wins with the possessed still alive: he is not hostile.
    const noWolf = { ...g.ctx, players: g.ctx.players.map((p) => (p.seat === wolf ? { ...p, alive: false } : p)) };
    expect(checkOutcome(noWolf)).toMatchObject({ winner: 'village' });
  });

  it('[R86] the fool is shown the seer\'s card and prompt, only the truth at game over, and nobody else sees it', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, fool: 1 } });
    const fool = g.seat('fool');
    const you = g.view(fool).you!;
    expect(you.role).toBe('seer');
    expect(you.prompt).toMatchObject({ kind: 'seer' });
    expect(g.view(fool).players[fool].role).toBe('seer');
    for (const s of g.others([fool])) expect(g.view(s).players[fool].role).toBeUndefined();
    clean(g);
    g.ok({ type: 'night.act', seat: fool, action: { kind: 'seer', target: g.seat('werewolf') } });
    expect(g.view(fool).you!.seerResults).toHaveLength(1);
    clean(g);
    const wolf = g.seat('werewolf');
    g.wolvesPick(g.others([fool])[0]).until('vote').everyoneVotes(wolf).until('over');
    expect(g.view(fool).you!.role).toBe('fool');
    expect(g.view('spectator').players[fool].role).toBe('fool');
  });

  it('[R190] [R86] [R78] game over tells the fool\'s looks as the fool\'s, and nothing of them shows before', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, fool: 1, seer: 1 } });
    const fool = g.seat('fool');
    const seer = g.seat('seer');
    const wolf = g.seat('werewolf');
    const [target] = g.others([fool, seer]);
    g.ok({ type: 'night.act', seat: fool, action: { kind: 'seer', target } });
    g.ok({ type: 'night.act', seat: seer, action: { kind: 'seer', target: wolf } });
    g.wolvesPick(g.others([fool, seer, target])[0]).until('day');
    // In the game he is the seer to himself: his result reads as hers; no audience sees the record.
    const [look] = g.view(fool).you!.seerResults!;
    expect(look).toMatchObject({ night: 1, seat: target });
    expect(ROLE_MODULES.get('seer')!.words.facts!(g.view(fool).you!, (s) => `P${s}`, false)).toEqual([`Night 1: P${target} is with ${look.team === 'wolves' ? 'the werewolves' : 'the village'}.`]);
    for (const s of g.ctx.players.map((p) => p.seat)) expect(g.view(s).secrets, `seat ${s}`).toBeUndefined();
    clean(g);
    g.until('vote').everyoneVotes(wolf).until('over');
    const over = g.view('spectator');
    const name = (s: number) => `P${s}`;
    const told = over.secrets!.map((e) => describeSecret(e, name)).filter((t): t is string => t !== null);
    const side = look.team === 'wolves' ? 'the werewolves' : 'the village';
    expect(told).toContain(`Night 1: the fool P${fool} believed he saw that P${target} is with ${side}.`);
    expect(told).toContain(`Night 1: the seer P${seer} saw that P${wolf} is with the werewolves.`);
    expect(told.filter((t) => t.includes(`the seer P${fool}`))).toEqual([]);
  });

  it('[R87] roles without a night action take dawn steps, and roles that share an action share its prompt', () => {
    expect(DAWN_ORDER.some((s) => s.role.id === 'medium' && !s.role.night)).toBe(true);
    const priorities = DAWN_ORDER.map((s) => s.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    expect(NIGHT_ORDER.filter((r) => r.night!.kind === 'seer').map((r) => r.id).sort()).toEqual(['fool', 'seer']);
    expect(roleOfKind('seer')!.id).toBe('seer');
  });
});
