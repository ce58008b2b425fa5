import { ROLE_IDS, type ChatMessage, type RoleId } from '../sdk/index.ts';

/**
 * The bots' claim language, read from day chat (docs/bots.md). One message holds statements
 * separated by ";" or new lines; case does not matter; anything else is ordinary talk:
 *
 *   CLAIM seer          I am the seer (any role name)
 *   RESULT 3 wolves     seat 3 is on the wolves' side ("village" for the rest)
 *   VOTE 3              I vote for seat 3
 */
export type Claim =
  | { kind: 'claim'; role: RoleId }
  | { kind: 'result'; seat: number; team: 'village' | 'wolves' }
  | { kind: 'vote'; seat: number };

/** A statement with who said it and the id of its message (ids grow with time). */
export type Said = Claim & { by: number; id: number };

const ROLE_SET = new Set<string>(ROLE_IDS);

function parseOne(s: string): Claim | null {
  const w = s.trim().toLowerCase().split(/\s+/);
  const seat = Number(w[1]);
  const seatOk = w[1] !== undefined && /^\d{1,2}$/.test(w[1]);
  if (w[0] === 'claim' && w.length === 2 && ROLE_SET.has(w[1])) return { kind: 'claim', role: w[1] as RoleId };
  if (w[0] === 'result' && w.length === 3 && seatOk) {
    if (w[2] === 'wolves' || w[2] === 'wolf') return { kind: 'result', seat, team: 'wolves' };
    if (w[2] === 'village') return { kind: 'result', seat, team: 'village' };
  }
  if (w[0] === 'vote' && w.length === 2 && seatOk) return { kind: 'vote', seat };
  return null;
}

export function parseClaims(text: string): Claim[] {
  return text.split(/[;\n]/).map(parseOne).filter((c): c is Claim => c !== null);
}

export function formatClaims(claims: Claim[]): string {
  return claims.map((c) => (c.kind === 'claim' ? `CLAIM ${c.role}` : c.kind === 'result' ? `RESULT ${c.seat} ${c.team}` : `VOTE ${c.seat}`)).join('; ');
}

/** Every statement made in day chat, oldest first. */
export function claimsIn(chat: readonly ChatMessage[]): Said[] {
  const out: Said[] = [];
  for (const m of chat) {
    if (m.channel !== 'day') continue;
    for (const c of parseClaims(m.text)) out.push({ ...c, by: m.seat, id: m.id });
  }
  return out;
}
