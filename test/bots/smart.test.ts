import { describe, expect, it } from 'vitest';
import type { Decision } from '../../client/bot/decision.ts';
import { mulberry32 } from '../../client/bot/rng.ts';
import { smart } from '../../client/bot/strategies/index.ts';
import { evidence } from '../../client/bot/evidence.ts';
import { handView, said, seerSays } from '../helpers/bots/views.ts';

const decide = (view: ReturnType<typeof handView>, urgent = false): Decision[] => smart(view, { rng: mulberry32(1), urgent });
/** The game moves only, without the talk (test/bots/talk.test.ts covers that). */
const moves = (view: ReturnType<typeof handView>, urgent = false): Decision[] => decide(view, urgent).filter((d) => d.command !== 'chat:send');

describe('smart strategy on hand-made views', () => {
  it('the doctor guards the claimed seer', () => {
    const view = handView(8, { phase: 'night', chat: [said(1, 4, seerSays(4, [[2, 'human']]))], you: { seat: 1, role: 'doctor', prompt: { kind: 'doctor', targets: [0, 1, 2, 3, 4, 5, 6, 7] } } });
    expect(decide(view)).toEqual([{ command: 'night:act', payload: { action: { kind: 'doctor', target: 4 } } }]);
  });

  it('a villager votes for the seat the seer named, even against a crowd', () => {
    const view = handView(8, {
      phase: 'vote',
      chat: [said(1, 4, seerSays(4, [[6, 'werewolf']]))],
      vote: { round: 1, candidates: [0, 1, 2, 3, 4, 5, 6, 7], voted: [0, 2, 3], ballots: { 0: 5, 2: 5, 3: 5 } },
      you: { seat: 1, prompt: { kind: 'vote', targets: [0, 1, 2, 3, 4, 5, 6, 7], current: undefined, canAbstain: true } },
    });
    expect(moves(view)).toEqual([{ command: 'vote:cast', payload: { target: 6 } }]);
  });

  it('wolves kill the claimed seer and never vote for the pack', () => {
    const chat = [said(1, 4, seerSays(4, [[6, 'human']]))];
    const night = handView(8, { phase: 'night', chat, you: { seat: 2, role: 'werewolf', team: 'wolves', pack: [2, 5], packPicks: {}, prompt: { kind: 'wolf', targets: [0, 1, 3, 4, 6, 7], current: null } } });
    // The pick, and the same said in the wolves' chat.
    expect(decide(night)).toEqual([{ command: 'night:act', payload: { action: { kind: 'wolf', target: 4 } } }, { command: 'chat:send', payload: { channel: 'wolves', talk: { kind: 'attack', seat: 4 } } }]);
    const day = handView(8, {
      phase: 'vote', chat,
      vote: { round: 1, candidates: [0, 1, 2, 3, 4, 5, 6, 7], voted: [0, 1, 3], ballots: { 0: 5, 1: 5, 3: 5 } },
      you: { seat: 2, role: 'werewolf', team: 'wolves', pack: [2, 5], prompt: { kind: 'vote', targets: [0, 1, 2, 3, 4, 5, 6, 7], current: undefined, canAbstain: true } },
    });
    const [d] = moves(day);
    expect(d.command).toBe('vote:cast');
    expect([2, 5]).not.toContain((d.payload as { target: number }).target);
  });

  it('the witch waits for the victim, saves on night one, and answers anyway when time runs out', () => {
    const you = { seat: 3, role: 'witch' as const, potions: { heal: true, poison: true } };
    const waiting = handView(8, { phase: 'night', day: 1, you: { ...you, prompt: { kind: 'witch', victim: null, victims: [], canHeal: false, canPoison: true, targets: [0, 1, 2, 4, 5, 6, 7] } } });
    expect(decide(waiting)).toEqual([]);
    expect(decide(waiting, true)).toEqual([{ command: 'night:act', payload: { action: { kind: 'witch', heal: false, poison: null } } }]);
    const victim = handView(8, { phase: 'night', day: 1, you: { ...you, prompt: { kind: 'witch', victim: 5, victims: [5], canHeal: true, canPoison: true, targets: [0, 1, 2, 4, 5, 6, 7] } } });
    expect(decide(victim)).toEqual([{ command: 'night:act', payload: { action: { kind: 'witch', heal: true, poison: null } } }]);
    // R121: two victims, herself the second: she heals herself, by seat.
    const two = handView(8, { phase: 'night', day: 2, you: { ...you, prompt: { kind: 'witch', victim: 5, victims: [5, 3], canHeal: true, canPoison: true, targets: [0, 1, 2, 4, 5, 6, 7] } } });
    expect(decide(two)).toEqual([{ command: 'night:act', payload: { action: { kind: 'witch', heal: 3, poison: null } } }]);
  });

  it('the seer who found a living wolf claims it at dawn, once', () => {
    const you = { seat: 0, role: 'seer' as const, seerResults: [{ night: 1, seat: 3, team: 'wolves' as const }] };
    const dawn = handView(8, { phase: 'dawn', day: 1, you });
    const claim = seerSays(0, [[3, 'werewolf']]);
    expect(decide(dawn)).toEqual([{ command: 'chat:send', payload: { channel: 'day', talk: claim } }]);
    expect(decide({ ...dawn, chat: [said(1, 0, claim)] })).toEqual([]);
  });

  it('the medium who learned that an executed player was a wolf claims it at dawn, once, then reports each new reading', () => {
    const you = { seat: 2, role: 'medium' as const, mediumResults: [{ day: 1, seat: 5, team: 'wolves' as const }] };
    const players = handView(8, { you }).players.map((p) => (p.seat === 5 ? { ...p, alive: false } : p));
    const dawn = handView(8, { phase: 'dawn', day: 2, players, you });
    const claim = { kind: 'and', parts: [{ kind: 'claim', seat: 2, role: 'medium' }, { kind: 'identified', seat: 5, species: 'werewolf' }] };
    expect(decide(dawn)).toEqual([{ command: 'chat:send', payload: { channel: 'day', talk: claim } }]);
    const later = handView(8, { phase: 'dawn', day: 3, deadline: 10_000_000, players, chat: [said(1, 2, claim as never)], you: { ...you, mediumResults: [...you.mediumResults, { day: 2, seat: 6, team: 'village' }] } });
    expect(decide(later)).toEqual([{ command: 'chat:send', payload: { channel: 'day', talk: { kind: 'identified', seat: 6, species: 'human' } } }]);
    // A village reading alone, early, is kept for later.
    const quiet = handView(8, { phase: 'dawn', day: 2, players, you: { ...you, mediumResults: [{ day: 1, seat: 5, team: 'village' }] } });
    expect(decide(quiet)).toEqual([]);
  });

  it('the serial killer kills the seer the village believes, and never claims, even under pressure', () => {
    const chat = [said(1, 4, seerSays(4, [[6, 'human']]))];
    const night = handView(8, { phase: 'night', chat, you: { seat: 2, role: 'serial-killer', team: 'serial-killer', prompt: { kind: 'killer', targets: [0, 1, 3, 4, 5, 6, 7] } } });
    expect(decide(night)).toEqual([{ command: 'night:act', payload: { action: { kind: 'killer', target: 4 } } }]);
    const accused = [said(1, 0, { kind: 'accuse', seat: 2 }), said(2, 1, { kind: 'accuse', seat: 2 }), said(3, 3, { kind: 'vote', seat: 2 })];
    const day = handView(8, { phase: 'day', chat: accused, you: { seat: 2, role: 'serial-killer', team: 'serial-killer', prompt: { kind: 'ready', done: false } } });
    for (const d of decide(day)) if (d.command === 'chat:send') expect(JSON.stringify(d.payload)).not.toContain('"claim"');
  });

  it('the serial killer votes as the village reasons: for the seat the believed seer named', () => {
    const view = handView(8, {
      phase: 'vote',
      chat: [said(1, 4, seerSays(4, [[6, 'werewolf']]))],
      vote: { round: 1, candidates: [0, 1, 2, 3, 4, 5, 6, 7], voted: [], ballots: {} },
      you: { seat: 1, role: 'serial-killer', team: 'serial-killer', prompt: { kind: 'vote', targets: [0, 1, 2, 3, 4, 5, 6, 7], current: undefined, canAbstain: true } },
    });
    expect(moves(view)).toEqual([{ command: 'vote:cast', payload: { target: 6 } }]);
  });

  it('the wild child takes the believed seer as a model, and the visitor visits her', () => {
    const chat = [said(1, 4, seerSays(4, [[6, 'human']]))];
    const child = handView(8, { phase: 'night', day: 1, chat, you: { seat: 1, role: 'wild-child', prompt: { kind: 'model', targets: [0, 2, 3, 4, 5, 6, 7] } } });
    expect(decide(child)).toEqual([{ command: 'night:act', payload: { action: { kind: 'model', target: 4 } } }]);
    const visitor = handView(8, { phase: 'night', chat, you: { seat: 1, role: 'visitor', prompt: { kind: 'visit', targets: [0, 2, 3, 4, 5, 6, 7] } } });
    expect(decide(visitor)).toEqual([{ command: 'night:act', payload: { action: { kind: 'visit', target: 4 } } }]);
  });

  it('a villager takes a lone medium\'s word on the executed: a seer claim it contradicts is a lie', () => {
    const players = handView(8, { you: { seat: 1 } }).players.map((p) => (p.seat === 6 ? { ...p, alive: false } : p));
    const seer = said(1, 4, seerSays(4, [[6, 'human']]));
    const medium = said(2, 3, { kind: 'and', parts: [{ kind: 'claim', seat: 3, role: 'medium' }, { kind: 'identified', seat: 6, species: 'werewolf' }] });
    const before = evidence(handView(8, { players, chat: [seer], you: { seat: 1 } }));
    expect(before.trusted).toBe(4);
    const after = evidence(handView(8, { players, chat: [seer, medium], you: { seat: 1 } }));
    expect(after.trusted).toBeNull();
    expect(after.suspicion.get(4)).toBeGreaterThan(before.suspicion.get(4)!);
  });

  it('with a possessed in the public setup, a rival seer claim is not taken for a wolf\'s: the rope goes to the others', () => {
    const chat = [said(1, 2, seerSays(2, [[0, 'human']])), said(2, 3, seerSays(3, [[4, 'human']]))];
    const setup = (roles: Record<string, number> | null) => ({ preset: 'custom' as const, players: 5, dealt: true, roles, categories: null, missing: [], problem: null });
    const aiwolf = { seer: 1, possessed: 1, werewolf: 1, villager: 2 };
    // A villager believes one claimant (by its own coin); the other is not its top suspect when a possessed is dealt.
    const plain = evidence(handView(5, { chat, setup: setup({ seer: 1, werewolf: 1, villager: 3 }), you: { seat: 1 } }));
    const rival = plain.seers.find((c) => c !== plain.trusted)!;
    expect(Math.max(...plain.suspicion.values())).toBe(plain.suspicion.get(rival));
    const decoyed = evidence(handView(5, { chat, setup: setup(aiwolf), you: { seat: 1 } }));
    expect(decoyed.suspicion.get(rival)).toBeLessThan(plain.suspicion.get(rival)!);
    const grays = [0, 4].filter((s) => s !== decoyed.trusted && !decoyed.sides.has(s));
    for (const s of grays) expect(decoyed.suspicion.get(s)!, `gray ${s}`).toBeGreaterThan(decoyed.suspicion.get(rival)!);
    // The seer herself knows the rival lies, not that he is the wolf.
    const seer = evidence(handView(5, { chat, setup: setup(aiwolf), you: { seat: 2, role: 'seer', seerResults: [{ night: 1, seat: 0, team: 'village' }] } }));
    expect(seer.suspicion.get(3)!).toBeLessThan(seer.suspicion.get(4)!);
  });
});

