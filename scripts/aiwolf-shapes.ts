import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * test/fixtures/aiwolf-shapes.json, distilled from the packets captured from the AIWolf reference
 * server (`<repo>/../shared/aiwolf-packets`, or AIWOLF_CAPTURES): for every path the JSON types
 * seen, for every object its keys in order, for every request the forms seen (which of the four
 * parts were null), and the forms of the talk sentences the sample agents said, with agents and
 * numbers taken out. The captures are not ours to commit and do not exist on a clean clone; this
 * description of them is what the tests check the bridge against there. `npm run aiwolf:shapes`
 * rewrites it; test/aiwolf/packets.test.ts fails when it no longer matches the captures.
 */

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const FIXTURE = resolve(root, 'test/fixtures/aiwolf-shapes.json');

/** Where the captures are when they are: beside the project, unless AIWOLF_CAPTURES says else. */
export function capturesDir(): string {
  return process.env.AIWOLF_CAPTURES ?? resolve(root, '../shared/aiwolf-packets');
}

export const CAPTURE_FILES = ['5-players-whole-game.jsonl', '15-players-one-of-each-request.jsonl'] as const;

export const hasCaptures = (dir = capturesDir()): boolean => CAPTURE_FILES.every((f) => existsSync(resolve(dir, f)));

/** One server-to-agent packet; `line` is its exact bytes where the capture kept them. */
export interface Captured { request: string; packet: Record<string, unknown>; line?: string }

/** The packets of both captures, and every sentence said in them (Skip and Over aside). */
export function readCaptures(dir = capturesDir()): { packets: Captured[]; sentences: string[] } {
  const packets: Captured[] = [];
  const said = new Set<string>();
  const talks = (p: Record<string, unknown>) => {
    const info = p.gameInfo as { talkList?: { text: string }[] } | null;
    for (const t of [...((p.talkHistory as { text: string }[]) ?? []), ...((p.whisperHistory as { text: string }[]) ?? []), ...(info?.talkList ?? [])]) said.add(t.text);
  };
  const lines = (f: string) => readFileSync(resolve(dir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  for (const o of lines(CAPTURE_FILES[0])) {
    if (o.dir !== 's2a') continue;
    const packet = JSON.parse(o.line);
    packets.push({ request: packet.request, packet, line: o.line });
    talks(packet);
  }
  for (const o of lines(CAPTURE_FILES[1])) {
    packets.push({ request: o.request, packet: o.packet });
    if (o.request === 'TALK' || o.request === 'WHISPER') said.add(o.reply);
    talks(o.packet);
  }
  said.delete('Skip');
  said.delete('Over');
  return { packets, sentences: [...said] };
}

export interface Distilled {
  note: string;
  /** Path (`gameInfo.voteList[]`, `gameInfo.statusMap{}`) to the JSON types seen there. */
  types: Record<string, string[]>;
  /** Path of an object (not a map by agent index) to its keys in the order they came. */
  keys: Record<string, string[]>;
  /** Request to its forms: `I-T-` carries gameInfo and talkHistory, the other two null. */
  forms: Record<string, string[]>;
  /** Sentence forms: `Agent[*]` stands for an agent, `#` for a number. */
  sentences: string[];
}

export const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
/** Maps by agent index, also when empty (the captures hold them empty and full). */
export const MAPS = new Set(['gameInfo.remainTalkMap', 'gameInfo.remainWhisperMap', 'gameInfo.roleMap', 'gameInfo.statusMap']);
export const isMap = (path: string, o: object): boolean =>
  MAPS.has(path) || (Object.keys(o).length > 0 && Object.keys(o).every((k) => /^\d+$/.test(k)));

/** Which of the four parts a packet carries. */
export function formOf(p: Record<string, unknown>): string {
  return ([['gameInfo', 'I'], ['gameSetting', 'S'], ['talkHistory', 'T'], ['whisperHistory', 'W']] as const).map(([k, c]) => (p[k] === null ? '-' : c)).join('');
}

export const sentenceForm = (s: string): string => s.replace(/Agent\[\d+\]/g, 'Agent[*]').replace(/\d+/g, '#');

export function distill({ packets, sentences }: ReturnType<typeof readCaptures>): Distilled {
  const types = new Map<string, Set<string>>();
  const keys = new Map<string, string[]>();
  const forms = new Map<string, Set<string>>();
  const walk = (path: string, v: unknown): void => {
    const t = typeOf(v);
    if (!types.has(path)) types.set(path, new Set());
    types.get(path)!.add(t);
    if (t === 'array') for (const x of v as unknown[]) walk(`${path}[]`, x);
    else if (t === 'object') {
      const o = v as Record<string, unknown>;
      if (isMap(path, o)) { for (const x of Object.values(o)) walk(`${path}{}`, x); return; }
      keys.set(path, Object.keys(o));
      for (const [k, x] of Object.entries(o)) walk(path ? `${path}.${k}` : k, x);
    }
  };
  for (const c of packets) {
    walk('', c.packet);
    if (!forms.has(c.request)) forms.set(c.request, new Set());
    forms.get(c.request)!.add(formOf(c.packet));
  }
  const sorted = <V>(m: Map<string, V>, f: (v: V) => string[]) => Object.fromEntries([...m.keys()].sort().map((k) => [k, f(m.get(k)!)]));
  return {
    note: 'Generated by `npm run aiwolf:shapes` from the captured reference packets; do not edit by hand.',
    types: sorted(types, (s) => [...s].sort()),
    keys: sorted(keys, (k) => k),
    forms: sorted(forms, (s) => [...s].sort()),
    sentences: [...new Set(sentences.map(sentenceForm))].sort(),
  };
}

export const render = (d: Distilled): string => `${JSON.stringify(d, null, 2)}\n`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = capturesDir();
  if (!hasCaptures(dir)) {
    console.error(`no captures in ${dir} (set AIWOLF_CAPTURES to their folder)`);
    process.exit(1);
  }
  writeFileSync(FIXTURE, render(distill(readCaptures(dir))));
  console.log(`wrote ${FIXTURE} from ${dir}`);
}
