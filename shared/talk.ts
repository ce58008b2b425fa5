import type { ChatChannel } from './channels.ts';

/**
 * The talk language: what players say in Werewolf as a structure, shared by bots and people
 * (docs/protocol.md, "Talk"). Modelled on the AIWolf 0.6 talk language so that each of its
 * sentences has one faithful structure here (the comment on each kind names the AIWolf word).
 * A chat message may carry one `Talk`; its text is then the talk spoken in words
 * (shared/talk-words.ts), and programs read the structure, people the words. The schema the
 * server checks it with is in shared/talk-schema.ts (apart, so the browser bundles no zod).
 */

/** What a seer or medium learns: AIWolf's HUMAN / WEREWOLF (a possessed is human). */
export type Species = 'human' | 'werewolf';
/** A seat, or `any` (AIWolf's ANY: anyone, whoever). */
export type Who = number | 'any';
/** A message by its channel and id, as ChatMessage identifies it. */
export interface TalkRef { channel: ChatChannel; id: number }

/**
 * `subject` is who the sentence is about as speaker (AIWolf's optional leading `Agent[xx]`, on
 * any sentence): left out, it is the sender, or the enclosing sentence's subject. Role ids are the role catalogue's (shared/roles.ts).
 */
export type Talk =
  /** COMINGOUT: `seat` has role `role` (a claim about oneself when seat = subject; may be false). */
  | { kind: 'claim'; seat: Who; role: string; subject?: Who }
  /** ESTIMATE: the subject thinks `seat` has role `role`. */
  | { kind: 'estimate'; seat: Who; role: string; subject?: Who }
  /** DIVINED: a seer's result. */
  | { kind: 'divined'; seat: Who; species: Species; subject?: Who }
  /** IDENTIFIED: a medium's result about an executed player. */
  | { kind: 'identified'; seat: Who; species: Species; subject?: Who }
  /** Not in AIWolf as such: `seat` is on the wolves' side (accuse) or the village's (defend). */
  | { kind: 'accuse' | 'defend'; seat: Who; subject?: Who }
  /** VOTE (will vote), VOTED, ATTACK (wolves will), ATTACKED, DIVINATION (will divine), GUARD (will guard), GUARDED. */
  | { kind: 'vote' | 'voted' | 'attack' | 'attacked' | 'divination' | 'guard' | 'guarded'; seat: Who; subject?: Who }
  /** AGREE / DISAGREE with a message. */
  | { kind: 'agree' | 'disagree'; ref: TalkRef; subject?: Who }
  /** REQUEST: asks `to` to make `what` true; INQUIRE: asks `to` whether it is. */
  | { kind: 'request' | 'inquire'; to: Who; what: Talk; subject?: Who }
  /** BECAUSE: `then`, for the reason `reason`. */
  | { kind: 'because'; reason: Talk; then: Talk; subject?: Who }
  /** AND / OR of two or more; XOR of exactly two. */
  | { kind: 'and' | 'or'; parts: Talk[]; subject?: Who }
  | { kind: 'xor'; parts: [Talk, Talk]; subject?: Who }
  | { kind: 'not'; what: Talk; subject?: Who }
  /** DAY n (s): `what` was so on day `day`. */
  | { kind: 'day'; day: number; what: Talk; subject?: Who }
  /** Skip: nothing to say now, maybe later. Over: nothing more to say today. */
  | { kind: 'skip' | 'over' };

export type TalkKind = Talk['kind'];

/** A talk holds at most this many sentences, nested at most this deep: speaking it stays short. */
export const TALK_NODES = 12;
export const TALK_DEPTH = 4;

/** The sentences directly inside a talk. */
export function childrenOf(t: Talk): Talk[] {
  switch (t.kind) {
    case 'request': case 'inquire': case 'not': case 'day': return [t.what];
    case 'because': return [t.reason, t.then];
    case 'and': case 'or': case 'xor': return t.parts;
    default: return [];
  }
}

/** Every sentence of a talk, itself first, depth-first; `depth` counts from 1. */
export function* walk(t: Talk, depth = 1): Generator<{ t: Talk; depth: number }> {
  yield { t, depth };
  for (const c of childrenOf(t)) yield* walk(c, depth + 1);
}

/** The seats a talk names (not `any`), and the messages it refers to: what a room checks exist. */
export function talkSeats(t: Talk): number[] {
  const out: number[] = [];
  for (const { t: s } of walk(t)) {
    for (const v of [('seat' in s ? s.seat : undefined), ('subject' in s ? s.subject : undefined), ('to' in s ? s.to : undefined)]) {
      if (typeof v === 'number') out.push(v);
    }
  }
  return out;
}

/** The role ids a talk names (claims, and whatever else names a role). */
export function talkRoles(t: Talk): string[] {
  const out: string[] = [];
  for (const { t: s } of walk(t)) if ('role' in s && typeof s.role === 'string') out.push(s.role);
  return out;
}

export function talkRefs(t: Talk): TalkRef[] {
  const out: TalkRef[] = [];
  for (const { t: s } of walk(t)) if (s.kind === 'agree' || s.kind === 'disagree') out.push(s.ref);
  return out;
}
