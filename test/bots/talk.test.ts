import { describe, expect, it } from 'vitest';
import { assertions } from '../../client/bot/claims.ts';
import { act, type Decision, ready, say, shoot, type Strategy, vote } from '../../client/bot/decision.ts';
import { pick } from '../../client/bot/rng.ts';
import { smart } from '../../client/bot/strategies/index.ts';
import { spoken } from '../../client/bot/talk/know.ts';
import { playSim } from '../../client/bot/sim.ts';
import { type Talk, talkSeats, walk } from '../../shared/talk.ts';
import type { ChatMessage, GameView } from '../../shared/views.ts';
import { sized } from '../helpers/size.ts';
import { tell } from '../../client/bot/talk/day.ts';

const NAMES = ['Ada', 'Bea', 'Cato', 'Dido', 'Egon', 'Fern', 'Gus', 'Hale'];
const PERSON = 0;

/**
 * The person at seat 0, scripted: one line a day, by turns the quick-talk menu's accusation, a
 * free-text one, or a vote intention; votes at random; ready once it spoke.
 */
const person: Strategy = (view, { rng }) => {
  const you = view.you!;
  const p = you.prompt;
  const others = view.players.filter((x) => x.alive && x.seat !== you.seat).map((x) => x.seat);
  const out: Decision[] = [];
  const quiet = spoken(view, you.seat).now.length === 0 && view.day > 0;
  if (you.alive && view.phase === 'day' && quiet && others.length) {
    const target = others[view.day % others.length];
    const name = view.players[target].name;
    out.push(view.day % 3 === 1 ? tell({ kind: 'accuse', seat: target }) : view.day % 3 === 2 ? say(`I think ${name} is a wolf`) : tell({ kind: 'vote', seat: target }));
  }
  if (!p) return out;
  switch (p.kind) {
    case 'ready': if (!quiet || !you.alive) out.push(ready()); break;
    case 'vote': out.push(vote(pick(rng, p.targets.filter((t) => t !== you.seat)) ?? null)); break;
    case 'hunter': out.push(shoot(pick(rng, p.targets) ?? null)); break;
    case 'sleep': out.push(act({ kind: 'sleep' })); break;
    case 'peek': out.push(act({ kind: 'peek', peek: false })); break;
    case 'witch': out.push(act({ kind: 'witch', heal: false, poison: null })); break;
    case 'cupid': out.push(act({ kind: 'cupid', targets: [p.targets[0], p.targets[1]] })); break;
    default: { const t = pick(rng, p.targets.filter((x) => x !== you.seat)); if (t !== undefined) out.push(act({ kind: p.kind, target: t })); }
  }
  return out;
};

/** A bot's talk with the view and the random draws it was given. */
interface Seen { view: GameView; talk: Talk; channel: string; draws: number[] }

/** One game: the person and seven smart bots, every bot's talk kept with the view it came from. */
function game(seed: number) {
  const from: Seen[] = [];
  const dayOf = new Map<number, number>();
  const watch = (s: Strategy): Strategy => (view, turn) => {
    // A message belongs to the day of the first view that shows it (a night is the next day's).
    for (const m of view.chat) if (m.channel === 'day' && !dayOf.has(m.id)) dayOf.set(m.id, view.phase === 'night' ? view.day - 1 : view.day);
    const draws: number[] = [];
    const out = s(view, { ...turn, rng: () => { const x = turn.rng(); draws.push(x); return x; } });
    for (const d of out) if (d.command === 'chat:send' && d.payload.talk) from.push({ view, talk: d.payload.talk, channel: d.payload.channel, draws });
    return out;
  };
  const r = playSim({ players: 8, seed, strategy: smart, names: NAMES, seatStrategy: (seat) => watch(seat === PERSON ? person : smart) });
  for (const m of r.final.chat) if (m.channel === 'day' && !dayOf.has(m.id)) dayOf.set(m.id, r.final.day);
  return { r, from, dayOf };
}

