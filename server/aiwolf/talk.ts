import type { ChatMessage } from '../../shared/views.ts';

/**
 * AIWolf's talk language and our chat, in one place. For now a sentence travels as its own
 * text: an agent's `VOTE Agent[03]` is posted to the day chat as is, and a chat message enters an
 * agent's talkList only when its text is a valid sentence; other free text has no AIWolf form and
 * is left out. When the talk structures of shared/talk.ts land (issue 14), `toChat` and
 * `fromChat` are the two functions to replace: nothing else reads the text.
 */

export const SKIP = 'Skip';
export const OVER = 'Over';

const ROLES = 'VILLAGER|SEER|MEDIUM|BODYGUARD|POSSESSED|WEREWOLF|FREEMASON|FOX|ANY';
const AGENT = /^Agent\[(\d{2,})\]$/;

/** Checks a sentence of the talk language (Content.validate's grammar), with indices in 1..n. */
export function isSentence(text: string, n: number): boolean {
  const tokens = tokenize(text.trim());
  if (!tokens) return false;
  const at = { i: 0 };
  return sentence(tokens, at, n) && at.i === tokens.length;
}

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

const agent = (t: Token | undefined, n: number, any = false): boolean => {
  if (typeof t !== 'string') return false;
  if (any && t === 'ANY') return true;
  const m = AGENT.exec(t);
  return !!m && Number(m[1]) >= 1 && Number(m[1]) <= n;
};

const group = (t: Token | undefined, n: number): boolean => Array.isArray(t) && isGroup(t, n);
const isGroup = (g: Token[], n: number): boolean => { const at = { i: 0 }; return sentence(g, at, n) && at.i === g.length; };

function sentence(t: Token[], at: { i: number }, n: number): boolean {
  const w = t[at.i];
  if (typeof w !== 'string') return false;
  if (at.i === 0 && t.length === 1 && (w === SKIP || w === OVER)) { at.i++; return true; }
  // An optional subject: `Agent[01] VOTE Agent[02]`, `ANY COMINGOUT ...`.
  if (w === 'ANY' || AGENT.test(w)) { if (!agent(w, n, true)) return false; at.i++; }
  const verb = t[at.i++];
  const arg = (k: number) => t[at.i + k];
  const take = (k: number, ok: boolean) => { if (ok) at.i += k; return ok; };
  switch (verb) {
    case 'COMINGOUT': case 'ESTIMATE':
      return take(2, agent(arg(0), n, true) && typeof arg(1) === 'string' && new RegExp(`^(${ROLES})$`).test(arg(1) as string));
    case 'DIVINED': case 'IDENTIFIED':
      return take(2, agent(arg(0), n, true) && (arg(1) === 'HUMAN' || arg(1) === 'WEREWOLF'));
    case 'VOTE': case 'VOTED': case 'ATTACK': case 'ATTACKED': case 'DIVINATION': case 'GUARD': case 'GUARDED':
      return take(1, agent(arg(0), n, true));
    case 'AGREE': case 'DISAGREE':
      return take(3, (arg(0) === 'TALK' || arg(0) === 'WHISPER') && /^day\d+$/.test(String(arg(1))) && /^ID:\d+$/.test(String(arg(2))));
    case 'REQUEST': case 'INQUIRE':
      return take(2, agent(arg(0), n, true) && group(arg(1), n));
    case 'BECAUSE': case 'XOR':
      return take(2, group(arg(0), n) && group(arg(1), n));
    case 'NOT':
      return take(1, group(arg(0), n));
    case 'DAY':
      return take(2, /^\d+$/.test(String(arg(0))) && group(arg(1), n));
    case 'AND': case 'OR': {
      let k = 0;
      while (Array.isArray(arg(k))) { if (!group(arg(k), n)) return false; k++; }
      return take(k, k >= 1);
    }
    default:
      return false;
  }
}

/** The text an agent's sentence is posted as (Skip and Over are never posted). */
export function toChat(sentence: string): string {
  return sentence.trim();
}

/** An agent's reply to TALK or WHISPER as the reference takes it: empty or invalid is Skip. */
export function replyText(line: string | null, n: number): string {
  const text = (line ?? '').trim();
  if (text === '' || text === SKIP) return SKIP;
  if (text === OVER) return OVER;
  return isSentence(text, n) ? text : SKIP;
}

/** A chat message's AIWolf sentence, or null when it has none (free text is left out of talkList). */
export function fromChat(message: ChatMessage, n: number): string | null {
  const text = message.text.trim();
  if (text === SKIP || text === OVER) return null;
  return isSentence(text, n) ? text : null;
}
