import type { Talk, Species, Who } from '../../shared/talk.ts';
import { talkSchema } from '../../shared/talk-schema.ts';
import type { Speech } from './speech.ts';
import { AGENT, agentRef, AI_ROLE_NAMES, ASK_WORDS, BY_WORD, CHANNEL_OF, OVER, REF_WORDS, ROLE_WORDS, SEAT_WORDS, SKIP, SPECIES, SPECIES_WORDS } from './talk-words.ts';

/**
 * AIWolf's talk language and our talk structures (shared/talk.ts), both ways, in one place. An
 * agent's sentence is parsed (the grammar of the reference's Content.validate) into a talk
 * structure, posted as `chat:send { talk }`, and the room writes its words for people. A chat
 * message that carries a talk structure (a person's quick-talk, our bots' talk, an agent's own
 * sentence coming back) is printed as a sentence for the agents' talkList; a message with only
 * free text has no AIWolf form and is left out. What an agent index means (which seat, which
 * message a `TALK dayN ID:M` names) comes from a `Speech` of the seat reading or writing, built
 * over its Indices (server/aiwolf/roles.ts), the one seat ↔ Agent[NN] mapping. The words themselves are in talk-words.ts, what an
 * index means to a seat in speech.ts.
 */

type Token = string | Token[];

/** Words and parenthesised groups; null when the parentheses do not match. */
function tokenize(text: string): Token[] | null {
  const stack: Token[][] = [[]];
  let word = '';
  const flush = () => { if (word) stack[stack.length - 1].push(word); word = ''; };
  for (const ch of text) {
    if (ch === '(') { flush(); const g: Token[] = []; stack[stack.length - 1].push(g); stack.push(g); }
    else if (ch === ')') { flush(); if (stack.length === 1) return null; stack.pop(); }
    else if (ch === ' ') flush();
    else word += ch;
  }
  flush();
  return stack.length === 1 ? stack[0] : null;
}

/** Thrown inside the parser when a word has no meaning here; the sentence then has no structure. */
class Unmapped extends Error {}

/**
 * Parse a sentence of the talk language into a talk structure, as seen by `speech`; null when it
 * is not a sentence (Content.validate's grammar, indices in range) or when it names something this
 * game has no word for (a role we lack, a talk this seat never listed). `Skip` and `Over` parse to
 * their own kinds.
 */
export function parse(text: string, speech: Speech): Talk | null {
  const tokens = tokenize(text.trim());
  if (!tokens || tokens.length === 0) return null;
  if (tokens.length === 1 && (tokens[0] === SKIP || tokens[0] === OVER)) return { kind: tokens[0] === SKIP ? 'skip' : 'over' };
  try {
    const at = { i: 0 };
    const t = sentence(tokens, at, speech);
    return t && at.i === tokens.length ? t : null;
  } catch (e) {
    if (e instanceof Unmapped) return null;
    throw e;
  }
}

/** A grammar check alone: Unmapped words still make a sentence (FOX is a role of the language). */
export function isSentence(text: string, n: number): boolean {
  const t = tokenize(text.trim());
  if (t?.length === 1 && (t[0] === SKIP || t[0] === OVER)) return true;
  return parse(text, anySpeech(n)) !== null;
}

/** Every index 1..n is a seat of the same number; every role and talk stands for itself. */
function anySpeech(n: number): Speech {
  return {
    seat: (i) => (i >= 1 && i <= n ? i : null),
    idx: (s) => s,
    role: (r) => r.toLowerCase(),
    aiRole: (r) => r.toUpperCase(),
    ref: (kind, _day, idx) => ({ channel: CHANNEL_OF[kind], id: idx + 1 }),
    listed: (r) => ({ kind: r.channel === 'day' ? 'TALK' : 'WHISPER', day: 0, idx: r.id - 1 }),
  };
}

function who(t: Token | undefined, speech: Speech): Who | null {
  if (typeof t !== 'string') return null;
  if (t === 'ANY') return 'any';
  const m = AGENT.exec(t);
  if (!m) return null;
  return speech.seat(Number(m[1]));
}