const bot = (m: ChatMessage) => m.seat !== PERSON && m.channel === 'day';
const kinds = (t: Talk) => [...walk(t)].map((x) => x.t.kind);

describe('bots that talk (issue 14)', () => {
  const games = Array.from({ length: sized(50, 8) }, (_, i) => game(1400 + i));

  it('living bots say at least three things a day, in plain words with names; a claim and a counter or defence a game on average', () => {
    let days = 0, lines = 0, claims = 0, counters = 0, fewest = Infinity;
    for (const { r, dayOf } of games) {
      const day = r.final.chat.filter((m) => m.channel === 'day');
      for (const m of day) {
        expect(m.text).not.toMatch(/\d/);
        expect(m.text).not.toMatch(/\b(CLAIM|RESULT|VOTE|COMINGOUT|DIVINED|Agent)\b/);
        if (!m.talk) continue;
        // Every seat it names is named in the words (the speaker is "I").
        for (const s of talkSeats(m.talk)) if (s !== m.seat) expect(m.text).toContain(NAMES[s]);
      }
      const said = day.filter(bot);
      claims += said.filter((m) => m.talk && assertions(m.talk, m.seat).some((c) => c.kind === 'claim')).length;
      counters += said.filter((m) => m.talk && kinds(m.talk).some((k) => k === 'disagree' || k === 'defend')).length;
      // Days with a discussion: each day that came to a vote.
      const voted = new Set(r.final.timeline.filter((e) => e.kind === 'vote').map((e) => e.day));
      for (const d of voted) {
        const n = said.filter((m) => dayOf.get(m.id) === d).length;
        fewest = Math.min(fewest, n);
        days++;
        lines += n;
      }
    }
    console.log(`talk over ${games.length} games: ${days} days, ${(lines / days).toFixed(1)} bot lines a day (fewest ${fewest}), ${(claims / games.length).toFixed(2)} claims and ${(counters / games.length).toFixed(2)} counters or defences a game`);
    expect(fewest).toBeGreaterThanOrEqual(3);
    expect(claims / games.length).toBeGreaterThanOrEqual(1);
    expect(counters / games.length).toBeGreaterThanOrEqual(1);
  });

  it('a bot\'s talk comes from its own view alone, and says nothing its role does not know unless its team lies', () => {
    let checked = 0;
    for (const { r, from } of games) {
      for (const { view, talk, channel, draws } of from) {
        const you = view.you!;
        if (you.seat === PERSON) continue;
        // From the view alone: the same view, as the wire carries it, gives the same words.
        let i = 0;
        const again = smart(JSON.parse(JSON.stringify(view)), { rng: () => draws[i++] ?? 0.5, urgent: false });
        expect(again).toContainEqual({ command: 'chat:send', payload: { channel, talk } });
        const role = r.final.players.find((p) => p.seat === you.seat)!.role;
        for (const c of assertions(talk, you.seat)) {
          if (you.team === 'wolves') {
            // A wolf lies, but never gives the pack away.
            if (c.kind === 'accuse' || (c.kind === 'result' && c.team === 'wolves')) expect(you.pack ?? [], JSON.stringify({ me: you.seat, talk, chat: view.chat.slice(-6).map((m) => [m.seat, m.talk]) })).not.toContain(c.seat);
            continue;
          }
          // The tanner's one lie is calling himself a werewolf: he wants the rope (client/bot/talk/day.ts).
          if (c.kind === 'claim') expect(c.role).toBe(role === 'tanner' ? 'werewolf' : role);
          if (c.kind === 'result') expect(you.seerResults?.map((x) => [x.seat, x.team])).toContainEqual([c.seat, c.team]);
          if (c.kind === 'identified') expect.fail('no medium in these games');
        }
        for (const x of walk(talk)) if (x.t.kind === 'guarded') expect(x.t.seat).toBe(you.lastProtected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(games.length * 5);
  });
});
