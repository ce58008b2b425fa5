import type { RoleId } from '../roles.ts';
import { ROLES } from './catalogue.ts';
import type { Species, Talk, TalkRef, Who } from '../talk.ts';

/**
 * A talk structure spoken as plain English with the players' names: never a seat number or a
 * code, since seats are shown nowhere. Pure: the wording varies with `seed` (the message id), so
 * the server, a replay and a test all get the same words for the same message.
 */
export interface Speaking {
  /** The sender's seat: "I". */
  speaker: number;
  /** A seat's display name. */
  name: (seat: number) => string | undefined;
  /** Who wrote a message, if it is known: "I agree with Bea". */
  author?: (ref: TalkRef) => number | undefined;
}

/** How a clause refers to its subject: the sender speaking, someone else, or an order to `to`. */
type Voice = { kind: 'first' } | { kind: 'third'; who: string } | { kind: 'order' };

/** A deterministic chooser: each call picks one of the options. */
function chooser(seed: number): <T>(xs: readonly T[]) => T {
  let s = (seed | 0) ^ 0x6d2b79f5;
  return (xs) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return xs[((t ^ (t >>> 14)) >>> 0) % xs.length];
  };
}

const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** Day numbers in words, so that no digit ever reads like a seat. */
const dayWords = (n: number) => (n === 1 ? 'the first day' : `day ${NUMBERS[n] ?? 'many'}`);

/** "the seer", "a villager": roles many players hold take "a". */
export function roleWords(role: string): string {
  const name = (ROLES as Record<string, { name: string } | undefined>)[role]?.name.toLowerCase() ?? role;
  return role === 'villager' || role === 'werewolf' ? `a ${name}` : `the ${name}`;
}

