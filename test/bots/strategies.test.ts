import { assertions } from '../../client/bot/claims.ts';
import { describe, expect, it } from 'vitest';
import { Brain } from '../../client/bot/brain.ts';
import { act, dayAct, vote, type Strategy } from '../../client/bot/decision.ts';
import { random, smart } from '../../client/bot/strategies/index.ts';
import { playSim, type SimResult } from '../../client/bot/sim.ts';
import type { GameView } from '../../shared/views.ts';
import { evidence } from '../../client/bot/evidence.ts';
import { newGame } from '../helpers/game.ts';

const games = (players: number, n: number, strategy: Strategy = smart): SimResult[] =>
  Array.from({ length: n }, (_, i) => playSim({ players, seed: 100 + i, strategy }));

describe('strategies in process', () => {
  it('finish every game of every default role set, smart and random alike', () => {
    for (let players = 5; players <= 20; players++) {
      for (const r of [...games(players, 2), ...games(players, 1, random)]) expect(r.outcome?.winner, `${players} players`).toBeDefined();
    }
  });

  it('smart wolves never vote for one another', () => {
    let ballots = 0;
    for (const r of games(12, 20)) {
      const wolves = new Set(r.final.players.filter((p) => p.role === 'werewolf').map((p) => p.seat));
      for (const e of r.final.timeline) {
        if (e.kind !== 'vote' || !e.ballots) continue;
        for (const [v, t] of Object.entries(e.ballots)) if (wolves.has(Number(v)) && t !== null) { ballots++; expect(wolves.has(t)).toBe(false); }
      }
    }
    expect(ballots).toBeGreaterThan(20);
  });

  it('the smart witch saves the first victim', () => {
    let saves = 0;
    for (const r of games(10, 20)) {
      const s = r.final.secrets;
      const wolves = s.find((e) => e.kind === 'wolves' && e.night === 1);
      const doctor = s.find((e) => e.kind === 'doctor' && e.night === 1);
      const witch = s.find((e) => e.kind === 'witch' && e.night === 1);
      if (wolves?.kind !== 'wolves' || wolves.target === null || witch?.kind !== 'witch') continue;
      if (doctor?.kind === 'doctor' && doctor.seat === wolves.target) continue;
      expect(witch.heal).toBe(wolves.target);
      saves++;
    }
    expect(saves).toBeGreaterThan(5);
  });

  it('the smart seer who found a living wolf says so, and the village votes for it', () => {
    let told = 0;
    for (const r of games(10, 30)) {
      const seer = r.final.players.find((p) => p.role === 'seer')!;
      const found = r.final.secrets.find((e) => e.kind === 'seer' && e.team === 'wolves');
      if (found?.kind !== 'seer') continue;
      const night = r.final.timeline.find((e) => e.kind === 'night' && e.day === found.night);
      const seerDied = night?.kind === 'night' && night.deaths.includes(seer.seat);
      const wolfDied = night?.kind === 'night' && night.deaths.includes(found.seat);
      // A seer in love with the wolf she found (cupid) never votes for her lover (R28).
      if (seerDied || wolfDied || !night || seer.lover === found.seat) continue;
      const claim = r.final.chat.find((m) => m.seat === seer.seat && m.talk && assertions(m.talk, seer.seat).some((c) => c.kind === 'result' && c.seat === found.seat && c.team === 'wolves'));
      // She says it as the seer: in that message, or having claimed before.
      const before = r.final.chat.filter((m) => m.seat === seer.seat && m.talk && m.id <= claim!.id && m.channel === 'day');
      expect(before.flatMap((m) => assertions(m.talk!, seer.seat))).toContainEqual({ kind: 'claim', role: 'seer' });
      // When both are still alive at the vote (a hunter's shot or the poison may come first), the seer votes for the wolf.
      const vote = r.final.timeline.find((e) => e.kind === 'vote' && e.day === found.night && e.round === 1);
      if (vote?.kind === 'vote' && vote.ballots && seer.seat in vote.ballots && found.seat in vote.ballots) expect(vote.ballots[seer.seat]).toBe(found.seat);
      told++;
    }
    expect(told).toBeGreaterThan(3);
  });

});