function sentence(t: Token[], at: { i: number }, speech: Speech): Talk | null {
  const first = t[at.i];
  if (typeof first !== 'string') return null;
  // An optional subject: `Agent[01] VOTE Agent[02]`, `ANY COMINGOUT ...`.
  let subject: Who | undefined;
  if (first === 'ANY' || AGENT.test(first)) {
    const s = who(first, speech);
    if (s === null) return null;
    subject = s;
    at.i++;
  }
  const withSubject = (x: Talk): Talk => (subject === undefined ? x : ({ ...x, subject } as Talk));
  const verb = t[at.i++];
  const arg = (k: number) => t[at.i + k];
  const take = <X>(k: number, x: X | null): X | null => { if (x !== null) at.i += k; return x; };
  const inner = (g: Token | undefined): Talk | null => {
    if (!Array.isArray(g)) return null;
    const a = { i: 0 };
    const s = sentence(g, a, speech);
    return s && a.i === g.length ? s : null;
  };
  if (typeof verb !== 'string') return null;
  const kind = BY_WORD[verb as keyof typeof BY_WORD];
  switch (verb) {
    case 'COMINGOUT': case 'ESTIMATE': {
      const seat = who(arg(0), speech);
      const r = arg(1);
      if (seat === null || typeof r !== 'string' || !(AI_ROLE_NAMES as readonly string[]).includes(r)) return null;
      const role = speech.role(r);
      if (role === null) throw new Unmapped();
      return take(2, withSubject({ kind: kind as 'claim' | 'estimate', seat, role }));
    }
    case 'DIVINED': case 'IDENTIFIED': {
      const seat = who(arg(0), speech);
      const species = SPECIES[String(arg(1))];
      if (seat === null || !species) return null;
      return take(2, withSubject({ kind: kind as 'divined' | 'identified', seat, species }));
    }
    case 'VOTE': case 'VOTED': case 'ATTACK': case 'ATTACKED': case 'DIVINATION': case 'GUARD': case 'GUARDED': {
      const seat = who(arg(0), speech);
      if (seat === null) return null;
      return take(1, withSubject({ kind: kind as keyof typeof SEAT_WORDS, seat }));
    }
    case 'AGREE': case 'DISAGREE': {
      const [k, d, id] = [arg(0), /^day(\d+)$/.exec(String(arg(1))), /^ID:(\d+)$/.exec(String(arg(2)))];
      if ((k !== 'TALK' && k !== 'WHISPER') || !d || !id) return null;
      const ref = speech.ref(k, Number(d[1]), Number(id[1]));
      if (!ref) throw new Unmapped();
      return take(3, withSubject({ kind: kind as 'agree' | 'disagree', ref }));
    }
    case 'REQUEST': case 'INQUIRE': {
      const to = who(arg(0), speech);
      const what = inner(arg(1));
      if (to === null || !what) return null;
      return take(2, withSubject({ kind: kind as 'request' | 'inquire', to, what }));
    }
    case 'BECAUSE': case 'XOR': {
      const [a, b] = [inner(arg(0)), inner(arg(1))];
      if (!a || !b) return null;
      return take(2, withSubject(verb === 'BECAUSE' ? { kind: 'because', reason: a, then: b } : { kind: 'xor', parts: [a, b] }));
    }
    case 'NOT': {
      const what = inner(arg(0));
      return what ? take(1, withSubject({ kind: 'not', what })) : null;
    }
    case 'DAY': {
      const what = inner(arg(1));
      if (!/^\d+$/.test(String(arg(0))) || !what) return null;
      return take(2, withSubject({ kind: 'day', day: Number(arg(0)), what }));
    }
    case 'AND': case 'OR': {
      const parts: Talk[] = [];
      while (Array.isArray(arg(parts.length))) {
        const p = inner(arg(parts.length));
        if (!p) return null;
        parts.push(p);
      }
      if (parts.length === 0) return null;
      at.i += parts.length;
      // One part is that part (our structures join two or more).
      if (parts.length === 1) return subject === undefined ? parts[0] : withSubject(parts[0]);
      return withSubject({ kind: verb === 'AND' ? 'and' : 'or', parts });
    }
    default:
      return null;
  }
}