export function speak(talk: Talk, ctx: Speaking, seed: number): string {
  const pick = chooser(seed);
  const nameOf = (w: Who): string => (w === 'any' ? 'someone' : w === ctx.speaker ? 'I' : ctx.name(w) ?? 'someone');
  const obj = (w: Who): string => (w === ctx.speaker ? 'me' : w === 'any' ? 'anyone' : nameOf(w));
  const voiceOf = (subject: Who | undefined): Voice => (subject === undefined || subject === ctx.speaker ? { kind: 'first' } : { kind: 'third', who: nameOf(subject) });
  const sp = (s: Species) => (s === 'werewolf' ? pick(['a werewolf', 'a wolf']) : pick(['human', 'one of us', 'no wolf']));

  /** One clause, without a capital or a full stop. */
  function clause(t: Talk, outer: Voice): string {
    // A sentence with its own subject speaks of that subject, wherever it is nested.
    const v = outer.kind !== 'order' && 'subject' in t && t.subject !== undefined ? voiceOf(t.subject) : outer;
    const first = v.kind === 'first';
    const S = v.kind === 'third' ? v.who : 'I';
    switch (t.kind) {
      case 'claim': {
        const r = roleWords(t.role);
        if (v.kind === 'order') return t.seat === 'any' ? `tell us who is ${r}` : pick([`tell us if you are ${r}`, `come out if you are ${r}`]);
        if (t.seat === ctx.speaker && first) return pick([`I'm ${r}`, `I am ${r}`, `I'm actually ${r}`]);
        if (v.kind === 'third' && nameOf(t.seat) === v.who) return pick([`${S} claims to be ${r}`, `${S} says they are ${r}`]);
        return first ? `${nameOf(t.seat)} is ${r}` : `${S} says ${obj(t.seat)} is ${r}`;
      }
      case 'estimate': {
        const r = roleWords(t.role);
        if (v.kind === 'order') return `consider that ${obj(t.seat)} may be ${r}`;
        return first ? pick([`I think ${obj(t.seat)} is ${r}`, `my guess is that ${obj(t.seat)} is ${r}`, `${obj(t.seat)} looks like ${r} to me`]) : `${S} thinks ${obj(t.seat)} is ${r}`;
      }
      case 'divined':
        if (v.kind === 'order') return `check ${obj(t.seat)} and tell us`;
        return first
          ? pick([`I looked at ${obj(t.seat)}: ${sp(t.species)}`, `my vision showed me ${obj(t.seat)} is ${sp(t.species)}`, `I checked ${obj(t.seat)}, and ${obj(t.seat)} is ${sp(t.species)}`])
          : `${S} saw that ${obj(t.seat)} is ${sp(t.species)}`;
      case 'identified':
        if (v.kind === 'order') return `tell us what ${obj(t.seat)} was`;
        return first ? pick([`the dead speak to me: ${obj(t.seat)} was ${sp(t.species)}`, `I know what ${obj(t.seat)} was: ${sp(t.species)}`]) : `${S} says ${obj(t.seat)} was ${sp(t.species)}`;
      case 'accuse':
        if (v.kind === 'order') return `look hard at ${obj(t.seat)}`;
        if (t.seat === ctx.speaker) return first ? 'I am with the wolves' : `${S} says I am a wolf`;
        return first ? pick([`${obj(t.seat)} is a wolf`, `I don't trust ${obj(t.seat)}`, `${obj(t.seat)} is one of them`, `${obj(t.seat)} is lying to us`]) : pick([`${S} calls ${obj(t.seat)} a wolf`, `${S} accuses ${obj(t.seat)}`]);
      case 'defend':
        if (v.kind === 'order') return `trust ${obj(t.seat)}`;
        if (t.seat === ctx.speaker && first) return pick(["I'm not a wolf", "I'm on the village's side", "I'm not one of them"]);
        return first ? pick([`${obj(t.seat)} is no wolf`, `I trust ${obj(t.seat)}`, `leave ${obj(t.seat)} alone, ${obj(t.seat)} is with us`]) : `${S} vouches for ${obj(t.seat)}`;
      case 'vote':
        if (v.kind === 'order') return pick([`vote for ${obj(t.seat)}`, `vote ${obj(t.seat)} out`]);
        return first ? pick([`I'm voting for ${obj(t.seat)}`, `my vote goes to ${obj(t.seat)}`, `I'll vote ${obj(t.seat)}`]) : `${S} will vote for ${obj(t.seat)}`;
      case 'voted':
        if (v.kind === 'order') return `vote for ${obj(t.seat)}`;
        return `${S} voted for ${obj(t.seat)}`;
      case 'attack':
        if (v.kind === 'order') return `go for ${obj(t.seat)} tonight`;
        return first ? pick([`let's take ${obj(t.seat)} tonight`, `I want ${obj(t.seat)} tonight`]) : `${S} wants ${obj(t.seat)} tonight`;
      case 'attacked':
        return `${first ? 'we' : S} attacked ${obj(t.seat)}`;
      case 'divination':
        if (v.kind === 'order') return `look at ${obj(t.seat)} tonight`;
        return first ? `I'll look at ${obj(t.seat)} tonight` : `${S} will look at ${obj(t.seat)} tonight`;
      case 'guard':
        if (v.kind === 'order') return `guard ${obj(t.seat)} tonight`;
        return first ? `I'll guard ${obj(t.seat)} tonight` : `${S} will guard ${obj(t.seat)} tonight`;
      case 'guarded':
        if (v.kind === 'order') return `say whom you guarded`;
        return first ? pick([`I guarded ${obj(t.seat)}`, `I kept watch over ${obj(t.seat)}`]) : `${S} guarded ${obj(t.seat)}`;
      case 'agree': case 'disagree': {
        const a = ctx.author?.(t.ref);
        const whom = a === undefined ? 'that' : a === ctx.speaker ? 'what I said' : nameOf(a);
        if (v.kind === 'order') return t.kind === 'agree' ? `back ${whom}` : `don't listen to ${whom}`;
        if (!first) return `${S} ${t.kind === 'agree' ? 'agrees with' : 'disagrees with'} ${whom}`;
        if (t.kind === 'agree') return pick([`I agree with ${whom}`, `${whom === 'that' ? 'that is' : `${whom} is`} right`, `same as ${whom}`]);
        return pick([`I disagree with ${whom}`, `${whom === 'that' ? 'that is' : `${whom} is`} wrong`, `no, I don't buy ${whom === 'that' ? 'that' : `what ${whom} says`}`]);
      }
      case 'request': case 'inquire': {
        const ask = t.kind === 'inquire';
        const inner = clause(t.what, { kind: 'order' });
        if (!first) return `${S} asks ${obj(t.to)} to ${inner}`;
        if (t.to === 'any') return ask ? `does anyone ${inner}?` : pick([`everyone, ${inner}`, `let's all ${inner}`]);
        const n = obj(t.to);
        return ask ? `${n}, will you ${inner}?` : pick([`${n}, please ${inner}`, `${n}, I'd like you to ${inner}`]);
      }
      case 'because': {
        const r = clause(t.reason, v);
        const th = clause(t.then, v);
        return pick([`${th}, because ${r}`, `${r}, so ${th}`, `since ${r}, ${th}`]);
      }
      case 'and': return list(t.parts.map((p) => clause(p, v)), 'and');
      case 'or': return list(t.parts.map((p) => clause(p, v)), 'or');
      case 'xor': return `either ${clause(t.parts[0], v)} or ${clause(t.parts[1], v)}, not both`;
      case 'not': return pick([`it is not true that ${clause(t.what, v)}`, `don't believe that ${clause(t.what, v)}`]);
      case 'day': return `on ${dayWords(t.day)}, ${clause(t.what, v)}`;
      case 'skip': return pick(['hmm, let me think', "I'll wait and listen for now", 'not sure yet']);
      case 'over': return pick(["that's all from me", "I've said my piece", 'nothing more from me today']);
    }
  }

  const voice = 'subject' in talk ? voiceOf(talk.subject) : { kind: 'first' as const };
  // A top-level "and" reads best as separate sentences.
  const clauses = talk.kind === 'and' ? talk.parts.map((p) => clause(p, voice)) : [clause(talk, voice)];
  return clauses.map(sentence).join(' ');
}

function list(xs: string[], word: string): string {
  return xs.length <= 2 ? xs.join(` ${word} `) : `${xs.slice(0, -1).join(', ')}, ${word} ${xs.at(-1)}`;
}

function sentence(c: string): string {
  const s = c.charAt(0).toUpperCase() + c.slice(1);
  return /[.?!]$/.test(s) ? s : `${s}.`;
}

/** The role ids a talk may name, for menus: the catalogue as it is now. */
export const TALK_ROLES = Object.keys(ROLES) as RoleId[];
