import { describe, expect, it } from 'vitest';
import { ViewCache, viewFor, type Audience, type GameContext } from '../../shared/game/index.ts';
import { moduleOf } from '../../shared/game/roles/index.ts';
import { leader, type BotBeliefs } from '../../shared/game/roles/role.ts';
import type { YouView } from '../../shared/views.ts';
import { newGame, type TestGame } from '../helpers/game.ts';
import { leaks } from '../helpers/oracle.ts';
import { playRandomGame } from '../helpers/sim.ts';
import { sized } from '../helpers/size.ts';

const RANDOM_GAMES = sized(30, 6);

/** Every seat and a spectator see nothing they may not know. */
function clean(g: TestGame) {
  for (const a of [...g.ctx.players.map((p) => p.seat), 'spectator' as const]) expect(leaks(g.ctx, a === 'spectator' ? { kind: 'spectator' } : { kind: 'seat', seat: a }, g.view(a))).toEqual([]);
}

/** The living seats that are none of `exclude` vote for `target`; the others abstain, so the vote closes. */
function voteOut(g: TestGame, target: number) {
  g.until('vote');
  for (const s of g.living()) {
    if (g.phase !== 'vote') break;
    if (g.view(s).you!.prompt?.kind !== 'vote') continue;
    g.ok({ type: 'vote.cast', seat: s, target: s === target ? null : target });
  }
}

