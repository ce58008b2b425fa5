import { describe, expect, it } from 'vitest';
import { newGame } from '../helpers/game.ts';

/** A six-player game with one wolf and no kill on night 1, at its first vote. */
function atVote(settings = {}) {
  const g = newGame({ players: 6, roles: { werewolf: 1 }, settings });
  g.until('vote');
  return g;
}

describe('day and vote', () => {
  it('[R40] one missed vote warns, a ballot clears it, two in a row remove the player as afk', () => {
    const g = atVote();
    const [idle, other] = g.living();
    const vote = (skip: number[]) => {
      for (const s of g.living()) if (!skip.includes(s)) g.ok({ type: 'vote.cast', seat: s, target: null });
      g.until('execution');
    };
    vote([idle, other]);
    expect(g.player(idle).missedVotes).toBe(1);
    expect(g.view(idle).you!.missedVotes).toBe(1);
    g.until('vote');
    vote([idle]);
    expect(g.player(other).missedVotes).toBe(0);
    expect(g.player(idle)).toMatchObject({ alive: false, death: { cause: 'afk', publicCause: 'afk' } });
    expect(g.ctx.timeline.at(-1)).toEqual({ kind: 'afk', day: 2, seat: idle });
  });

  it('[R40] only the day\'s last round counts: a re-vote neither saves nor doubles a miss', () => {
    const g = atVote();
    const [a, b, c] = g.living();
    // Day 1: c misses round 1 and votes in round 2, no miss.
    g.ballots({ [a]: b, [b]: a }).expire();
    expect(g.ctx.vote!.round).toBe(2);
    expect(g.player(c).missedVotes).toBe(0);
    for (const s of g.living()) g.ok({ type: 'vote.cast', seat: s, target: null });
    expect(g.player(c).missedVotes).toBe(0);
    g.until('vote');
    // Day 2: c misses both rounds: one miss only.
    g.ballots({ [a]: b, [b]: a }).expire();
    g.expire();
    expect(g.player(c).missedVotes).toBe(1);
    expect(g.alive(c)).toBe(true);
  });

  it('[R41] a ballot may change, or become an abstention, until the close', () => {
    const g = atVote();
    const [a, b, c] = g.living();
    g.ok({ type: 'vote.cast', seat: a, target: b });
    g.ok({ type: 'vote.cast', seat: a, target: c });
    expect(g.ctx.vote!.ballots[a]).toBe(c);
    expect(g.view(a).you!.prompt).toMatchObject({ kind: 'vote', current: c });
    g.ok({ type: 'vote.cast', seat: a, target: null });
    expect(g.ctx.vote!.ballots[a]).toBeNull();
    g.expire();
    expect(g.ctx.timeline.at(-1)).toMatchObject({ kind: 'vote', abstain: 1, tally: {}, outcome: 'none' });
  });

  it('[R42] the vote opens once every living player is ready, or at the day\'s deadline', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1 } });
    const wolf = g.seat('werewolf');
    const victim = g.others()[0];
    g.wolvesPick(victim).until('day');
    g.refuse({ type: 'day.ready', seat: victim }, 'player/dead');
    const living = g.living();
    for (const s of living.slice(0, -1)) g.ok({ type: 'day.ready', seat: s });
    g.ok({ type: 'day.ready', seat: living[0] });
    expect(g.ctx.ready).toEqual(living.slice(0, -1));
    expect(g.phase).toBe('day');
    g.ok({ type: 'day.ready', seat: living.at(-1)! });
    expect(g.phase).toBe('vote');
    g.refuse({ type: 'day.ready', seat: wolf }, 'phase/wrong');
    const h = newGame({ players: 6, roles: { werewolf: 1 } });
    h.until('day').expire();
    expect(h.phase).toBe('vote');
  });

  it('[R43] only the living vote, for a living candidate or themselves, or abstain', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1 } });
    const victim = g.others()[0];
    g.wolvesPick(victim).until('vote');
    const [a, b] = g.others();
    g.refuse({ type: 'vote.cast', seat: victim, target: a }, 'player/dead');
    g.refuse({ type: 'vote.cast', seat: a, target: victim }, 'vote/invalid-target');
    g.refuse({ type: 'vote.cast', seat: a, target: 99 }, 'vote/invalid-target');
    g.refuse({ type: 'vote.cast', seat: 99, target: a }, 'room/not-member');
    g.ok({ type: 'vote.cast', seat: a, target: a });
    g.ok({ type: 'vote.cast', seat: b, target: null });
    expect(g.ctx.vote!.candidates).toEqual(g.living());
    g.until('night');
    g.refuse({ type: 'vote.cast', seat: a, target: b }, 'phase/wrong');
  });

  it('[R43] a ballot for a candidate who has since left counts as an abstention', () => {
    const g = atVote();
    const [a, b, c, d] = g.living();
    g.ballots({ [a]: d, [b]: d, [c]: a });
    g.ok({ type: 'room.leave', seat: d });
    g.expire();
    expect(g.ctx.timeline.find((e) => e.kind === 'vote')).toMatchObject({ tally: { [a]: 1 }, abstain: 2, outcome: 'executed', seat: a });
  });

  it('[R43] in a second round only the tied candidates may be named', () => {
    const g = atVote();
    const [a, b, c] = g.living();
    g.ballots({ [a]: b, [b]: a }).expire();
    g.refuse({ type: 'vote.cast', seat: a, target: c }, 'vote/invalid-target');
    g.ok({ type: 'vote.cast', seat: c, target: a });
  });

  it('[R44] the vote closes at once when every living player has a ballot', () => {
    const g = atVote();
    const living = g.living();
    for (const s of living.slice(0, -1)) g.ok({ type: 'vote.cast', seat: s, target: living[0] });
    expect(g.phase).toBe('vote');
    g.ok({ type: 'vote.cast', seat: living.at(-1)!, target: null });
    expect(g.phase).toBe('execution');
    expect(g.alive(living[0])).toBe(false);
  });

  it('[R45] plurality: the most votes, at least one, executes', () => {
    const g = atVote();
    const [a, b, c, d] = g.living();
    g.ballots({ [a]: b, [c]: d, [d]: b }).expire();
    expect(g.player(b).death).toMatchObject({ cause: 'executed', publicCause: 'executed' });
    expect(g.ctx.timeline.find((e) => e.kind === 'vote')).toMatchObject({ tally: { [b]: 2, [d]: 1 }, outcome: 'executed', seat: b });
  });

  it('[R45] majority: more than half of the living players, or nobody', () => {
    const g = atVote({ voteRule: 'majority' });
    const [b, a, c, d, e] = g.others();
    const f = g.seat('werewolf');
    g.ballots({ [a]: b, [b]: null, [c]: b, [d]: null, [e]: null, [f]: null }).expire(); // 2 of 6
    expect(g.alive(b)).toBe(true);
    expect(g.ctx.timeline.find((x) => x.kind === 'vote')).toMatchObject({ outcome: 'none' });
    g.until('vote');
    g.ballots({ [a]: b, [b]: null, [c]: b, [d]: b, [e]: a, [f]: a }).expire(); // 3 of 6: not more than half
    expect(g.alive(b)).toBe(true);
    g.until('vote');
    g.ballots({ [a]: b, [b]: null, [c]: b, [d]: b, [e]: b }).expire(); // 4 of 6
    expect(g.alive(b)).toBe(false);
  });

  it('[R46] tie rule none: nobody is executed', () => {
    const g = atVote({ tieRule: 'none' });
    const [a, b] = g.living();
    g.ballots({ [a]: b, [b]: a }).expire();
    expect(g.phase).toBe('execution');
    expect(g.living()).toHaveLength(6);
  });

  it('[R46] tie rule revote: a second round among the tied; a second tie executes nobody', () => {
    const g = atVote({ tieRule: 'revote' });
    const [a, b, c] = g.living();
    g.ballots({ [a]: b, [b]: a }).expire();
    expect(g.ctx.timeline.at(-1)).toMatchObject({ kind: 'vote', round: 1, outcome: 'revote' });
    expect(g.ctx.vote).toEqual({ round: 2, candidates: [a, b], ballots: {} });
    expect(g.ctx.deadline).toBe(g.now + 45_000);
    g.ballots({ [a]: b, [b]: a }).expire();
    expect(g.ctx.timeline.at(-1)).toMatchObject({ kind: 'vote', round: 2, outcome: 'none' });
    expect(g.phase).toBe('execution');
    g.until('vote');
    g.ballots({ [a]: b, [b]: a }).expire();
    g.ballots({ [a]: b, [b]: a, [c]: b }).expire();
    expect(g.alive(b)).toBe(false);
  });

  it('[R46] tie rule revote-random: a second round among the tied; a second tie draws lots among them', () => {
    const g = atVote({ tieRule: 'revote-random' });
    const [a, b] = g.living();
    g.ballots({ [a]: b, [b]: a }).expire();
    expect(g.ctx.timeline.at(-1)).toMatchObject({ kind: 'vote', round: 1, outcome: 'revote' });
    g.ballots({ [a]: b, [b]: a }).expire();
    const last = g.ctx.timeline.find((e) => e.kind === 'vote' && e.round === 2);
    expect(last).toMatchObject({ outcome: 'executed' });
    expect([a, b]).toContain((last as { seat: number }).seat);
  });

  it('[R46] tie rule random: the seeded PRNG executes one of the tied, the same one for the same seed', () => {
    const run = (seed: number) => {
      const g = newGame({ players: 6, roles: { werewolf: 1 }, settings: { tieRule: 'random' }, seed });
      g.until('vote');
      const [a, b] = g.living();
      g.ballots({ [a]: b, [b]: a }).expire();
      const dead = g.ctx.players.filter((p) => !p.alive).map((p) => p.seat);
      expect(dead.length).toBe(1);
      expect([a, b]).toContain(dead[0]);
      return dead[0] === a ? 0 : 1;
    };
    const outcomes = new Set<number>();
    for (let seed = 1; seed <= 10; seed++) { const o = run(seed); expect(run(seed)).toBe(o); outcomes.add(o); }
    expect(outcomes.size).toBe(2);
  });

  it('[R47] public votes show each ballot live and in the timeline; who voted is always public', () => {
    const g = atVote();
    const [a, b] = g.living();
    g.ok({ type: 'vote.cast', seat: a, target: b });
    expect(g.view('spectator').vote).toEqual({ round: 1, candidates: g.living(), voted: [a], ballots: { [a]: b } });
    g.expire();
    expect(g.ctx.timeline.find((e) => e.kind === 'vote')).toMatchObject({ ballots: { [a]: b } });
  });

  it('[R47] secret votes show who voted but no ballot, live or in the timeline', () => {
    const g = atVote({ secretVotes: true });
    const [a, b] = g.living();
    g.ok({ type: 'vote.cast', seat: a, target: b });
    for (const who of [...g.living(), 'spectator' as const]) {
      const v = g.view(who);
      expect(v.vote).toEqual({ round: 1, candidates: g.living(), voted: [a] });
      expect(JSON.stringify(v.vote)).not.toContain('ballots');
    }
    expect(g.view(a).you!.prompt).toMatchObject({ current: b });
    expect(g.view(b).you!.prompt).toMatchObject({ current: undefined });
    g.expire();
    const entry = g.ctx.timeline.find((e) => e.kind === 'vote')!;
    expect(entry).toMatchObject({ tally: { [b]: 1 }, outcome: 'executed', seat: b });
    expect('ballots' in entry).toBe(false);
  });

  it('[R48] the executed player dies, the execution phase announces it, then the night comes', () => {
    const g = atVote();
    const [a, b] = g.others();
    g.ballots({ [a]: b }).expire();
    expect(g.phase).toBe('execution');
    expect(g.player(b).death).toEqual({ day: 1, cause: 'executed', publicCause: 'executed' });
    expect(g.view('spectator').players[b]).toMatchObject({ alive: false, death: { day: 1, cause: 'executed' }, role: g.role(b) });
    g.expire();
    expect(g.phase).toBe('night');
    expect(g.ctx.day).toBe(2);
  });
});
