import { type ChatMessage, type PlayerView, type Talk } from '../sdk/index.ts';
import { ROLES } from '../../shared/game/catalogue.ts';

/**
 * What a bot reads in day chat (docs/bots.md, "Reading talk"): the statements people and bots
 * make, from a message's talk structure when it has one, else from its free text by the few
 * patterns people write ("I'm the seer", "Cato is a wolf", "vote Cato"), with names.
 */
export type Claim =
  /** The speaker says they hold this role (true or not). */
  | { kind: 'claim'; role: string }
  /** A seer's result (DIVINED), as a team. */
  | { kind: 'result'; seat: number; team: 'village' | 'wolves' }
  /** A medium's result (IDENTIFIED) about the executed. */
  | { kind: 'identified'; seat: number; team: 'village' | 'wolves' }
  | { kind: 'vote'; seat: number }
  | { kind: 'accuse'; seat: number }
  | { kind: 'defend'; seat: number }
  | { kind: 'agree' | 'disagree'; ref: { channel: ChatMessage['channel']; id: number } };

/** A statement with who said it and the id of its message (ids grow with time). */
export type Said = Claim & { by: number; id: number };

const team = (s: 'human' | 'werewolf') => (s === 'werewolf' ? 'wolves' : 'village');

/**
 * The statements a talk asserts in the speaker's own voice. What is denied (`not`), only
 * possible (`or`, `xor`), asked of others (`request`, `inquire`) or reported of someone else
 * (a `subject` other than the speaker) is not the speaker's claim and is left out.
 */
export function assertions(t: Talk, speaker: number): Claim[] {
  if ('subject' in t && t.subject !== undefined && t.subject !== speaker) return [];
  switch (t.kind) {
    case 'claim': return t.seat === speaker ? [{ kind: 'claim', role: t.role }] : [];
    case 'divined': return typeof t.seat === 'number' ? [{ kind: 'result', seat: t.seat, team: team(t.species) }] : [];
    case 'identified': return typeof t.seat === 'number' ? [{ kind: 'identified', seat: t.seat, team: team(t.species) }] : [];
    case 'estimate':
      if (typeof t.seat !== 'number') return [];
      return [{ kind: t.role === 'werewolf' ? 'accuse' : 'defend', seat: t.seat }];
    case 'vote': case 'accuse': case 'defend': return typeof t.seat === 'number' ? [{ kind: t.kind, seat: t.seat }] : [];
    case 'agree': case 'disagree': return [{ kind: t.kind, ref: t.ref }];
    case 'because': return [...assertions(t.reason, speaker), ...assertions(t.then, speaker)];
    case 'and': return t.parts.flatMap((p) => assertions(p, speaker));
    case 'day': return assertions(t.what, speaker);
    default: return [];
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The statements of free text: a role claim, accusations, defences and vote intentions by name. */
export function parseText(text: string, speaker: number, players: readonly PlayerView[]): Claim[] {
  const t = ` ${text.toLowerCase().replace(/[’`]/g, "'")} `;
  const out: Claim[] = [];
  for (const [id, r] of Object.entries(ROLES)) {
    const name = escape(r.name.toLowerCase());
    if (new RegExp(`\\bi(?:'m| am)(?: the| a)? ${name}\\b`).test(t) && !new RegExp(`\\bi(?:'m| am) not`).test(t)) out.push({ kind: 'claim', role: id });
  }
  // Longer names first, so "Bot Ada" is not read as "Ada".
  const named = [...players].filter((p) => p.seat !== speaker).sort((a, b) => b.name.length - a.name.length);
  let rest = t;
  for (const p of named) {
    const n = escape(p.name.toLowerCase());
    if (!new RegExp(`\\b${n}\\b`).test(rest)) continue;
    if (new RegExp(`\\b${n} (?:is|'s) (?:a |the |one of the )?(?:wolf|werewolf|wolves|lying|a liar)\\b`).test(rest)) out.push({ kind: 'accuse', seat: p.seat });
    else if (new RegExp(`\\b${n} (?:is|'s) (?:human|innocent|clean|good|no wolf|not a wolf|one of us|village)\\b`).test(rest)) out.push({ kind: 'defend', seat: p.seat });
    if (new RegExp(`\\b(?:vote|voting|votes)(?: for| on)? ${n}\\b`).test(rest)) out.push({ kind: 'vote', seat: p.seat });
    rest = rest.replace(new RegExp(`\\b${n}\\b`, 'g'), ' ');
  }
  // "I'm the seer. Cato is a wolf." is a seer's result, as people write it.
  if (out.some((c) => c.kind === 'claim' && c.role === 'seer')) {
    return out.map((c): Claim => (c.kind === 'accuse' || c.kind === 'defend' ? { kind: 'result', seat: c.seat, team: c.kind === 'accuse' ? 'wolves' : 'village' } : c));
  }
  return out;
}

/**
 * What each message says, kept per message object: views share their messages, and a bot reads
 * the whole chat on every view (free text depends on the names too, hence `names`).
 */
const read = new WeakMap<ChatMessage, { names: string; said: Said[] }>();

/** Every statement made in day chat, oldest first. */
export function claimsIn(chat: readonly ChatMessage[], players: readonly PlayerView[] = []): Said[] {
  const out: Said[] = [];
  let names: string | null = null;
  for (const m of chat) {
    if (m.channel !== 'day') continue;
    const key = m.talk ? '' : (names ??= players.map((p) => p.name).join('\n'));
    let hit = read.get(m);
    if (!hit || hit.names !== key) {
      const claims = m.talk ? assertions(m.talk, m.seat) : parseText(m.text, m.seat, players);
      hit = { names: key, said: claims.map((c) => ({ ...c, by: m.seat, id: m.id })) };
      read.set(m, hit);
    }
    out.push(...hit.said);
  }
  return out;
}