describe('village roles', () => {
  it('[R155] the elder survives the first attack of the pack, silently, and dies of the second', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1, elder: 1 } });
    const elder = g.seat('elder');
    expect(g.view(elder).you!.elderSurvived).toBe(false);
    g.wolvesPick(elder).until('day');
    expect(g.alive(elder)).toBe(true);
    expect(g.ctx.timeline.find((e) => e.kind === 'night')).toEqual({ kind: 'night', day: 1, deaths: [] });
    expect(g.ctx.secrets).toContainEqual({ kind: 'elder', night: 1, seat: elder });
    expect(g.view(elder).you!.elderSurvived).toBe(true);
    for (const s of g.others([elder], [])) expect(g.view(s).you!.elderSurvived).toBeUndefined();
    clean(g);
    g.until('vote').everyoneVotes(null);
    g.until('night').wolvesPick(elder).until('day');
    expect(g.player(elder).death).toMatchObject({ cause: 'wolves', day: 2 });
  });

  it('[R155] a healed attack does not use up the elder\'s life; poison, the vote and a shot kill him the first time', () => {
    // Healed: still his one life left, so the next attack is survived.
    const h = newGame({ players: 7, roles: { werewolf: 1, elder: 1, witch: 1 } });
    const elder = h.seat('elder');
    h.wolvesPick(elder);
    h.ok({ type: 'night.act', seat: h.seat('witch'), action: { kind: 'witch', heal: true, poison: null } });
    h.until('day');
    expect(h.view(elder).you!.elderSurvived).toBe(false);

    const p = newGame({ players: 7, roles: { werewolf: 1, elder: 1, witch: 1 } });
    const e2 = p.seat('elder');
    p.wolvesPick(p.others([e2, p.seat('witch')])[0]);
    p.ok({ type: 'night.act', seat: p.seat('witch'), action: { kind: 'witch', heal: false, poison: e2 } });
    p.until('day');
    expect(p.player(e2).death).toMatchObject({ cause: 'poison' });

    const v = newGame({ players: 7, roles: { werewolf: 1, elder: 1 } });
    const e3 = v.seat('elder');
    voteOut(v, e3);
    expect(v.player(e3).death).toMatchObject({ cause: 'executed' });

    const s = newGame({ players: 7, roles: { werewolf: 1, elder: 1, hunter: 1 } });
    const e4 = s.seat('elder');
    const hunter = s.seat('hunter');
    s.wolvesPick(hunter).until('hunter');
    s.ok({ type: 'hunter.shoot', seat: hunter, target: e4 });
    expect(s.player(e4).death).toMatchObject({ cause: 'shot' });
  });

  it('[R156] the village idiot is spared and revealed the first time, then has no vote; the second execution kills him', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, 'village-idiot': 1 }, settings: { reveal: 'none' } });
    const idiot = g.seat('village-idiot');
    voteOut(g, idiot);
    g.until('night');
    expect(g.alive(idiot)).toBe(true);
    expect(g.ctx.timeline.filter((e) => e.day === 1).map((e) => e.kind)).toEqual(['night', 'vote', 'spared', 'reveal']);
    expect(g.view('spectator').players[idiot].role).toBe('village-idiot');
    expect(g.view(idiot).you!.idiotSpared).toBe(true);
    g.until('vote');
    expect(g.view(idiot).you!.prompt).toBeNull();
    g.refuse({ type: 'vote.cast', seat: idiot, target: g.seat('werewolf') }, 'action/not-allowed');
    clean(g);
    // The vote closes once every other living seat has voted: it does not wait for him, and he misses nothing.
    for (const s of g.living()) if (s !== idiot && g.phase === 'vote') g.ok({ type: 'vote.cast', seat: s, target: s === idiot ? null : idiot });
    expect(g.phase).not.toBe('vote');
    g.until('night');
    expect(g.player(idiot).death).toMatchObject({ cause: 'executed', day: 2 });
    expect(g.player(idiot).missedVotes).toBe(0);
  });

  it('[R157] the masons see each other\'s seats, and nobody else does', () => {
    const g = newGame({ players: 8, roles: { werewolf: 1, mason: 3 } });
    const masons = g.seats('mason');
    expect(masons).toHaveLength(3);
    for (const m of masons) expect(g.view(m).you!.masons).toEqual(masons);
    for (const s of g.others(masons, [])) expect(g.view(s).you!.masons).toBeUndefined();
    const words = moduleOf('mason').words.facts!(g.view(masons[0]).you!, (s) => `P${s}`, false);
    expect(words[0]).toContain(`P${masons[1]}`);
    clean(g);
    // A dead mason stays on the list.
    g.wolvesPick(masons[0]).until('day');
    expect(g.view(masons[1]).you!.masons).toEqual(masons);
    clean(g);
  });

  it('[R158] the cursed attacked by the pack turns werewolf at dawn and hunts with it from the next night', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, cursed: 1, seer: 1 } });
    const cursed = g.seat('cursed');
    const wolf = g.seat('werewolf');
    const seer = g.seat('seer');
    // Before he turns the seer reads him as the village.
    g.act(seer, { kind: 'seer', target: cursed });
    expect(g.view(seer).you!.seerResults).toEqual([{ night: 1, seat: cursed, team: 'village' }]);
    g.wolvesPick(cursed).until('day');
    expect(g.alive(cursed)).toBe(true);
    expect(g.role(cursed)).toBe('werewolf');
    expect(g.ctx.timeline.find((e) => e.kind === 'night')).toEqual({ kind: 'night', day: 1, deaths: [] });
    expect(g.ctx.secrets).toContainEqual({ kind: 'became', day: 1, seat: cursed, from: 'cursed', role: 'werewolf' });
    expect(g.view(cursed).you!.role).toBe('werewolf');
    expect(g.view(cursed).you!.pack).toEqual([wolf, cursed].sort((a, b) => a - b));
    expect(g.view(wolf).you!.pack).toEqual([wolf, cursed].sort((a, b) => a - b));
    clean(g);
    g.until('vote').everyoneVotes(null);
    g.until('night');
    expect(g.view(cursed).you!.prompt).toMatchObject({ kind: 'wolf' });
    g.ok({ type: 'chat.send', seat: cursed, channel: 'wolves', text: 'I am one of you now' });
    g.act(seer, { kind: 'seer', target: cursed });
    expect(g.view(seer).you!.seerResults!.at(-1)).toEqual({ night: 2, seat: cursed, team: 'wolves' });
    clean(g);
  });

  it('[R158] with the room option the seer and the medium read the cursed as a werewolf before he turns', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, cursed: 1, seer: 1, medium: 1 }, settings: { roleOptions: { cursed: { seenAsWolf: true } } } });
    const cursed = g.seat('cursed');
    const seer = g.seat('seer');
    g.act(seer, { kind: 'seer', target: cursed });
    expect(g.view(seer).you!.seerResults).toEqual([{ night: 1, seat: cursed, team: 'wolves' }]);
    g.wolvesPick(g.others([cursed, seer, g.seat('medium')])[0]).until('day');
    expect(g.ctx.secrets).toContainEqual({ kind: 'seer', night: 1, seer, seat: cursed, team: 'wolves' });
    expect(g.role(cursed)).toBe('cursed');
    voteOut(g, cursed);
    g.until('day');
    expect(g.view(g.seat('medium')).you!.mediumResults).toEqual([{ day: 1, seat: cursed, team: 'wolves' }]);
    // Off (the default), the same look reads the village.
    const d = newGame({ players: 7, roles: { werewolf: 1, cursed: 1, seer: 1 } });
    d.act(d.seat('seer'), { kind: 'seer', target: d.seat('cursed') });
    expect(d.view(d.seat('seer')).you!.seerResults![0].team).toBe('village');
  });

  it('[R158] a cursed the doctor protects is not turned, and anything else kills him', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, cursed: 1, doctor: 1 } });
    const cursed = g.seat('cursed');
    g.act(g.seat('doctor'), { kind: 'doctor', target: cursed });
    g.wolvesPick(cursed).until('day');
    expect(g.role(cursed)).toBe('cursed');
    const v = newGame({ players: 7, roles: { werewolf: 1, cursed: 1 } });
    const c2 = v.seat('cursed');
    voteOut(v, c2);
    expect(v.player(c2).death).toMatchObject({ cause: 'executed' });
  });

  it('[R159] the pacifist calls one truce a game: public, revealing, and nobody is executed that day', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, pacifist: 1 }, settings: { reveal: 'none' } });
    const pacifist = g.seat('pacifist');
    const wolf = g.seat('werewolf');
    g.until('day');
    expect(g.view(pacifist).you!.dayActions).toEqual([{ kind: 'truce', label: 'Call a truce', hint: expect.any(String) }]);
    expect(g.view(pacifist).you!.truceUsed).toBe(false);
    g.until('vote');
    g.ok({ type: 'day.act', seat: pacifist, action: { kind: 'truce' } });
    expect(g.ctx.timeline.slice(-2)).toEqual([{ kind: 'act', day: 1, seat: pacifist, act: 'truce' }, { kind: 'reveal', day: 1, seat: pacifist, role: 'pacifist' }]);
    expect(g.view('spectator').players[pacifist].role).toBe('pacifist');
    expect(g.view(pacifist).you!.dayActions).toBeUndefined();
    g.refuse({ type: 'day.act', seat: pacifist, action: { kind: 'truce' } }, 'action/already-done');
    clean(g);
    g.everyoneVotes(wolf);
    g.until('night');
    expect(g.alive(wolf)).toBe(true);
    expect(g.ctx.timeline.find((e) => e.kind === 'vote')).toMatchObject({ tally: { [wolf]: 6 } });
    // Once a game: the next day he has no truce to call.
    g.until('day');
    expect(g.view(pacifist).you!.dayActions).toBeUndefined();
    g.refuse({ type: 'day.act', seat: pacifist, action: { kind: 'truce' } }, 'action/already-done');
    voteOut(g, wolf);
    g.until('over');
    expect(g.player(wolf).death).toMatchObject({ cause: 'executed', day: 2 });
  });

  it('[R160] the little girl who peeks reads the wolves\' messages of that night from then on, without names', () => {
    const g = newGame({ players: 7, roles: { werewolf: 2, 'little-girl': 1 } });
    const girl = g.seat('little-girl');
    const [w1, w2] = g.seats('werewolf');
    expect(g.view(girl).you!.prompt).toEqual({ kind: 'peek' });
    g.ok({ type: 'chat.send', seat: w1, channel: 'wolves', text: 'before she looks' });
    g.ok({ type: 'night.act', seat: girl, action: { kind: 'peek', peek: true } });
    g.refuse({ type: 'night.act', seat: girl, action: { kind: 'peek', peek: false } }, 'action/already-done');
    g.refuse({ type: 'night.act', seat: girl, action: { kind: 'peek', peek: true, from: 0 } as never }, 'input/invalid');
    g.ok({ type: 'chat.send', seat: w1, channel: 'wolves', text: 'take the host' });
    g.ok({ type: 'chat.send', seat: w2, channel: 'wolves', text: 'agreed' });
    const you = g.view(girl).you!;
    expect(you.peeked).toEqual([{ night: 1, text: 'take the host' }, { night: 1, text: 'agreed' }]);
    // Her own list: the wolves' channel itself stays theirs, with its names.
    expect(g.view(girl).chat.some((m) => m.channel === 'wolves')).toBe(false);
    expect(g.view(w1).chat.filter((m) => m.channel === 'wolves').map((m) => m.name)).toEqual([`P${w1}`, `P${w1}`, `P${w2}`]);
    for (const s of g.others([girl], [])) expect(g.view(s).you!.peeked).toBeUndefined();
    clean(g);
    g.wolvesPick(g.others([girl])[0]).until('day');
    // She keeps that night's messages by day.
    expect(g.view(girl).you!.peeked).toHaveLength(2);
    clean(g);
    g.until('night');
    g.ok({ type: 'night.act', seat: girl, action: { kind: 'peek', peek: false } });
    g.ok({ type: 'chat.send', seat: w1, channel: 'wolves', text: 'she sleeps' });
    expect(g.view(girl).you!.peeked).toHaveLength(2);
    clean(g);
  });

  it('[R161] each night she peeks one chance in four that the pack catches her; then the pack, and only the pack, sees her seat', () => {
    let caught = 0;
    let nights = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const g = newGame({ players: 7, roles: { werewolf: 1, 'little-girl': 1 }, seed });
      const girl = g.seat('little-girl');
      const wolf = g.seat('werewolf');
      g.ok({ type: 'night.act', seat: girl, action: { kind: 'peek', peek: true } });
      g.wolvesPick(g.others([girl])[0]).until('day');
      nights++;
      const entry = g.ctx.secrets.find((e) => e.kind === 'peek');
      expect(entry).toMatchObject({ kind: 'peek', night: 1, seat: girl });
      const found = entry!.kind === 'peek' && entry!.discovered;
      if (found) {
        caught++;
        expect(g.view(wolf).you!.caughtPeeking).toEqual([{ night: 1, seat: girl }]);
      } else {
        expect(g.view(wolf).you!.caughtPeeking).toBeUndefined();
        // The oracle: a catch the record does not hold is a leak.
        const planted = structuredClone(g.view(wolf));
        planted.you!.caughtPeeking = [{ night: 1, seat: girl }];
        expect(leaks(g.ctx, { kind: 'seat', seat: wolf }, planted)).not.toEqual([]);
      }
      for (const s of g.others([wolf], [])) expect(g.view(s).you!.caughtPeeking).toBeUndefined();
      clean(g);
    }
    // 40 draws of one in four: between 2 and 20 catches is all but certain (and the draws are fixed by the seeds).
    expect(caught).toBeGreaterThanOrEqual(2);
    expect(caught).toBeLessThanOrEqual(20);
    expect(nights).toBe(40);
  });

  it('[R160] [R161] a little girl who sleeps is never caught, and the oracle catches a peeked message with its author or of a night she slept', () => {
    const g = newGame({ players: 7, roles: { werewolf: 1, 'little-girl': 1 } });
    const girl = g.seat('little-girl');
    const wolf = g.seat('werewolf');
    g.ok({ type: 'night.act', seat: girl, action: { kind: 'peek', peek: true } });
    g.ok({ type: 'chat.send', seat: wolf, channel: 'wolves', text: 'hush' });
    const view = g.view(girl);
    const audience: Audience = { kind: 'seat', seat: girl };
    expect(leaks(g.ctx, audience, view)).toEqual([]);
    const tamper = (f: (you: YouView) => void) => { const copy = structuredClone(view); f(copy.you!); return leaks(g.ctx, audience, copy); };
    expect(tamper((y) => { (y.peeked![0] as Record<string, unknown>).seat = wolf; })).not.toEqual([]);
    expect(tamper((y) => { (y.peeked![0] as Record<string, unknown>).name = `P${wolf}`; })).not.toEqual([]);
    expect(tamper((y) => { y.peeked!.push({ night: 1, text: 'never written' }); })).not.toEqual([]);
    expect(tamper((y) => { y.peeked!.push({ night: 0, text: 'hush' }); })).not.toEqual([]);
    expect(tamper((y) => { y.caughtPeeking = [{ night: 1, seat: girl }]; })).not.toEqual([]);
    // Masons: a list on a non-mason, or the wrong list on a mason.
    const m = newGame({ players: 7, roles: { werewolf: 1, mason: 2 } });
    const [m1] = m.seats('mason');
    const other = m.others(m.seats('mason'), [])[0];
    const mv = m.view(m1);
    const bad = structuredClone(mv);
    bad.you!.masons = [m1, other];
    expect(leaks(m.ctx, { kind: 'seat', seat: m1 }, bad)).not.toEqual([]);
    const stranger = structuredClone(m.view(other));
    stranger.you!.masons = m.seats('mason');
    expect(leaks(m.ctx, { kind: 'seat', seat: other }, stranger)).not.toEqual([]);
    // Sleeping: no record entry, nothing for the pack.
    const s = newGame({ players: 7, roles: { werewolf: 1, 'little-girl': 1 } });
    s.ok({ type: 'night.act', seat: s.seat('little-girl'), action: { kind: 'peek', peek: false } });
    s.wolvesPick(s.others([s.seat('little-girl')])[0]).until('day');
    expect(s.ctx.secrets.some((e) => e.kind === 'peek')).toBe(false);
    expect(s.view(s.seat('werewolf')).you!.caughtPeeking).toBeUndefined();
  });

  it('[R161] the pack\'s bots go for a little girl they caught, unless the pack already agreed on a victim', () => {
    const b: BotBeliefs = { suspicion: () => 0, trusted: null, publicSuspicion: () => 0, publicTrusted: null, publicSeers: [], day: 3, urgent: false };
    const wolf = moduleOf('werewolf').night!.bot!.smart!;
    const prompt = { kind: 'wolf' as const, targets: [1, 2, 3, 4], current: null };
    const you = (extra: Partial<YouView>): YouView => ({ seat: 0, role: 'werewolf', team: 'wolves', alive: true, isHost: false, missedVotes: 0, prompt, pack: [0, 5], ...extra } as YouView);
    expect(wolf(prompt, you({ caughtPeeking: [{ night: 2, seat: 3 }] }), b, () => 0.5)).toMatchObject({ target: 3 });
    expect(wolf(prompt, you({ caughtPeeking: [{ night: 2, seat: 3 }], packPicks: { 5: 2 } }), b, () => 0.5)).toMatchObject({ target: 2 });
  });

  it('[R150] [R159] the mayor\'s and the pacifist\'s bots take their day actions when it matters', () => {
    const beliefs = (trust: Record<number, number>, trusted: number | null = null): BotBeliefs => ({
      suspicion: (s) => trust[s] ?? 0, trusted, publicSuspicion: (s) => trust[s] ?? 0, publicTrusted: null, publicSeers: [], day: 2, urgent: false,
    });
    const you = (seat: number, role: string, current?: number): YouView => ({ seat, role, team: 'village', alive: true, isHost: false, missedVotes: 0, prompt: current === undefined ? null : { kind: 'vote', targets: [0, 1, 2, 3, 4], current, canAbstain: true } } as YouView);
    const mayor = moduleOf('mayor').day!.bot!;
    // His ballot for 1 ties 1 with 2 (2–2): a second vote would decide it.
    expect(mayor(you(0, 'mayor', 1), beliefs({}), { day: 2, phase: 'vote', tally: { 1: 2, 2: 2 } })).toEqual({ kind: 'reveal' });
    // Already leading by two, or with nobody voted: no need.
    expect(mayor(you(0, 'mayor', 1), beliefs({}), { day: 2, phase: 'vote', tally: { 1: 3, 2: 1 } })).toBeNull();
    expect(mayor(you(0, 'mayor'), beliefs({}), { day: 2, phase: 'vote', tally: {} })).toBeNull();
    // Under suspicion late in the game: the village is about to vote him out.
    expect(mayor(you(0, 'mayor', 1), beliefs({ 0: 30 }), { day: 4, phase: 'vote', tally: { 0: 3, 1: 1 } })).toEqual({ kind: 'reveal' });
    expect(mayor(you(0, 'mayor'), beliefs({}), { day: 1, phase: 'day' })).toBeNull();
    const pacifist = moduleOf('pacifist').day!.bot!;
    expect(pacifist(you(0, 'pacifist'), beliefs({ 3: -60 }), { day: 2, phase: 'vote', tally: { 3: 3, 1: 1 } })).toEqual({ kind: 'truce' });
    expect(pacifist(you(0, 'pacifist'), beliefs({}, 3), { day: 2, phase: 'vote', tally: { 3: 3 } })).toEqual({ kind: 'truce' });
    expect(pacifist(you(0, 'pacifist'), beliefs({ 3: 40 }), { day: 2, phase: 'vote', tally: { 3: 3 } })).toBeNull();
    expect(pacifist(you(0, 'pacifist'), beliefs({ 3: -60 }), { day: 2, phase: 'vote', tally: { 3: 2, 1: 2 } })).toBeNull();
    expect(pacifist(you(0, 'pacifist'), beliefs({ 3: -60 }), { day: 2, phase: 'day' })).toBeNull();
    expect(leader({ 1: 2, 4: 3 })).toBe(4);
    expect(leader({ 1: 2, 4: 2, 5: 1 })).toBeNull();
    expect(leader({})).toBeNull();
  });

  it('[R70] [R155] [R156] [R157] [R158] [R159] [R160] [R161] random games with every village role, the mayor and the prince end without errors or leaks', () => {
    const roles = { werewolf: 2, seer: 1, elder: 1, 'village-idiot': 1, mason: 2, cursed: 1, pacifist: 1, 'little-girl': 1, mayor: 1, prince: 1 };
    const variants = [{}, { reveal: 'none' as const, secretVotes: true }, { reveal: 'team' as const, voteRule: 'majority' as const, tieRule: 'random' as const, roleOptions: { cursed: { seenAsWolf: true } } }];
    let ended = 0;
    let events = 0;
    const seen = new Set<string>();
    for (let g = 0; g < RANDOM_GAMES; g++) {
      const cache = new ViewCache();
      const { final } = playRandomGame({
        seed: 1000 + g,
        players: 12 + (g % 3),
        settings: { roles, ...variants[g % variants.length] },
        maxEvents: 4000,
        onEvent: (snap, e) => {
          events++;
          const ctx: GameContext = snap.context;
          if (e.type === 'day.act') seen.add(`act:${e.action.kind}`);
          for (const a of [...ctx.players.map((p) => ({ kind: 'seat', seat: p.seat }) as Audience), { kind: 'spectator' } as Audience]) {
            const problems = leaks(ctx, a, viewFor(ctx, a, cache));
            if (problems.length) expect.fail(`game ${g}, ${e.type}: ${problems.join('; ')}`);
          }
        },
      });
      expect(final.status).toBe('active');
      if (final.context.phase === 'over') ended++;
      for (const s of final.context.secrets) seen.add(s.kind);
    }
    expect(ended).toBe(RANDOM_GAMES);
    expect(events).toBeGreaterThan(RANDOM_GAMES * 50);
    // The games reached the roles' rules: the elder's survival, a peek, a cursed turned, day actions taken.
    for (const k of ['elder', 'peek', 'became', 'act:truce', 'act:reveal']) expect(seen, k).toContain(k);
  }, 120_000);
});
