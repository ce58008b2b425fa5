import { describe, expect, it } from 'vitest';
import { viewFor, type GameContext } from '../../shared/game/index.ts';
import { rolesProblem } from '../../shared/game/deal.ts';
import { ROLE_MODULES } from '../../shared/game/roles/index.ts';
import type { BotBeliefs } from '../../shared/game/roles/role.ts';
import { checkOutcome } from '../../shared/game/win.ts';
import type { Prompt, YouView } from '../../shared/views.ts';
import { leaks } from '../helpers/oracle.ts';
import { newGame, type TestGame } from '../helpers/game.ts';
import { playRandomGame } from '../helpers/sim.ts';
import { sized } from '../helpers/size.ts';

/** No audience's view carries what it may not know. */
function clean(g: TestGame) {
  for (const a of [...g.ctx.players.map((p) => p.seat), 'spectator' as const]) expect(leaks(g.ctx, a === 'spectator' ? { kind: 'spectator' } : { kind: 'seat', seat: a }, g.view(a)), `audience ${a}`).toEqual([]);
}

/** The context with only these seats alive. */
function onlyAlive(ctx: GameContext, seats: number[]): GameContext {
  return { ...ctx, players: ctx.players.map((p) => ({ ...p, alive: seats.includes(p.seat) })) };
}

const prompt = (g: TestGame, seat: number) => g.view(seat).you!.prompt as Prompt & Record<string, unknown>;

/** Beliefs of a bot that knows nothing: no suspicion, no claims unless given. */
function beliefs(over: Partial<BotBeliefs> = {}): BotBeliefs {
  return { suspicion: () => 0, trusted: null, publicSuspicion: () => 0, publicTrusted: null, publicSeers: [], day: 1, urgent: true, ...over };
}

const rng = () => 0.5;

