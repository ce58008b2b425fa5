import { describe, expect, it } from 'vitest';
import { claimsIn, formatClaims, parseClaims } from '../../client/bot/claims.ts';

describe('claim language', () => {
  it('reads claims, results and votes, ignoring ordinary talk and case', () => {
    expect(parseClaims('hi all; CLAIM seer;result 3 Wolves\nVOTE 12; RESULT 4 village; claim wizard; result x wolves')).toEqual([
      { kind: 'claim', role: 'seer' },
      { kind: 'result', seat: 3, team: 'wolves' },
      { kind: 'vote', seat: 12 },
      { kind: 'result', seat: 4, team: 'village' },
    ]);
  });

  it('writes what it reads', () => {
    const claims = [{ kind: 'claim', role: 'seer' }, { kind: 'result', seat: 7, team: 'wolves' }, { kind: 'vote', seat: 7 }] as const;
    const text = formatClaims([...claims]);
    expect(text).toBe('CLAIM seer; RESULT 7 wolves; VOTE 7');
    expect(parseClaims(text)).toEqual(claims);
  });

  it('takes statements from day chat only, with their speaker', () => {
    const said = claimsIn([
      { id: 1, channel: 'wolves', seat: 2, name: 'a', text: 'CLAIM seer', at: 0 },
      { id: 2, channel: 'day', seat: 5, name: 'b', text: 'CLAIM seer; RESULT 2 wolves', at: 0 },
    ]);
    expect(said).toEqual([{ kind: 'claim', role: 'seer', by: 5, id: 2 }, { kind: 'result', seat: 2, team: 'wolves', by: 5, id: 2 }]);
  });
});
