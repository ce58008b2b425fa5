import { readFileSync } from 'node:fs';
import {
  type Captured, capturesDir, type Distilled, distill, FIXTURE, formOf, hasCaptures, isMap, readCaptures, typeOf,
} from '../../../scripts/aiwolf-shapes.ts';

/**
 * The shapes of the reference server's packets, for checking ours: distilled from the captures
 * (`<repo>/../shared/aiwolf-packets`, or AIWOLF_CAPTURES) when they are there, from the committed
 * distillation test/fixtures/aiwolf-shapes.json otherwise (a clean clone, CI). Never skipped: the
 * same checks run on either; test/aiwolf/packets.test.ts holds the committed one to the captures.
 */

export { type Captured, formOf };

/** Where the shapes come from in this run, for test names and messages. */
export const SOURCE = hasCaptures() ? `captures in ${capturesDir()}` : 'test/fixtures/aiwolf-shapes.json (no captures here)';

/** The captured packets, or null on a machine without them. */
export const captured = (): Captured[] | null => (hasCaptures() ? readCaptures().packets : null);

export const committed = (): Distilled => JSON.parse(readFileSync(FIXTURE, 'utf8'));

let cache: Distilled | null = null;
export function reference(): Distilled {
  return (cache ??= hasCaptures() ? distill(readCaptures()) : committed());
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
const known = (path: string): string => {
  for (const [from, to] of Object.entries(ALIAS)) if (path.startsWith(from)) return to + path.slice(from.length);
  return path;
};

/**
 * Forms the captures do not show but AIWOLF.md's rule (TcpipServer.send) gives: gameInfo with a
 * re-vote's VOTE and with a WHISPER after the execution; the delta with the night-1 ATTACK and
 * GUARD that our night 1 asks for (the reference has no attack or guard on day 0).
 */
const RULE_FORMS: Record<string, string[]> = { VOTE: ['I---'], WHISPER: ['I---'], ATTACK: ['--TW'], GUARD: ['--TW'] };

/** What in `packet` the reference never showed: a path, a type or a key order. */
function problems(ref: Distilled, packet: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (path: string, v: unknown) => {
    const k = known(path);
    const t = typeOf(v);
    const seen = ref.types[k];
    if (!seen) { out.push(`${path}: never captured`); return; }
    if (!seen.includes(t)) out.push(`${path}: ${t}, captured ${seen.join('|')}`);
    if (t === 'array') for (const x of v as unknown[]) walk(`${path}[]`, x);
    else if (t === 'object') {
      const o = v as Record<string, unknown>;
      if (isMap(k, o)) { for (const x of Object.values(o)) walk(`${path}{}`, x); return; }
      if (ref.keys[k]?.join() !== Object.keys(o).join()) out.push(`${path}: keys ${Object.keys(o).join()}, captured ${ref.keys[k]?.join()}`);
      for (const [key, x] of Object.entries(o)) walk(path ? `${path}.${key}` : key, x);
    }
  };
  walk('', packet);
  return out;
}

/** Everything in these server-to-agent lines that the reference's packets never showed. */
export function shapeProblems(lines: string[]): string[] {
  const ref = reference();
  const out: string[] = [];
  for (const line of lines) {
    const p = JSON.parse(line);
    // Compact JSON, keys as they came: what JSONIC writes.
    if (JSON.stringify(p) !== line) out.push(`${p.request}: not compact`);
    for (const x of problems(ref, p)) out.push(`${p.request}: ${x}`);
    const forms = [...(ref.forms[p.request] ?? []), ...(RULE_FORMS[p.request] ?? [])];
    if (!forms.includes(formOf(p))) out.push(`${p.request}: form ${formOf(p)}, captured ${forms.join(' ')}`);
  }
  return out;
}

/**
 * One packet per request and form, laid out as the reference lays it out: every key the shapes
 * name in their order, every list one entry long, maps by index two entries long, sample values
 * of the seen types. Our own lines, so that the layout is checked where no capture is.
 */
export function exemplars(ref = reference()): { request: string; packet: Record<string, unknown> }[] {
  const build = (path: string): unknown => {
    const k = known(path);
    const seen = ref.types[k] ?? ['null'];
    const t = ['object', 'array', 'number', 'string', 'boolean'].find((x) => seen.includes(x)) ?? 'null';
    if (t === 'object') {
      if (isMap(k, {})) return { 1: build(`${path}{}`), 2: build(`${path}{}`) };
      return Object.fromEntries((ref.keys[k] ?? []).map((key) => [key, build(path ? `${path}.${key}` : key)]));
    }
    if (t === 'array') return ref.types[known(`${path}[]`)] ? [build(`${path}[]`)] : [];
    return t === 'number' ? 3 : t === 'string' ? 'WEREWOLF' : t === 'boolean' ? true : null;
  };
  const parts = ['gameInfo', 'gameSetting', 'talkHistory', 'whisperHistory'];
  const out: { request: string; packet: Record<string, unknown> }[] = [];
  for (const [request, forms] of Object.entries(ref.forms)) {
    for (const form of forms) {
      const packet = build('') as Record<string, unknown>;
      packet.request = request;
      parts.forEach((part, i) => { if (form[i] === '-') packet[part] = null; });
      out.push({ request, packet });
    }
  }
  return out;
}

/** Sentences in the forms the sample agents used: the captured ones, or ours built from the forms. */
export function saidSentences(players: number): string[] {
  if (hasCaptures()) return readCaptures().sentences;
  let n = 0;
  const agent = () => `Agent[${String((n++ % players) + 1).padStart(2, '0')}]`;
  return reference().sentences.map((f) => f.replace(/Agent\[\*\]/g, agent).replace(/#/g, '1'));
}
