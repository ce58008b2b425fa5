import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../server/aiwolf/packet.ts';
import { isSentence, replyText } from '../../server/aiwolf/talk.ts';
import { saidSentences, SOURCE } from '../helpers/aiwolf/shapes.ts';

describe('the talk language', () => {
  it(`accepts every form of sentence the sample agents said in the captured 5- and 15-player games (${SOURCE})`, () => {
    const said = saidSentences(15);
    expect(said.length).toBeGreaterThan(5);
    for (const s of said) expect(isSentence(s, 15), s).toBe(true);
  });

  it('accepts the nested forms of the grammar', () => {
    for (const s of [
      'BECAUSE (DAY 1 (DIVINED Agent[01] WEREWOLF)) (AND (VOTE Agent[01]) (REQUEST ANY (VOTE Agent[01])))',
      'Agent[02] ESTIMATE Agent[03] WEREWOLF', 'AGREE TALK day1 ID:3', 'NOT (VOTE Agent[04])', 'XOR (VOTE Agent[01]) (VOTE Agent[02])',
      'INQUIRE Agent[05] (COMINGOUT ANY SEER)', 'OR (GUARD Agent[01]) (GUARDED Agent[02]) (ATTACKED Agent[03])', 'IDENTIFIED Agent[01] HUMAN',
    ]) expect(isSentence(s, 5), s).toBe(true);
  });

  it('refuses free text, unknown agents and broken sentences, which become Skip', () => {
    for (const s of ['I have a bad feeling', 'VOTE', 'VOTE Agent[06]', 'VOTE Agent[00]', 'VOTE Agent[1]', 'DIVINED Agent[01] VILLAGER', 'NOT (VOTE Agent[01]', 'AND', 'VOTE Agent[01] extra', '']) {
      expect(isSentence(s, 5), s).toBe(false);
      expect(replyText(s, 5)).toBe('Skip');
    }
    expect(replyText(null, 5)).toBe('Skip');
    expect(replyText('Over\r', 5)).toBe('Over');
    expect(replyText(' VOTE Agent[02] ', 5)).toBe('VOTE Agent[02]');
  });
});

describe('target answers', () => {
  it('are read leniently: spaces allowed; an empty line, 0, -1 or garbage is no choice', () => {
    expect(parseTarget('{"agentIdx":3}')).toBe(3);
    expect(parseTarget('{ "agentIdx" : 12 }')).toBe(12);
    for (const line of ['', null, '{"agentIdx":0}', '{"agentIdx":-1}', 'Agent[03]', '{"agentIdx":"3"}']) expect(parseTarget(line)).toBeNull();
  });
});
