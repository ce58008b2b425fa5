import { describe, expect, it } from 'vitest';
import type { Decision } from '../../client/bot/decision.ts';
import { mulberry32 } from '../../client/bot/rng.ts';
import { smart } from '../../client/bot/strategies/index.ts';
import { handView, said } from '../helpers/bots/views.ts';

const decide = (view: ReturnType<typeof handView>, urgent = false): Decision[] => smart(view, { rng: mulberry32(1), urgent });

describe('smart strategy on hand-made views', () => {
  it('the doctor guards the claimed seer', () => {
    const view = handView(8, { phase: 'night', chat: [said(1, 4, 'CLAIM seer; RESULT 2 village')], you: { seat: 1, role: 'doctor', prompt: { kind: 'doctor', targets: [0, 1, 2, 3, 4, 5, 6, 7] } } });
    expect(decide(view)).toEqual([{ command: 'night:act', payload: { action: { kind: 'doctor', target: 4 } } }]);
  });

  it('a villager votes for the seat the seer named, even against a crowd', () => {
    const view = handView(8, {
      phase: 'vote',
      chat: [said(1, 4, 'CLAIM seer; RESULT 6 wolves')],
      vote: { round: 1, candidates: [0, 1, 2, 3, 4, 5, 6, 7], voted: [0, 2, 3], ballots: { 0: 5, 2: 5, 3: 5 } },
      you: { seat: 1, prompt: { kind: 'vote', targets: [0, 1, 2, 3, 4, 5, 6, 7], current: undefined, canAbstain: true } },
    });
    expect(decide(view)).toEqual([{ command: 'vote:cast', payload: { target: 6 } }]);
  });

  it('wolves kill the claimed seer and never vote for the pack', () => {
    const chat = [said(1, 4, 'CLAIM seer; RESULT 6 village')];
    const night = handView(8, { phase: 'night', chat, you: { seat: 2, role: 'werewolf', team: 'wolves', pack: [2, 5], packPicks: {}, prompt: { kind: 'wolf', targets: [0, 1, 3, 4, 6, 7], current: null } } });
    expect(decide(night)).toEqual([{ command: 'night:act', payload: { action: { kind: 'wolf', target: 4 } } }]);
    const day = handView(8, {
      phase: 'vote', chat,
      vote: { round: 1, candidates: [0, 1, 2, 3, 4, 5, 6, 7], voted: [0, 1, 3], ballots: { 0: 5, 1: 5, 3: 5 } },
      you: { seat: 2, role: 'werewolf', team: 'wolves', pack: [2, 5], prompt: { kind: 'vote', targets: [0, 1, 2, 3, 4, 5, 6, 7], current: undefined, canAbstain: true } },
    });
    const [d] = decide(day);
    expect(d.command).toBe('vote:cast');
    expect([2, 5]).not.toContain((d.payload as { target: number }).target);
  });

  it('the witch waits for the victim, saves on night one, and answers anyway when time runs out', () => {
    const you = { seat: 3, role: 'witch' as const, potions: { heal: true, poison: true } };
    const waiting = handView(8, { phase: 'night', day: 1, you: { ...you, prompt: { kind: 'witch', victim: null, canHeal: false, canPoison: true, targets: [0, 1, 2, 4, 5, 6, 7] } } });
    expect(decide(waiting)).toEqual([]);
    expect(decide(waiting, true)).toEqual([{ command: 'night:act', payload: { action: { kind: 'witch', heal: false, poison: null } } }]);
    const victim = handView(8, { phase: 'night', day: 1, you: { ...you, prompt: { kind: 'witch', victim: 5, canHeal: true, canPoison: true, targets: [0, 1, 2, 4, 5, 6, 7] } } });
    expect(decide(victim)).toEqual([{ command: 'night:act', payload: { action: { kind: 'witch', heal: true, poison: null } } }]);
  });

  it('the seer who found a living wolf claims it at dawn, once', () => {
    const you = { seat: 0, role: 'seer' as const, seerResults: [{ night: 1, seat: 3, team: 'wolves' as const }] };
    const dawn = handView(8, { phase: 'dawn', day: 1, you });
    expect(decide(dawn)).toEqual([{ command: 'chat:send', payload: { channel: 'day', text: 'CLAIM seer; RESULT 3 wolves' } }]);
    expect(decide({ ...dawn, chat: [said(1, 0, 'CLAIM seer; RESULT 3 wolves')] })).toEqual([]);
  });
});
