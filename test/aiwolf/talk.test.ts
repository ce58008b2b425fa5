import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../server/aiwolf/packet.ts';
import { Indices } from '../../server/aiwolf/roles.ts';
import { Listing, speechOf } from '../../server/aiwolf/speech.ts';
import { isSentence, parse, print, reply, replyText } from '../../server/aiwolf/talk.ts';
import { aiwolfRoles } from '../../server/aiwolf/village.ts';
import { speak } from '../../shared/game/talk-words.ts';
import { talkSchema } from '../../shared/talk-schema.ts';
import type { Talk } from '../../shared/talk.ts';
import type { GameView } from '../../shared/views.ts';
import { saidSentences, SOURCE } from '../helpers/aiwolf/shapes.ts';

/**
 * Five seats with a gap (seat 1 left the lobby): Agent[01] = seat 0, Agent[02] = seat 2, …,
 * Agent[05] = seat 6, so a mapping that took an index for a seat would show.
 */
const SEATS = [0, 2, 3, 5, 6];
const NAMES: Record<number, string> = { 0: 'Ada', 2: 'Bea', 3: 'Cy', 5: 'Dot', 6: 'Eve' };
const ix = new Indices({ players: SEATS.map((seat) => ({ seat })) } as unknown as GameView);
const listing = new Listing();
// Day 1's talk idx 3 was message 17 of the day chat; whisper idx 0 of day 1 was wolves' message 4.
listing.add('TALK', 1, 3, 17);
listing.add('WHISPER', 1, 0, 4);
const speech = speechOf(ix, Object.keys(aiwolfRoles(5)), listing);

/** Every kind of sentence of the talk language, and the structure it is (seats, not indices). */
const KINDS: [string, Talk][] = [
  ['COMINGOUT Agent[02] SEER', { kind: 'claim', seat: 2, role: 'seer' }],
  ['COMINGOUT Agent[05] POSSESSED', { kind: 'claim', seat: 6, role: 'possessed' }],
  ['ESTIMATE Agent[03] WEREWOLF', { kind: 'estimate', seat: 3, role: 'werewolf' }],
  ['ESTIMATE ANY MEDIUM', { kind: 'estimate', seat: 'any', role: 'medium' }],
  ['DIVINED Agent[01] HUMAN', { kind: 'divined', seat: 0, species: 'human' }],
  ['IDENTIFIED Agent[04] WEREWOLF', { kind: 'identified', seat: 5, species: 'werewolf' }],
  ['VOTE Agent[03]', { kind: 'vote', seat: 3 }],
  ['VOTED Agent[04]', { kind: 'voted', seat: 5 }],
  ['ATTACK Agent[01]', { kind: 'attack', seat: 0 }],
  ['ATTACKED Agent[02]', { kind: 'attacked', seat: 2 }],
  ['DIVINATION Agent[05]', { kind: 'divination', seat: 6 }],
  ['GUARD Agent[02]', { kind: 'guard', seat: 2 }],
  ['GUARDED Agent[04]', { kind: 'guarded', seat: 5 }],
  ['AGREE TALK day1 ID:3', { kind: 'agree', ref: { channel: 'day', id: 17 } }],
  ['DISAGREE WHISPER day1 ID:0', { kind: 'disagree', ref: { channel: 'wolves', id: 4 } }],
  ['REQUEST ANY (VOTE Agent[05])', { kind: 'request', to: 'any', what: { kind: 'vote', seat: 6 } }],
  ['INQUIRE Agent[02] (COMINGOUT ANY BODYGUARD)', { kind: 'inquire', to: 2, what: { kind: 'claim', seat: 'any', role: 'bodyguard' } }],
  ['BECAUSE (DIVINED Agent[01] WEREWOLF) (VOTE Agent[01])', { kind: 'because', reason: { kind: 'divined', seat: 0, species: 'werewolf' }, then: { kind: 'vote', seat: 0 } }],
  ['AND (VOTE Agent[01]) (VOTE Agent[02]) (VOTE Agent[03])', { kind: 'and', parts: [{ kind: 'vote', seat: 0 }, { kind: 'vote', seat: 2 }, { kind: 'vote', seat: 3 }] }],
  ['OR (GUARD Agent[01]) (GUARDED Agent[02])', { kind: 'or', parts: [{ kind: 'guard', seat: 0 }, { kind: 'guarded', seat: 2 }] }],
  ['XOR (VOTE Agent[01]) (VOTE Agent[02])', { kind: 'xor', parts: [{ kind: 'vote', seat: 0 }, { kind: 'vote', seat: 2 }] }],
  ['NOT (ESTIMATE Agent[04] VILLAGER)', { kind: 'not', what: { kind: 'estimate', seat: 5, role: 'villager' } }],
  ['DAY 1 (DIVINED Agent[01] HUMAN)', { kind: 'day', day: 1, what: { kind: 'divined', seat: 0, species: 'human' } }],
  ['Agent[02] ESTIMATE Agent[03] WEREWOLF', { kind: 'estimate', seat: 3, role: 'werewolf', subject: 2 }],
  ['ANY VOTE Agent[01]', { kind: 'vote', seat: 0, subject: 'any' }],
  ['BECAUSE (DAY 1 (DIVINED Agent[01] WEREWOLF)) (AND (VOTE Agent[01]) (REQUEST ANY (VOTE Agent[01])))', {
    kind: 'because',
    reason: { kind: 'day', day: 1, what: { kind: 'divined', seat: 0, species: 'werewolf' } },
    then: { kind: 'and', parts: [{ kind: 'vote', seat: 0 }, { kind: 'request', to: 'any', what: { kind: 'vote', seat: 0 } }] },
  }],
];

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

