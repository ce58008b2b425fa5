import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoRoles, rolesProblem } from '../../shared/game/index.ts';
import { DEFAULT_SETTINGS } from '../../shared/defaults.ts';
import { MAX_PLAYERS, MIN_PLAYERS } from '../../shared/settings.ts';
import { newGame } from '../helpers/game.ts';

/** The R3 table of docs/rules.md: player count → role counts (villagers included). */
function r3Table(): Map<number, Record<string, number>> {
  const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('**R3.'), doc.indexOf('**R4.'));
  const lines = section.split('\n').filter((l) => l.startsWith('|'));
  const head = lines[0].split('|').map((c) => c.trim()).filter(Boolean).slice(1);
  const table = new Map<number, Record<string, number>>();
  for (const line of lines.slice(2)) {
    const [n, ...counts] = line.split('|').map((c) => c.trim()).filter(Boolean).map(Number);
    table.set(n, Object.fromEntries(head.map((role, i) => [role, counts[i]])));
  }
  return table;
}

describe('lobby and settings', () => {
  it('[R2] the defaults are the documented ones', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      maxSeats: 10, roles: 'auto', reveal: 'full', voteRule: 'plurality', tieRule: 'revote', secretVotes: false,
      wolfChat: true, deadChat: true, spectatorsSeeDeadChat: false, allowSpectators: true, visibility: 'public',
      durations: { night: 60, dawn: 5, day: 120, vote: 45, execution: 5, hunter: 20 },
    });
  });

  it('[R2] only the host changes settings, only in the lobby or when over, and only to valid ones', () => {
    const g = newGame({ players: 6, lobbyOnly: true });
    g.ok({ type: 'room.settings', seat: 0, patch: { reveal: 'team', durations: { day: 30 } } });
    expect(g.ctx.settings.reveal).toBe('team');
    expect(g.ctx.settings.durations).toMatchObject({ day: 30, night: 60 });
    g.refuse({ type: 'room.settings', seat: 1, patch: { reveal: 'none' } }, 'host/only');
    g.refuse({ type: 'room.settings', seat: 0, patch: { maxSeats: 5 } }, 'settings/invalid');
    g.refuse({ type: 'room.settings', seat: 0, patch: { durations: { day: 0 } } }, 'settings/invalid');
    // Role ids and role options are whatever the role modules declare, nothing else.
    g.refuse({ type: 'room.settings', seat: 0, patch: { roles: { werewolf: 1, jester: 1 } } }, 'settings/invalid');
    g.refuse({ type: 'room.settings', seat: 0, patch: { roleOptions: { seer: { twice: true } } } }, 'settings/invalid');
    g.ok({ type: 'game.start', seat: 0, seed: 1 });
    g.refuse({ type: 'room.settings', seat: 0, patch: { reveal: 'none' } }, 'phase/wrong');
  });

  it('[R3] automatic roles follow the table of docs/rules.md for every player count', () => {
    const table = r3Table();
    expect([...table.keys()]).toEqual(Array.from({ length: MAX_PLAYERS - MIN_PLAYERS + 1 }, (_, i) => MIN_PLAYERS + i));
    for (const [n, row] of table) {
      const { villager, ...special } = row;
      const dealt = Object.fromEntries(Object.entries(autoRoles(n)).filter(([, c]) => c));
      expect(dealt, `${n} players (update docs/rules.md R3 with the role sets)`).toEqual(Object.fromEntries(Object.entries(special).filter(([, c]) => c)));
      expect(villager, `${n} players`).toBe(n - Object.values(special).reduce((a, b) => a + b, 0));
      expect(rolesProblem(autoRoles(n), n), `n=${n}`).toBeNull();
    }
  });

  it('[R3] an automatic deal gives exactly the table\'s roles, villagers filling the rest', () => {
    for (const n of [5, 10, 20]) {
      const g = newGame({ players: n, roles: 'auto' });
      const counts: Record<string, number> = {};
      for (const p of g.ctx.players) counts[p.role!] = (counts[p.role!] ?? 0) + 1;
      expect(counts).toEqual(Object.fromEntries(Object.entries(r3Table().get(n)!).filter(([, c]) => c)));
    }
  });

  it('[R4] hand-chosen roles are refused without a wolf, with too many wolves or roles, or two cupids', () => {
    expect(rolesProblem({ seer: 1 }, 6)).toMatch(/werewolf/);
    expect(rolesProblem({ werewolf: 3 }, 6)).toMatch(/fewer/);
    expect(rolesProblem({ werewolf: 2, seer: 2, witch: 2, doctor: 1 }, 6)).toMatch(/roles for/);
    expect(rolesProblem({ werewolf: 1, cupid: 2 }, 6)).toMatch(/cupid/);
    expect(rolesProblem({ werewolf: 2, seer: 2, witch: 1 }, 6)).toBeNull();
    const g = newGame({ players: 6, roles: { werewolf: 3 }, lobbyOnly: true });
    g.refuse({ type: 'game.start', seat: 0, seed: 1 }, 'host/invalid-roles');
    g.ok({ type: 'room.settings', seat: 0, patch: { roles: { werewolf: 2, seer: 2 } } });
    g.ok({ type: 'game.start', seat: 0, seed: 1 });
    expect(g.seats('werewolf')).toHaveLength(2);
    expect(g.seats('seer')).toHaveLength(2);
    expect(g.seats('villager')).toHaveLength(2);
  });

  it('[R5] joining: trimmed unique names of 1–24 characters, lowest free seat, room full, not during a game', () => {
    const g = newGame({ players: 0, lobbyOnly: true, settings: { maxSeats: 5 } });
    g.ok({ type: 'room.join', name: '  Ann  ' });
    expect(g.player(0).name).toBe('Ann');
    g.refuse({ type: 'room.join', name: 'ann' }, 'name/taken');
    g.refuse({ type: 'room.join', name: '   ' }, 'name/invalid');
    g.refuse({ type: 'room.join', name: 'x'.repeat(25) }, 'name/invalid');
    for (const n of ['B', 'C', 'D', 'E']) g.ok({ type: 'room.join', name: n });
    g.refuse({ type: 'room.join', name: 'F' }, 'room/full');
    g.ok({ type: 'room.kick', seat: 0, target: 2 });
    g.ok({ type: 'room.join', name: 'F' });
    expect(g.ctx.players.find((p) => p.name === 'F')!.seat).toBe(2);
    g.ok({ type: 'game.start', seat: 0, seed: 3 });
    g.refuse({ type: 'room.join', name: 'G' }, 'room/started');
  });

  it('[R5] the first human to join is the host; bots never become host by joining', () => {
    const g = newGame({ players: 0, lobbyOnly: true });
    g.ok({ type: 'room.join', name: 'Bot', bot: true });
    expect(g.ctx.host).toBeNull();
    g.ok({ type: 'room.join', name: 'Human' });
    expect(g.ctx.host).toBe(1);
    g.ok({ type: 'room.join', name: 'Other' });
    expect(g.ctx.host).toBe(1);
  });

  it('[R5] a bot that creates the room is its host (the AIWolf bridge\'s own rooms)', () => {
    const g = newGame({ players: 0, lobbyOnly: true });
    g.ok({ type: 'room.join', name: 'Agent', bot: true, creates: true });
    expect(g.ctx.host).toBe(0);
    expect(g.ctx.players[0].bot).toBe(true);
  });

  it('[R6] only the host starts, only in the lobby, with at least five players', () => {
    const g = newGame({ players: 4, lobbyOnly: true });
    g.refuse({ type: 'game.start', seat: 0, seed: 1 }, 'host/not-enough-players');
    g.ok({ type: 'room.join', name: 'P4' });
    g.refuse({ type: 'game.start', seat: 1, seed: 1 }, 'host/only');
    g.ok({ type: 'game.start', seat: 0, seed: 1 });
    expect(g.phase).toBe('night');
    expect(g.ctx.day).toBe(1);
    expect(g.ctx.players.every((p) => p.alive && p.role !== null)).toBe(true);
    g.refuse({ type: 'game.start', seat: 0, seed: 1 }, 'phase/wrong');
  });

  it('[R6] the deal depends on the seed alone: same seed, same roles; another seed, another deal', () => {
    const deal = (seed: number) => newGame({ players: 10, roles: 'auto', seed }).ctx.players.map((p) => p.role);
    expect(deal(7)).toEqual(deal(7));
    const deals = new Set([1, 2, 3, 4, 5, 6].map((s) => deal(s).join()));
    expect(deals.size).toBeGreaterThan(1);
  });

  it('[R11] the host kicks (lobby or over only, never himself) and hands over the host role', () => {
    const g = newGame({ players: 6, lobbyOnly: true });
    g.refuse({ type: 'room.kick', seat: 1, target: 2 }, 'host/only');
    g.refuse({ type: 'room.kick', seat: 0, target: 0 }, 'host/invalid-target');
    g.refuse({ type: 'room.kick', seat: 0, target: 9 }, 'host/invalid-target');
    g.ok({ type: 'room.kick', seat: 0, target: 5 });
    expect(g.ctx.players.map((p) => p.seat)).toEqual([0, 1, 2, 3, 4]);
    g.ok({ type: 'game.start', seat: 0, seed: 1 });
    g.refuse({ type: 'room.kick', seat: 0, target: 1 }, 'phase/wrong');
    g.refuse({ type: 'room.host', seat: 1, target: 2 }, 'host/only');
    g.refuse({ type: 'room.host', seat: 0, target: 0 }, 'host/invalid-target');
    g.ok({ type: 'room.host', seat: 0, target: 3 });
    expect(g.ctx.host).toBe(3);
    g.ok({ type: 'room.leave', seat: 1 });
    g.refuse({ type: 'room.host', seat: 3, target: 1 }, 'host/invalid-target');
  });

  it('[R12] when the host leaves, the lowest connected human takes over, then humans, then bots', () => {
    const g = newGame({ players: 0, lobbyOnly: true });
    g.ok({ type: 'room.join', name: 'H0' });
    g.ok({ type: 'room.join', name: 'B1', bot: true });
    g.ok({ type: 'room.join', name: 'H2' });
    g.ok({ type: 'room.join', name: 'H3' });
    g.ok({ type: 'player.connection', seat: 2, connected: false });
    g.ok({ type: 'room.leave', seat: 0 });
    expect(g.ctx.host).toBe(3);
    g.ok({ type: 'room.leave', seat: 3 });
    expect(g.ctx.host).toBe(2);
    g.ok({ type: 'room.leave', seat: 2 });
    expect(g.ctx.host).toBe(1);
    g.ok({ type: 'room.leave', seat: 1 });
    expect(g.ctx.host).toBeNull();
  });

  it('[R12] in a game the host role never passes to a player who left', () => {
    const g = newGame({ players: 6 });
    g.ok({ type: 'room.leave', seat: 1 });
    g.ok({ type: 'room.leave', seat: 0 });
    expect(g.ctx.host).toBe(2);
  });

  it('[R13] in the lobby a leaver frees the seat; during a game the seat stays, dead with cause left', () => {
    const g = newGame({ players: 6, lobbyOnly: true });
    g.ok({ type: 'room.leave', seat: 4 });
    expect(g.ctx.players.some((p) => p.seat === 4)).toBe(false);
    g.ok({ type: 'room.join', name: 'New' });
    g.ok({ type: 'game.start', seat: 0, seed: 5 });
    const v = g.others([], ['werewolf'])[0];
    g.ok({ type: 'room.leave', seat: v });
    expect(g.player(v)).toMatchObject({ alive: false, connected: false, left: true, death: { cause: 'left', publicCause: 'left' } });
    expect(g.ctx.timeline.at(-1)).toEqual({ kind: 'death', day: 1, seat: v, cause: 'left' });
    g.refuse({ type: 'room.leave', seat: v }, 'room/not-member');
    g.refuse({ type: 'chat.send', seat: v, channel: 'dead', text: 'still here' }, 'chat/not-allowed');
    g.refuse({ type: 'room.leave', seat: 99 }, 'room/not-member');
  });

  it('[R13] a dead player who leaves is dropped at the reset too', () => {
    const g = newGame({ players: 5, roles: { werewolf: 1 } });
    const wolf = g.seat('werewolf');
    const [victim] = g.others();
    g.wolvesPick(victim).until('day');
    expect(g.alive(victim)).toBe(false);
    g.ok({ type: 'room.leave', seat: victim });
    expect(g.player(victim).left).toBe(true);
    expect(g.player(victim).death!.cause).toBe('wolves');
    // The wolf leaves: the village wins at once (R56).
    g.ok({ type: 'room.leave', seat: wolf });
    expect(g.phase).toBe('over');
    const host = g.ctx.host!;
    g.ok({ type: 'game.reset', seat: host });
    expect(g.ctx.players.map((p) => p.seat)).not.toContain(victim);
    expect(g.ctx.players.map((p) => p.seat)).not.toContain(wolf);
  });

  it('[R13] a departure that decides the game ends it at once', () => {
    const g = newGame({ players: 5, roles: { werewolf: 1, seer: 1 } });
    g.until('day');
    g.ok({ type: 'room.leave', seat: g.seat('werewolf') });
    expect(g.phase).toBe('over');
    expect(g.ctx.outcome!.winner).toBe('village');
  });

  it('[R14] a reset brings the players back to the lobby with roles, deaths and days cleared', () => {
    const g = newGame({ players: 5, roles: { werewolf: 1, witch: 1 } });
    const wolf = g.seat('werewolf');
    g.refuse({ type: 'game.reset', seat: 0 }, 'phase/wrong');
    g.wolvesPick(g.others()[0]).until('vote');
    g.ok({ type: 'chat.send', seat: g.living()[0], channel: 'day', text: 'it was them' });
    g.everyoneVotes(wolf).until('over');
    expect(g.ctx.outcome!.winner).toBe('village');
    g.refuse({ type: 'game.reset', seat: 1 }, 'host/only');
    g.ok({ type: 'game.reset', seat: 0 });
    expect(g.phase).toBe('lobby');
    expect(g.ctx).toMatchObject({ day: 0, deadline: null, vote: null, timeline: [], secrets: [], outcome: null, roles: {}, pendingShots: [] });
    expect(g.ctx.players.every((p) => p.alive && p.role === null && p.death === null && p.lover === null && p.missedVotes === 0)).toBe(true);
    expect(g.ctx.chat.map((m) => m.text)).toContain('it was them');
    g.ok({ type: 'game.start', seat: 0, seed: 9 });
    expect(g.ctx).toMatchObject({ phase: 'night', day: 1, gameNo: 2 });
  });

  it('[R15] a connection change marks the seat and changes nothing else', () => {
    const g = newGame({ players: 5 });
    const before = g.ctx;
    g.ok({ type: 'player.connection', seat: 2, connected: false });
    expect(g.player(2).connected).toBe(false);
    expect({ ...g.ctx, players: before.players, version: 0 }).toEqual({ ...before, version: 0 });
    expect(g.view('spectator').players[2].connected).toBe(false);
    g.refuse({ type: 'player.connection', seat: 9, connected: true }, 'room/not-member');
  });
});
