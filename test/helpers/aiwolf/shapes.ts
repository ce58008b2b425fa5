import { readFileSync } from 'node:fs';

/**
 * The shapes of the packets captured from the reference server's games (/work/shared/aiwolf-packets):
 * for every path (`gameInfo.divineResult`, `gameInfo.voteList[]`, `gameInfo.statusMap{}`) the
 * JSON types seen there and, for objects, their keys in order; and for every request the
 * forms seen (which of gameInfo, gameSetting, talkHistory, whisperHistory were null).
 */

const DIR = '/work/shared/aiwolf-packets';

export interface Captured { request: string; packet: Record<string, unknown>; line?: string }

export function captured(): Captured[] {
  const out: Captured[] = [];
  for (const l of readFileSync(`${DIR}/5-players-whole-game.jsonl`, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const o = JSON.parse(l);
    if (o.dir === 's2a') { const packet = JSON.parse(o.line); out.push({ request: packet.request, packet, line: o.line }); }
  }
  for (const l of readFileSync(`${DIR}/15-players-one-of-each-request.jsonl`, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const o = JSON.parse(l);
    out.push({ request: o.request, packet: o.packet });
  }
  return out;
}

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const isMap = (o: object) => Object.keys(o).length > 0 && Object.keys(o).every((k) => /^\d+$/.test(k));
// Maps by agent index, also when empty (the captures hold them empty and full).
const MAPS = new Set(['gameInfo.remainTalkMap', 'gameInfo.remainWhisperMap', 'gameInfo.roleMap', 'gameInfo.statusMap']);

export class Shapes {
  types = new Map<string, Set<string>>();
  keys = new Map<string, string>();
  forms = new Map<string, Set<string>>();

  add(request: string, packet: Record<string, unknown>): void {
    this.walk('', packet);
    let f = this.forms.get(request);
    if (!f) this.forms.set(request, (f = new Set()));
    f.add(formOf(packet));
  }

  private walk(path: string, v: unknown): void {
    const t = typeOf(v);
    let set = this.types.get(path);
    if (!set) this.types.set(path, (set = new Set()));
    set.add(t);
    if (t === 'array') for (const x of v as unknown[]) this.walk(`${path}[]`, x);
    else if (t === 'object') {
      const o = v as Record<string, unknown>;
      if (MAPS.has(path) || isMap(o)) { for (const x of Object.values(o)) this.walk(`${path}{}`, x); return; }
      this.keys.set(path, Object.keys(o).join());
      for (const [k, x] of Object.entries(o)) this.walk(path ? `${path}.${k}` : k, x);
    }
  }

  /** What in `packet` the captures never showed: a path, a type or a key order. */
  problems(packet: Record<string, unknown>, alias: Record<string, string> = {}): string[] {
    const out: string[] = [];
    const walk = (path: string, v: unknown) => {
      let known = path;
      for (const [from, to] of Object.entries(alias)) if (known.startsWith(from)) known = to + known.slice(from.length);
      const t = typeOf(v);
      const seen = this.types.get(known);
      if (!seen) { out.push(`${path}: never captured`); return; }
      if (!seen.has(t)) out.push(`${path}: ${t}, captured ${[...seen].join('|')}`);
      if (t === 'array') for (const x of v as unknown[]) walk(`${path}[]`, x);
      else if (t === 'object') {
        const o = v as Record<string, unknown>;
        if (MAPS.has(known) || isMap(o)) { for (const x of Object.values(o)) walk(`${path}{}`, x); return; }
        if (this.keys.get(known) !== Object.keys(o).join()) out.push(`${path}: keys ${Object.keys(o).join()}, captured ${this.keys.get(known)}`);
        for (const [k, x] of Object.entries(o)) walk(path ? `${path}.${k}` : k, x);
      }
    };
    walk('', packet);
    return out;
  }
}

/** Which of the four parts a packet carries: e.g. `I-T-` is gameInfo and talkHistory. */
export function formOf(p: Record<string, unknown>): string {
  return ([['gameInfo', 'I'], ['gameSetting', 'S'], ['talkHistory', 'T'], ['whisperHistory', 'W']] as const).map(([k, c]) => (p[k] === null ? '-' : c)).join('');
}

/**
 * Paths no capture holds filled in, and the shape they share with one that does: a re-vote's
 * latestAttackVoteList is a vote list, a whisper is a talk, the medium's result a judge.
 */
const ALIAS = {
  'gameInfo.latestAttackVoteList[]': 'gameInfo.attackVoteList[]',
  'gameInfo.mediumResult': 'gameInfo.divineResult',
  whisperHistory: 'talkHistory',
};

/**
 * Forms the captures do not show but AIWOLF.md's rule (TcpipServer.send) gives: gameInfo with a
 * re-vote's VOTE and with a WHISPER after the execution; the delta with the night-1 ATTACK and
 * GUARD that our night 1 asks for (the reference has no attack or guard on day 0).
 */
const RULE_FORMS: Record<string, string[]> = { VOTE: ['I---'], WHISPER: ['I---'], ATTACK: ['--TW'], GUARD: ['--TW'] };

let reference: Shapes | null = null;

/** Everything in these server-to-agent lines that the captured packets never showed. */
export function shapeProblems(lines: string[]): string[] {
  if (!reference) { reference = new Shapes(); for (const c of captured()) reference.add(c.request, c.packet); }
  const out: string[] = [];
  for (const line of lines) {
    const p = JSON.parse(line);
    // Compact JSON, keys as they came: what JSONIC writes.
    if (JSON.stringify(p) !== line) out.push(`${p.request}: not compact`);
    for (const x of reference.problems(p, ALIAS)) out.push(`${p.request}: ${x}`);
    const forms = [...(reference.forms.get(p.request) ?? []), ...(RULE_FORMS[p.request] ?? [])];
    if (!forms.includes(formOf(p))) out.push(`${p.request}: form ${formOf(p)}, captured ${forms.join(' ')}`);
  }
  return out;
}