/**
 * A talk structure as a sentence of the talk language, as seen by `speech`; null when it has no
 * AIWolf form here: Skip and Over (never listed), a role AIWolf lacks, a message this seat never
 * listed. Accuse and defend, which AIWolf lacks, are said as estimates: a wolf, a villager.
 */
export function print(talk: Talk, speech: Speech): string | null {
  if (talk.kind === 'skip' || talk.kind === 'over') return null;
  try { return say(talk, speech); } catch (e) { if (e instanceof Unmapped) return null; throw e; }
}

function say(t: Talk, speech: Speech): string {
  const agent = (w: Who): string => {
    if (w === 'any') return 'ANY';
    const i = speech.idx(w);
    if (i < 1) throw new Unmapped();
    return agentRef(i);
  };
  const role = (r: string): string => { const a = speech.aiRole(r); if (!a) throw new Unmapped(); return a; };
  const group = (x: Talk): string => `(${say(x, speech)})`;
  const head = 'subject' in t && t.subject !== undefined ? `${agent(t.subject)} ` : '';
  const body = ((): string => {
    switch (t.kind) {
      case 'claim': case 'estimate': return `${ROLE_WORDS[t.kind]} ${agent(t.seat)} ${role(t.role)}`;
      case 'divined': case 'identified': return `${SPECIES_WORDS[t.kind]} ${agent(t.seat)} ${t.species === 'werewolf' ? 'WEREWOLF' : 'HUMAN'}`;
      case 'accuse': return `ESTIMATE ${agent(t.seat)} WEREWOLF`;
      case 'defend': return `ESTIMATE ${agent(t.seat)} VILLAGER`;
      case 'vote': case 'voted': case 'attack': case 'attacked': case 'divination': case 'guard': case 'guarded': return `${SEAT_WORDS[t.kind]} ${agent(t.seat)}`;
      case 'agree': case 'disagree': {
        const l = speech.listed(t.ref);
        if (!l) throw new Unmapped();
        return `${REF_WORDS[t.kind]} ${l.kind} day${l.day} ID:${l.idx}`;
      }
      case 'request': case 'inquire': return `${ASK_WORDS[t.kind]} ${agent(t.to)} ${group(t.what)}`;
      case 'because': return `BECAUSE ${group(t.reason)} ${group(t.then)}`;
      case 'and': case 'or': return `${t.kind.toUpperCase()} ${t.parts.map(group).join(' ')}`;
      case 'xor': return `XOR ${group(t.parts[0])} ${group(t.parts[1])}`;
      case 'not': return `NOT ${group(t.what)}`;
      case 'day': return `DAY ${t.day} ${group(t.what)}`;
      // Skip and Over have no place inside a sentence.
      case 'skip': case 'over': throw new Unmapped();
    }
  })();
  return head + body;
}

/**
 * An agent's reply to TALK or WHISPER as the reference takes it (empty or invalid is Skip), and
 * the talk structure it is posted as. A sentence the grammar accepts but this game cannot say
 * (FOX, a talk never listed, more than a talk may hold) is Skip too, since nobody could read it.
 */
export function reply(line: string | null, speech: Speech): { text: string; talk: Talk | null } {
  const text = (line ?? '').trim();
  if (text === '' || text === SKIP) return { text: SKIP, talk: null };
  if (text === OVER) return { text: OVER, talk: null };
  const talk = parse(text, speech);
  if (!talk || talk.kind === 'skip' || talk.kind === 'over' || !talkSchema.safeParse(talk).success) return { text: SKIP, talk: null };
  return { text, talk };
}

/** replyText of the grammar alone (indices 1..n), for callers without a seat. */
export function replyText(line: string | null, n: number): string {
  const text = (line ?? '').trim();
  if (text === '' || text === SKIP) return SKIP;
  if (text === OVER) return OVER;
  return isSentence(text, n) ? text : SKIP;
}