describe('AIWolf sentences and our talk structures', () => {
  it('every kind of sentence becomes its talk structure, a valid one, and prints back as the same sentence', () => {
    for (const [text, talk] of KINDS) {
      expect(parse(text, speech), text).toEqual(talk);
      expect(talkSchema.safeParse(talk).success, text).toBe(true);
      expect(print(talk, speech), text).toBe(text);
      expect(reply(` ${text}\r`, speech)).toEqual({ text, talk });
    }
  });

  it('every talk structure with an AIWolf form prints as a sentence that parses back to it', () => {
    for (const [, talk] of KINDS) expect(parse(print(talk, speech)!, speech)).toEqual(talk);
    // Accuse and defend, which AIWolf lacks, go one way: as estimates.
    expect(print({ kind: 'accuse', seat: 3 }, speech)).toBe('ESTIMATE Agent[03] WEREWOLF');
    expect(print({ kind: 'defend', seat: 2, subject: 0 }, speech)).toBe('Agent[01] ESTIMATE Agent[02] VILLAGER');
    // One part of AND is that part.
    expect(parse('AND (VOTE Agent[02])', speech)).toEqual({ kind: 'vote', seat: 2 });
  });

  it('what this game cannot say has no form: roles we lack, talks never listed, Skip and Over, seats not in the game', () => {
    for (const text of ['COMINGOUT Agent[01] FOX', 'ESTIMATE Agent[01] FREEMASON', 'AGREE TALK day1 ID:4', 'DISAGREE TALK day2 ID:3']) {
      expect(isSentence(text, 5), text).toBe(true);
      expect(parse(text, speech), text).toBeNull();
      expect(reply(text, speech), text).toEqual({ text: 'Skip', talk: null });
    }
    expect(print({ kind: 'claim', seat: 2, role: 'witch' }, speech)).toBeNull();
    expect(print({ kind: 'vote', seat: 1 }, speech)).toBeNull();
    expect(print({ kind: 'agree', ref: { channel: 'day', id: 18 } }, speech)).toBeNull();
    expect(print({ kind: 'skip' }, speech)).toBeNull();
    expect(print({ kind: 'over' }, speech)).toBeNull();
    expect(reply('Over', speech)).toEqual({ text: 'Over', talk: null });
    // Deeper than a talk may be: the grammar takes it, our schema does not, so it is Skip.
    const deep = 'NOT (NOT (NOT (NOT (NOT (VOTE Agent[01])))))';
    expect(isSentence(deep, 5)).toBe(true);
    expect(reply(deep, speech).text).toBe('Skip');
  });

  it('the doctor is BODYGUARD where a doctor is dealt, both ways', () => {
    const doctors = speechOf(ix, ['seer', 'doctor', 'werewolf'], listing);
    expect(parse('COMINGOUT Agent[02] BODYGUARD', doctors)).toEqual({ kind: 'claim', seat: 2, role: 'doctor' });
    expect(print({ kind: 'claim', seat: 2, role: 'doctor' }, doctors)).toBe('COMINGOUT Agent[02] BODYGUARD');
    expect(parse('COMINGOUT Agent[02] BODYGUARD', speech)).toEqual({ kind: 'claim', seat: 2, role: 'bodyguard' });
  });

  it('an agent\'s sentence reads as plain words with the players\' names, never an index', () => {
    const name = (s: number) => NAMES[s];
    for (const [text, talk] of KINDS) {
      const words = speak(talk, { speaker: 3, name, author: (r) => (r.id === 17 ? 5 : 0) }, 1);
      expect(words, text).not.toMatch(/Agent|\[|\d/);
      for (const seat of [...text.matchAll(/Agent\[(\d+)\]/g)].map((m) => ix.seat(Number(m[1]))!)) {
        if (seat !== 3) expect(words, text).toContain(NAMES[seat]);
      }
    }
  });

  it(`every sentence the sample agents said in the captured games keeps its meaning both ways (${SOURCE})`, () => {
    const all = new Indices({ players: Array.from({ length: 15 }, (_, seat) => ({ seat })) } as unknown as GameView);
    const l = new Listing();
    for (let day = 0; day < 15; day++) for (let idx = 0; idx < 300; idx++) l.add('TALK', day, idx, day * 1000 + idx + 1);
    const sp = speechOf(all, Object.keys(aiwolfRoles(15)), l);
    for (const s of saidSentences(15)) {
      const talk = parse(s, sp);
      expect(talk, s).not.toBeNull();
      if (talk!.kind === 'skip' || talk!.kind === 'over') continue;
      expect(print(talk!, sp), s).toBe(s.trim().replace(/\s+/g, ' '));
    }
  });
});

describe('target answers', () => {
  it('are read leniently: spaces allowed; an empty line, 0, -1 or garbage is no choice', () => {
    expect(parseTarget('{"agentIdx":3}')).toBe(3);
    expect(parseTarget('{ "agentIdx" : 12 }')).toBe(12);
    for (const line of ['', null, '{"agentIdx":0}', '{"agentIdx":-1}', 'Agent[03]', '{"agentIdx":"3"}']) expect(parseTarget(line)).toBeNull();
  });
});
