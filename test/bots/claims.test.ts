import { describe, expect, it } from 'vitest';
import { assertions, claimsIn, parseText } from '../../client/bot/claims.ts';
import type { PlayerView } from '../../shared/views.ts';

const players: PlayerView[] = ['Ada', 'Bea', 'Cato', 'Bot Ada'].map((name, seat) => ({ seat, name, bot: false, connected: true, alive: true }));

describe('reading talk', () => {
  it('takes what a talk asserts in the speaker\'s voice, not what it denies, asks or reports of others', () => {
    expect(assertions({ kind: 'and', parts: [{ kind: 'claim', seat: 1, role: 'seer' }, { kind: 'divined', seat: 2, species: 'werewolf' }] }, 1))
      .toEqual([{ kind: 'claim', role: 'seer' }, { kind: 'result', seat: 2, team: 'wolves' }]);
    expect(assertions({ kind: 'because', reason: { kind: 'voted', seat: 0, subject: 2 }, then: { kind: 'vote', seat: 2 } }, 1)).toEqual([{ kind: 'vote', seat: 2 }]);
    expect(assertions({ kind: 'not', what: { kind: 'claim', seat: 1, role: 'seer' } }, 1)).toEqual([]);
    expect(assertions({ kind: 'request', to: 'any', what: { kind: 'vote', seat: 2 } }, 1)).toEqual([]);
    expect(assertions({ kind: 'claim', seat: 2, role: 'seer', subject: 2 }, 1)).toEqual([]);
    expect(assertions({ kind: 'estimate', seat: 2, role: 'werewolf' }, 1)).toEqual([{ kind: 'accuse', seat: 2 }]);
  });

  it('reads people\'s free text for a role claim, accusations, defences and votes by name', () => {
    expect(parseText("I'm the Doctor. Cato is a wolf, Bea is innocent; vote Cato", 0, players)).toEqual([
      { kind: 'claim', role: 'doctor' }, { kind: 'accuse', seat: 2 }, { kind: 'vote', seat: 2 }, { kind: 'defend', seat: 1 },
    ]);
    expect(parseText("I'm the seer: Cato is a werewolf and Bea is one of us", 0, players)).toEqual([
      { kind: 'claim', role: 'seer' }, { kind: 'result', seat: 2, team: 'wolves' }, { kind: 'result', seat: 1, team: 'village' },
    ]);
    // "Bot Ada" is not "Ada"; one's own name is not read; ordinary talk says nothing.
    expect(parseText('bot ada is a werewolf', 1, players)).toEqual([{ kind: 'accuse', seat: 3 }]);
    expect(parseText('good morning everyone, I am not the seer', 1, players)).toEqual([]);
  });

  it('takes statements from day chat only, with their speaker and message id', () => {
    const said = claimsIn([
      { id: 1, channel: 'wolves', seat: 2, name: 'Cato', text: "I'm the seer", at: 0 },
      { id: 2, channel: 'day', seat: 1, name: 'Bea', text: 'x', talk: { kind: 'vote', seat: 2 }, at: 0 },
      { id: 3, channel: 'day', seat: 0, name: 'Ada', text: 'I vote for Cato', at: 0 },
    ], players);
    expect(said).toEqual([{ kind: 'vote', seat: 2, by: 1, id: 2 }, { kind: 'vote', seat: 2, by: 0, id: 3 }]);
  });
});