describe('brain', () => {
  const nightView = { gameNo: 1, phase: 'night', phaseId: 3, day: 1, you: { seat: 2, alive: true, prompt: { kind: 'seer', targets: [0, 1, 3] } } } as unknown as GameView;

  it('never sends what is not its turn, nor the same thing twice in a phase', () => {
    const rogue: Strategy = () => [vote(1), act({ kind: 'wolf', target: 0 }), act({ kind: 'seer', target: 1 })];
    const brain = new Brain(rogue, 1);
    expect(brain.decide(nightView)).toEqual([act({ kind: 'seer', target: 1 })]);
    expect(brain.decide(nightView)).toEqual([]);
    expect(brain.decide({ ...nightView, phaseId: 4 })).toEqual([act({ kind: 'seer', target: 1 })]);
  });

  it('gives the strategy the same draws within a phase', () => {
    const seen: number[] = [];
    const brain = new Brain((_v, { rng }) => { seen.push(rng()); return []; }, 9);
    brain.decide(nightView);
    brain.decide(nightView);
    brain.decide({ ...nightView, phaseId: 4 });
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).not.toBe(seen[0]);
  });

  it('sends a day action only while the view offers it', () => {
    const dayView = { gameNo: 1, phase: 'day', phaseId: 5, day: 2, you: { seat: 2, alive: true, prompt: { kind: 'ready', done: false }, dayActions: [{ kind: 'reveal', label: 'x', hint: 'y' }] } } as unknown as GameView;
    const eager: Strategy = () => [dayAct({ kind: 'reveal' }), dayAct({ kind: 'truce' })];
    const brain = new Brain(eager, 1);
    expect(brain.decide(dayView)).toEqual([dayAct({ kind: 'reveal' })]);
    expect(brain.decide(dayView)).toEqual([]);
    const taken = { ...dayView, phaseId: 6, you: { ...dayView.you!, dayActions: undefined } } as GameView;
    expect(brain.decide(taken)).toEqual([]);
  });
});

describe('smart bots take their roles\' day actions', () => {
  it('a smart mayor reveals himself, a smart pacifist calls his truce, in some games, and the games end', () => {
    const acts = new Map<string, number>();
    let truceDays = 0;
    for (let i = 0; i < 40; i++) {
      const r = playSim({ players: 9, seed: 500 + i, strategy: smart, settings: { roles: { werewolf: 2, seer: 1, mayor: 1, pacifist: 1 } } });
      expect(r.outcome?.winner).toBeDefined();
      for (const e of r.final.timeline) if (e.kind === 'act') acts.set(e.act, (acts.get(e.act) ?? 0) + 1);
      for (const e of r.final.timeline) {
        if (e.kind !== 'act' || e.act !== 'truce') continue;
        // A truce day executes nobody.
        truceDays++;
        expect(r.final.timeline.some((x) => x.kind === 'vote' && x.day === e.day && x.outcome === 'executed' && r.final.players.find((p) => p.seat === x.seat)?.death?.day === e.day)).toBe(false);
      }
    }
    expect(acts.get('reveal') ?? 0).toBeGreaterThan(3);
    expect(acts.get('truce') ?? 0).toBeGreaterThan(0);
    expect(truceDays).toBe(acts.get('truce'));
  });

  it('a smart mason counts his fellow masons as the village', () => {
    const g = newGame({ players: 8, roles: { werewolf: 2, mason: 2 } });
    const [a, b] = g.seats('mason');
    const ev = evidence({ ...g.view(a), version: 0 } as GameView);
    expect(ev.sides.get(b)).toBe('village');
    expect(ev.suspicion.get(b)).toBeLessThan(0);
  });

  it('a smart seat counts a publicly revealed mayor as the village', () => {
    const g = newGame({ players: 8, roles: { werewolf: 2, mayor: 1 } });
    const mayor = g.seat('mayor');
    const other = g.others([mayor])[0];
    g.until('day').ok({ type: 'day.act', seat: mayor, action: { kind: 'reveal' } });
    const ev = evidence({ ...g.view(other), version: 0 } as GameView);
    expect(ev.sides.get(mayor)).toBe('village');
    expect(evidence({ ...g.view(other), version: 0 } as GameView, true).sides.get(mayor)).toBe('village');
  });
});