describe('wolf roles', () => {
  it('[R120] every pack role sees the pack and its picks, as seats only; the wolves\' humans see nothing of it', () => {
    const g = newGame({ players: 15, roles: { werewolf: 1, 'alpha-wolf': 1, 'wolf-cub': 1, 'white-werewolf': 1, sorceress: 1, traitor: 1, possessed: 1 } });
    const pack = ['werewolf', 'alpha-wolf', 'wolf-cub', 'white-werewolf'].map((r) => g.seat(r)).sort((a, b) => a - b);
    const [victim] = g.others([], ['werewolf', 'alpha-wolf', 'wolf-cub', 'white-werewolf', 'sorceress', 'traitor', 'possessed']);
    g.ok({ type: 'night.act', seat: g.seat('alpha-wolf'), action: { kind: 'alpha', target: victim } });
    for (const s of pack) {
      const you = g.view(s).you!;
      expect(you.pack, `seat ${s}`).toEqual(pack);
      expect(you.packPicks).toEqual({ [g.seat('alpha-wolf')]: victim });
      // Members know each other as members: no role, no team in the player entries.
      for (const other of pack) if (other !== s) expect(g.view(s).players[other]).not.toHaveProperty('role');
    }
    expect(g.view(g.seat('white-werewolf')).you!.prompt!.kind).toBe('white');
    expect(g.view(g.seat('wolf-cub')).you!.prompt!.kind).toBe('wolf');
    for (const r of ['sorceress', 'traitor', 'possessed'] as const) {
      const you = g.view(g.seat(r)).you!;
      expect(you.pack, r).toBeUndefined();
      expect(you.packPicks, r).toBeUndefined();
      expect(you.team).toBe('wolves');
    }
    clean(g);
    // One victim at dawn, whichever pack roles are dealt: the pack's step is taken once.
    g.wolvesPick(victim).until('day');
    expect(g.alive(victim)).toBe(false);
    expect(g.ctx.secrets.filter((e) => e.kind === 'wolves')).toHaveLength(1);
  });

  it('[R120] [R4] a pack without a plain werewolf kills once; a set needs a member of the pack and counts the white werewolf', () => {
    const g = newGame({ players: 7, roles: { 'wolf-cub': 1, 'alpha-wolf': 1 } });
    const [a, b] = g.others([], ['wolf-cub', 'alpha-wolf']);
    g.ok({ type: 'night.act', seat: g.seat('wolf-cub'), action: { kind: 'wolf', target: a } });
    g.ok({ type: 'night.act', seat: g.seat('alpha-wolf'), action: { kind: 'alpha', target: a } });
    g.until('day');
    expect(g.alive(a)).toBe(false);
    expect(g.alive(b)).toBe(true);
    expect(g.ctx.timeline.find((e) => e.kind === 'night')).toEqual({ kind: 'night', day: 1, deaths: [a] });
    expect(rolesProblem({ sorceress: 1, traitor: 1 }, 8)).toMatch(/werewolf/);
    expect(rolesProblem({ 'white-werewolf': 1 }, 8)).toBeNull();
    expect(rolesProblem({ 'white-werewolf': 1, werewolf: 2, sorceress: 1 }, 8)).toMatch(/fewer/);
  });

  it('[R121] the night after the cub dies the pack kills two: a second pick in the prompt and the pack\'s view', () => {
    const g = newGame({ players: 10, roles: { werewolf: 2, 'wolf-cub': 1 } });
    const [wolf, other] = g.seats('werewolf');
    const cub = g.seat('wolf-cub');
    const [a, b, c, d] = g.others([], ['werewolf', 'wolf-cub']);
    // Night 1: one victim; a second pick is refused.
    expect(prompt(g, wolf)).not.toHaveProperty('victims');
    g.refuse({ type: 'night.act', seat: wolf, action: { kind: 'wolf', target: a, second: b } }, 'action/not-allowed');
    g.wolvesPick(a).until('vote').everyoneVotes(cub);
    g.until('night');
    expect(g.alive(cub)).toBe(false);
    // Night 2: the rage.
    expect(prompt(g, wolf)).toMatchObject({ kind: 'wolf', victims: 2, second: null });
    expect(ROLE_MODULES.get('werewolf')!.words.night!.lines!(prompt(g, wolf), g.view(wolf).you!, String)[0]).toMatch(/two/);
    g.refuse({ type: 'night.act', seat: wolf, action: { kind: 'wolf', target: b, second: b } }, 'action/invalid-target');
    g.refuse({ type: 'night.act', seat: wolf, action: { kind: 'wolf', target: b, second: cub } }, 'action/invalid-target');
    // The form's taps: the last two are the picks.
    const form = ROLE_MODULES.get('werewolf')!.night!.form;
    g.ok({ type: 'night.act', seat: wolf, action: form.build(prompt(g, wolf), [b], []) });
    g.ok({ type: 'night.act', seat: wolf, action: form.build(prompt(g, wolf), [c], []) });
    expect(prompt(g, wolf)).toMatchObject({ current: c, second: b });
    expect(g.view(other).you!.packSeconds).toEqual({ [wolf]: b });
    // The dead cub, of the pack, still sees the pack's picks; the village does not.
    expect(g.view(cub).you!.packSeconds).toEqual({ [wolf]: b });
    expect(g.view(d).you!.packSeconds).toBeUndefined();
    expect(ROLE_MODULES.get('werewolf')!.words.night!.note!(g.view(other).you!, b, (s) => `P${s}`)).toBe(`second pick of P${wolf}`);
    clean(g);
    g.ok({ type: 'night.act', seat: other, action: { kind: 'wolf', target: c, second: b } });
    expect(g.phase).not.toBe('night');
    g.until('day');
    expect(g.alive(b)).toBe(false);
    expect(g.alive(c)).toBe(false);
    expect(g.ctx.secrets.filter((e) => e.kind === 'wolves').at(-1)).toMatchObject({ target: c, second: b });
    // Night 3: the rage is over.
    g.until('night');
    expect(prompt(g, wolf)).not.toHaveProperty('victims');
  });

  it('[R121] the bots use the second pick: the smart pack agrees on two, the random one names two', () => {
    const g = newGame({ players: 9, roles: { werewolf: 2, 'wolf-cub': 1 } });
    const cub = g.seat('wolf-cub');
    g.until('vote').everyoneVotes(cub);
    g.until('night');
    const wolf = g.seat('werewolf');
    const night = ROLE_MODULES.get('werewolf')!.night!;
    const smart = night.bot!.smart!(prompt(g, wolf), g.view(wolf).you!, beliefs(), rng);
    expect(smart).toMatchObject({ kind: 'wolf', target: expect.any(Number), second: expect.any(Number) });
    const random = night.bot!.random!(prompt(g, wolf), () => 0.3);
    expect(random).toMatchObject({ kind: 'wolf', second: expect.any(Number) });
    g.ok({ type: 'night.act', seat: wolf, action: smart! });
    // The brain's check: the prompt now shows this answer.
    expect(night.form.shows!(prompt(g, wolf), smart!)).toBe(true);
  });

  it('[R122] [R85] the sorceress learns whether a player is the seer (not the apprentice nor the fool), reads as village, and counts as human', () => {
    const g = newGame({ players: 9, roles: { werewolf: 1, sorceress: 1, seer: 1, 'apprentice-seer': 1, fool: 1 } });
    const sorc = g.seat('sorceress');
    const seer = g.seat('seer');
    expect(prompt(g, sorc)).toMatchObject({ kind: 'sorceress' });
    g.refuse({ type: 'night.act', seat: sorc, action: { kind: 'sorceress', target: sorc } }, 'action/invalid-target');
    g.ok({ type: 'night.act', seat: sorc, action: { kind: 'sorceress', target: seer } });
    expect(g.view(sorc).you!.sorceressResults).toEqual([{ night: 1, seat: seer, seer: true }]);
    g.refuse({ type: 'night.act', seat: sorc, action: { kind: 'sorceress', target: seer } }, 'action/already-done');
    g.ok({ type: 'night.act', seat: seer, action: { kind: 'seer', target: sorc } });
    expect(g.view(seer).you!.seerResults).toEqual([{ night: 1, seat: sorc, team: 'village' }]);
    expect(g.view(sorc).you!.pack).toBeUndefined();
    expect(g.view(g.seat('werewolf')).you!.pack).toEqual([g.seat('werewolf')]);
    clean(g);
    g.until('vote').everyoneVotes(null);
    g.until('night');
    g.ok({ type: 'night.act', seat: sorc, action: { kind: 'sorceress', target: g.seat('apprentice-seer') } });
    g.until('vote').everyoneVotes(null);
    g.until('night');
    g.ok({ type: 'night.act', seat: sorc, action: { kind: 'sorceress', target: g.seat('fool') } });
    expect(g.view(sorc).you!.sorceressResults!.map((r) => r.seer)).toEqual([true, false, false]);
    expect(g.ctx.secrets.filter((e) => e.kind === 'sorceress')).toHaveLength(2);
    // R85: one wolf and the sorceress against one villager: the pack (1) is fewer than the others (2).
    const wolf = g.seat('werewolf');
    const [v] = g.others([sorc], ['werewolf', 'sorceress']);
    expect(checkOutcome(onlyAlive(g.ctx, [wolf, sorc, v]))).toBeNull();
    expect(checkOutcome(onlyAlive(g.ctx, [wolf, sorc]))).toMatchObject({ winner: 'wolves', seats: expect.arrayContaining([wolf, sorc]) });
    // She is not hostile: with the pack dead the village wins though she lives.
    expect(checkOutcome(onlyAlive(g.ctx, [sorc, v]))).toMatchObject({ winner: 'village' });
  });

  it('[R122] with the option seerLike her look finds the apprentice and the fool too', () => {
    const g = newGame({ players: 8, roles: { werewolf: 1, sorceress: 1, 'apprentice-seer': 1 }, settings: { roleOptions: { sorceress: { seerLike: true } } } });
    const sorc = g.seat('sorceress');
    g.ok({ type: 'night.act', seat: sorc, action: { kind: 'sorceress', target: g.seat('apprentice-seer') } });
    expect(g.view(sorc).you!.sorceressResults).toEqual([{ night: 1, seat: g.seat('apprentice-seer'), seer: true }]);
  });

  it('[R123] [R83] when the last of the pack dies the traitor becomes a werewolf at once, and the village has not won', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, traitor: 1, seer: 1 } });
    const wolf = g.seat('werewolf');
    const traitor = g.seat('traitor');
    const seer = g.seat('seer');
    expect(prompt(g, traitor)).toBeNull(); // he slept (autoSleep), as a villager does
    expect(g.ctx.night.actions[traitor]).toEqual({ kind: 'sleep' });
    g.ok({ type: 'night.act', seat: seer, action: { kind: 'seer', target: traitor } });
    expect(g.view(seer).you!.seerResults![0].team).toBe('village');
    g.until('vote').everyoneVotes(wolf);
    g.until('night');
    expect(g.alive(wolf)).toBe(false);
    expect(g.ctx.outcome).toBeNull();
    expect(g.role(traitor)).toBe('werewolf');
    expect(g.ctx.secrets).toContainEqual({ kind: 'became', day: 1, seat: traitor, from: 'traitor', role: 'werewolf' });
    const you = g.view(traitor).you!;
    expect(you.role).toBe('werewolf');
    expect(you.pack).toEqual([wolf, traitor].sort((a, b) => a - b));
    expect(prompt(g, traitor)).toMatchObject({ kind: 'wolf' });
    clean(g);
    // While the pack lives he is only a human on its side.
    const h = newGame({ players: 7, roles: { werewolf: 2, traitor: 1 } });
    const [w1] = h.seats('werewolf');
    h.until('vote').everyoneVotes(w1);
    h.until('night');
    expect(h.role(h.seat('traitor'))).toBe('traitor');
  });

  it('[R124] the white werewolf: his own team, seen only by him; the pack takes him for one of its own', () => {
    const g = newGame({ players: 9, roles: { werewolf: 2, 'white-werewolf': 1 }, settings: { reveal: 'team' } });
    const white = g.seat('white-werewolf');
    const [w1] = g.seats('werewolf');
    expect(g.view(white).you!.team).toBe('white-werewolf');
    expect(g.view(white).players[white].team).toBe('white-werewolf');
    expect(g.view(w1).you!.pack).toContain(white);
    expect(g.view(w1).players[white]).not.toHaveProperty('team');
    expect(g.view(white).you!.pack).toEqual([...g.seats('werewolf'), white].sort((a, b) => a - b));
    clean(g);
  });

  it('[R124] every second night he may kill another werewolf, secretly; no protection stops it', () => {
    const g = newGame({ players: 10, roles: { werewolf: 2, 'white-werewolf': 1, doctor: 1 } });
    const white = g.seat('white-werewolf');
    const [w1, w2] = g.seats('werewolf');
    const doctor = g.seat('doctor');
    const [a, b] = g.others([doctor], ['werewolf', 'white-werewolf']);
    // Night 1: not his night.
    expect(prompt(g, white)).toMatchObject({ kind: 'white', wolves: [], kill: null });
    g.refuse({ type: 'night.act', seat: white, action: { kind: 'white', target: a, kill: w1 } }, 'action/not-allowed');
    g.ok({ type: 'night.act', seat: doctor, action: { kind: 'doctor', target: b } });
    g.wolvesPick(a).until('night');
    // Night 2: his night.
    expect(prompt(g, white)).toMatchObject({ wolves: [w1, w2] });
    expect(prompt(g, white).targets).toEqual(expect.arrayContaining([w1, w2, b]));
    g.refuse({ type: 'night.act', seat: white, action: { kind: 'white', target: b, kill: b } }, 'action/invalid-target');
    g.refuse({ type: 'night.act', seat: white, action: { kind: 'white', target: b, kill: white } }, 'action/invalid-target');
    g.ok({ type: 'night.act', seat: doctor, action: { kind: 'doctor', target: w1 } });
    // A tap on a wolf sets the kill and keeps the pick; again, it drops it; once more, it sets it.
    const form = ROLE_MODULES.get('white-werewolf')!.night!.form;
    g.ok({ type: 'night.act', seat: white, action: form.build(prompt(g, white), [b], []) });
    g.ok({ type: 'night.act', seat: white, action: form.build(prompt(g, white), [w1], []) });
    expect(prompt(g, white)).toMatchObject({ current: b, kill: w1 });
    g.ok({ type: 'night.act', seat: white, action: form.build(prompt(g, white), [w1], []) });
    expect(prompt(g, white)).toMatchObject({ current: b, kill: null });
    g.ok({ type: 'night.act', seat: white, action: form.build(prompt(g, white), [w1], []) });
    // The pack sees his pick, not his kill.
    expect(g.view(w1).you!.packPicks).toEqual({ [white]: b });
    expect(JSON.stringify(g.view(w1))).not.toContain('"kill"');
    clean(g);
    for (const w of [w1, w2]) g.ok({ type: 'night.act', seat: w, action: { kind: 'wolf', target: b } });
    g.until('day');
    expect(g.alive(w1)).toBe(false);
    expect(g.alive(b)).toBe(false);
    expect(g.player(w1).death).toMatchObject({ cause: 'white-werewolf', publicCause: 'night' });
    expect(g.view(a).players[w1].death).toMatchObject({ cause: 'night' });
    expect(g.ctx.secrets).toContainEqual({ kind: 'white', night: 2, white, seat: w1 });
    clean(g);
  });

  it('[R124] [R85] he wins alone with at most one other alive; while he lives the village cannot win, nor the pack while anyone else lives', () => {
    const g = newGame({ players: 9, roles: { werewolf: 2, 'white-werewolf': 1 } });
    const white = g.seat('white-werewolf');
    const [w1, w2] = g.seats('werewolf');
    const [a, b, c] = g.others([], ['werewolf', 'white-werewolf']);
    expect(checkOutcome(onlyAlive(g.ctx, [white]))).toEqual({ winner: 'white-werewolf', seats: [white], reason: expect.any(String) });
    expect(checkOutcome(onlyAlive(g.ctx, [white, a]))).toMatchObject({ winner: 'white-werewolf', seats: [white] });
    expect(checkOutcome(onlyAlive(g.ctx, [white, w1]))).toMatchObject({ winner: 'white-werewolf' });
    // The pack at parity, but he lives: no win yet.
    expect(checkOutcome(onlyAlive(g.ctx, [white, w1, w2, a, b]))).toBeNull();
    expect(checkOutcome(onlyAlive(g.ctx, [white, w1, a]))).toBeNull();
    // Once nobody outside the pack is left, the pack wins and he loses: no endless night of wolves.
    const packOnly = checkOutcome(onlyAlive(g.ctx, [white, w1, w2]));
    expect(packOnly).toMatchObject({ winner: 'wolves' });
    expect(packOnly!.seats).not.toContain(white);
    // Without him the pack wins, and he is not among its winners.
    const wolves = checkOutcome(onlyAlive(g.ctx, [w1, w2, a]));
    expect(wolves).toMatchObject({ winner: 'wolves' });
    expect(wolves!.seats).not.toContain(white);
    // The village cannot win while he lives.
    expect(checkOutcome(onlyAlive(g.ctx, [white, a, b, c]))).toBeNull();
    expect(checkOutcome(onlyAlive(g.ctx, [a, b, c]))).toMatchObject({ winner: 'village' });
  });

  it('[R125] [R83] the alpha turns the pack\'s victim into a werewolf once; the pack sees the choice, nobody else', () => {
    const g = newGame({ players: 9, roles: { werewolf: 1, 'alpha-wolf': 1, seer: 1 } });
    const alpha = g.seat('alpha-wolf');
    const wolf = g.seat('werewolf');
    const seer = g.seat('seer');
    expect(prompt(g, alpha)).toMatchObject({ kind: 'alpha', canTurn: true, turn: false });
    expect(g.view(alpha).you!.alphaBite).toBe(true);
    g.ok({ type: 'night.act', seat: alpha, action: { kind: 'alpha', target: seer, turn: true } });
    expect(g.view(wolf).you!.packTurn).toBe(true);
    expect(g.view(alpha).you!.packTurn).toBe(true);
    expect(g.view(seer).you!.packTurn).toBeUndefined();
    expect(ROLE_MODULES.get('werewolf')!.words.night!.lines!(prompt(g, wolf), g.view(wolf).you!, String).join(' ')).toMatch(/turn/);
    clean(g);
    g.ok({ type: 'night.act', seat: wolf, action: { kind: 'wolf', target: seer } });
    g.until('day');
    expect(g.alive(seer)).toBe(true);
    expect(g.role(seer)).toBe('werewolf');
    expect(g.ctx.timeline.find((e) => e.kind === 'night')).toEqual({ kind: 'night', day: 1, deaths: [] });
    expect(g.view(seer).you!.pack).toEqual([wolf, alpha, seer].sort((x, y) => x - y));
    expect(g.ctx.secrets).toContainEqual({ kind: 'alpha', night: 1, alpha, seat: seer });
    expect(g.view(alpha).you!.alphaBite).toBe(false);
    clean(g);
    g.until('night');
    expect(prompt(g, alpha)).toMatchObject({ canTurn: false });
    const [v] = g.others([], ['werewolf', 'alpha-wolf']);
    g.refuse({ type: 'night.act', seat: alpha, action: { kind: 'alpha', target: v, turn: true } }, 'action/already-done');
  });

  it('[R125] a protection that saves the victim stops the bite, and the alpha keeps it; a bite of the second victim is none', () => {
    const g = newGame({ players: 8, roles: { 'alpha-wolf': 1, doctor: 1 } });
    const alpha = g.seat('alpha-wolf');
    const doctor = g.seat('doctor');
    const [v] = g.others([doctor], ['alpha-wolf']);
    g.ok({ type: 'night.act', seat: doctor, action: { kind: 'doctor', target: v } });
    g.ok({ type: 'night.act', seat: alpha, action: { kind: 'alpha', target: v, turn: true } });
    g.until('day');
    expect(g.alive(v)).toBe(true);
    expect(g.role(v)).toBe('villager');
    expect(g.view(alpha).you!.alphaBite).toBe(true);
    expect(g.ctx.secrets.some((e) => e.kind === 'alpha')).toBe(false);
  });

  it('[R125] the alpha\'s smart bot bites a claimed seer, and the panel\'s check goes with the pick', () => {
    const g = newGame({ players: 8, roles: { werewolf: 1, 'alpha-wolf': 1, seer: 1 } });
    const alpha = g.seat('alpha-wolf');
    const seer = g.seat('seer');
    const night = ROLE_MODULES.get('alpha-wolf')!.night!;
    const a = night.bot!.smart!(prompt(g, alpha), g.view(alpha).you!, beliefs({ publicSeers: [seer], publicTrusted: seer }), rng);
    expect(a).toEqual({ kind: 'alpha', target: seer, turn: true });
    const quiet = night.bot!.smart!(prompt(g, alpha), g.view(alpha).you!, beliefs(), rng);
    expect(quiet).toMatchObject({ kind: 'alpha', turn: false });
    expect(night.form.checks!(prompt(g, alpha), String).map((c) => c.key)).toEqual(['turn']);
    g.ok({ type: 'night.act', seat: alpha, action: night.form.build(prompt(g, alpha), [seer], ['turn']) });
    expect(night.form.checked!(prompt(g, alpha))).toEqual(['turn']);
    expect(night.form.shows!(prompt(g, alpha), a!)).toBe(true);
  });

  it('[R124] the white werewolf\'s smart bot kills a wolf when that wins him the game, not while the village is many', () => {
    const g = newGame({ players: 10, roles: { werewolf: 2, 'white-werewolf': 1 } });
    const white = g.seat('white-werewolf');
    const night = ROLE_MODULES.get('white-werewolf')!.night!;
    g.until('night', 40);
    g.until('day').until('night');
    // Night 2, seven villagers: no kill.
    expect(g.ctx.day).toBe(2);
    const early = night.bot!.smart!(prompt(g, white), g.view(white).you!, beliefs(), rng);
    expect(early).toMatchObject({ kind: 'white', kill: null });
    // One villager and one wolf besides him: killing the wolf leaves him with at most one other.
    const [w1, w2] = g.seats('werewolf');
    const [v] = g.others([], ['werewolf', 'white-werewolf']);
    const small = onlyAlive(g.ctx, [white, w1, v]);
    const p = ROLE_MODULES.get('white-werewolf')!.night!.prompt(small, white);
    const late = night.bot!.smart!(p, g.view(white).you!, beliefs(), rng);
    expect(late).toMatchObject({ kind: 'white', target: v, kill: w1 });
    expect(w2).not.toBe(w1);
  });

  it('[R101] the possessed\'s smart bot poses as the seer at the first dawn, and the sorceress marks the seer she found', async () => {
    const { dayTalk } = await import('../../client/bot/talk/day.ts');
    const { evidence } = await import('../../client/bot/evidence.ts');
    const g = newGame({ players: 7, roles: { werewolf: 1, possessed: 1, seer: 1 } });
    const possessed = g.seat('possessed');
    g.wolvesPick(g.seat('seer')).until('dawn');
    const view = { ...g.view(possessed), version: 0 };
    const turn = dayTalk(view, evidence(view), { voteFor: () => undefined, fakeClaim: 0, counterClaim: true, seed: 1 });
    const talk = (turn.say[0]?.payload as { talk?: { kind: string; parts?: { kind: string; role?: string }[] } }).talk;
    expect(talk?.parts?.[0]).toEqual({ kind: 'claim', seat: possessed, role: 'seer' });
    expect(talk?.parts?.[1]).toMatchObject({ kind: 'divined' });
    // A villager with the same chance does not lie.
    const villager = g.others([], ['werewolf', 'possessed', 'seer']).find((s) => g.alive(s))!;
    const vv = { ...g.view(villager), version: 0 };
    const said = dayTalk(vv, evidence(vv), { voteFor: () => undefined, fakeClaim: 0, counterClaim: true, seed: 1 }).say;
    expect(JSON.stringify(said)).not.toContain('"claim"');
    // The sorceress's found seer is marked for the vote.
    const you = { seat: 1, sorceressResults: [{ night: 1, seat: 3, seer: true }, { night: 2, seat: 4, seer: false }] } as unknown as YouView;
    expect(ROLE_MODULES.get('sorceress')!.bot!.marks!(you)).toEqual([3]);
  });

  it(`[R120] [R121] [R122] [R123] [R124] [R125] random games with every wolf role dealt end without error and without a leak`, () => {
    const games = sized(30, 6);
    const sets: Record<string, number>[] = [
      { werewolf: 1, 'alpha-wolf': 1, 'wolf-cub': 1, 'white-werewolf': 1, sorceress: 1, traitor: 1, seer: 1, doctor: 1, witch: 1, 'apprentice-seer': 1 },
      { 'alpha-wolf': 1, 'wolf-cub': 1, sorceress: 1, traitor: 1, seer: 1, bodyguard: 1, fool: 1 },
      { werewolf: 1, 'white-werewolf': 1, traitor: 1, possessed: 1, seer: 1, hunter: 1 },
    ];
    const ends = new Map<string, number>();
    let turned = 0;
    const seen = new Set<string>();
    for (let i = 0; i < games; i++) {
      const roles = sets[i % sets.length];
      const players = i % 3 === 0 ? 13 + (i % 4) : 9 + (i % 4);
      const { final } = playRandomGame({
        seed: 7000 + i,
        players,
        settings: { roles, reveal: (['full', 'team', 'none'] as const)[i % 3] },
        maxEvents: 8000,
        onEvent: (snap) => {
          const ctx = snap.context;
          for (const a of [...ctx.players.map((p) => ({ kind: 'seat', seat: p.seat }) as const), { kind: 'spectator' } as const]) {
            const problems = leaks(ctx, a, viewFor(ctx, a));
            if (problems.length) expect.fail(`game ${i}: ${problems.join('; ')}`);
          }
        },
      });
      expect(final.status, `game ${i}`).toBe('active');
      expect(final.context.phase, `game ${i}`).toBe('over');
      const winner = final.context.outcome!.winner;
      ends.set(winner, (ends.get(winner) ?? 0) + 1);
      turned += final.context.secrets.filter((e) => e.kind === 'became').length;
      for (const e of final.context.secrets) {
        const k = e.kind === 'wolves' ? (e.second !== undefined ? 'rage' : null) : e.kind === 'alpha' || e.kind === 'white' || e.kind === 'sorceress' ? e.kind : null;
        if (k) seen.add(k);
      }
    }
    expect([...ends.values()].reduce((x, y) => x + y, 0)).toBe(games);
    expect(turned).toBeGreaterThan(0);
    // The games reach each role's power: a bite, a rage, a white werewolf's kill, a sorceress's look.
    expect([...seen].sort()).toEqual(['alpha', 'rage', 'sorceress', 'white']);
  }, 120_000);
});
