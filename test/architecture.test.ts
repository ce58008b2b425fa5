import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Allowance, type Files, type Finding, importCircles, impurities, layerOf, layerViolations, moduleState, parseLayerTable } from './helpers/imports.ts';

// The layer table has one source: the table in docs/architecture.md, read here. What the rules may
// not touch is listed in test/helpers/imports.ts; an exception must be named below with its reason.

const root = new URL('..', import.meta.url);
const doc = readFileSync(new URL('docs/architecture.md', root), 'utf8');
const layers = parseLayerTable(doc);

/** Every tracked .ts file (and new ones not yet committed), by its path in the repository. */
function repoFiles(): Files {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], { cwd: root, encoding: 'utf8' });
  const files = new Map<string, string>();
  for (const f of out.split('\n').filter(Boolean)) {
    try { files.set(f, readFileSync(new URL(f, root), 'utf8')); } catch { /* deleted in the work tree, still in the index */ }
  }
  return files;
}

/** Uses of the clock, chance, timers or I/O in the rules that are allowed, each with its reason. None today. */
const RULES_ALLOWED: Allowance[] = [];

/**
 * The state the rules keep between calls, each with its reason: tables built once when the module
 * loads and read only after, and memos of pure functions keyed by their inputs (weakly, so they
 * die with the state they describe). Nothing here changes what a function returns; a new entry
 * must say why it is one of these two.
 */
const RULES_STATE: Allowance[] = [
  { file: 'shared/game/roles/registry.ts', what: 'registry', why: 'table: every role module, filled once by roles/index.ts when the catalogue loads' },
  { file: 'shared/game/roles/index.ts', what: 'byKind', why: 'table: the role that names each night action kind, built at load from the modules' },
  { file: 'shared/game/roles/index.ts', what: 'dayRoles', why: 'table: the role of each day action kind, built at load from the modules' },
  { file: 'shared/game/chat.ts', what: 'DAYTIME', why: 'table: the daytime phases, a constant set' },
  { file: 'shared/game/views.ts', what: 'NONE', why: 'table: the shared empty list of a table without fields, never written' },
  { file: 'shared/game/setup.ts', what: 'dealtSetups', why: 'memo: setupOf per deal record (a WeakMap on the immutable record)' },
  { file: 'shared/game/setup.ts', what: 'lobbySetups', why: 'memo: setupOf per settings object and seated count (a WeakMap on the immutable settings)' },
  { file: 'shared/game/views-compiled.ts', what: 'KEYS', why: 'memo: the bit of each context key a lens has read, assigned on first sight; it only names bits, views do not depend on it' },
  { file: 'shared/game/views-compiled.ts', what: 'OVER', why: 'memo: the keys past the 30th, which share one bit (as KEYS)' },
  { file: 'shared/game/views-compiled.ts', what: 'GETTERS', why: 'memo: the one getter per context key that every lens shares (one hidden class)' },
  { file: 'shared/game/views-you.ts', what: 'living', why: 'memo: the living candidates of a vote round, a WeakMap on the round\'s immutable candidates array' },
  { file: 'shared/game/rules.ts', what: 'lastAnswers', why: 'memo: reject\'s last answer per context (a WeakMap on the immutable context), keyed by the event object too: a room asks before it decides and the guard asks the same pair again' },
  { file: 'shared/game/machine.ts', what: 'tallies', why: 'memo: a vote\'s count per context (a WeakMap on the immutable context), shared by the guard and the action' },
];

const show = (fs: Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.message}`);
const rulesOnly = (files: Files): Files => new Map([...files].filter(([f]) => layerOf(layers, f)?.name === 'rules'));

describe('the layers of docs/architecture.md', () => {
  const files = repoFiles();

  it('the table names only layers it declares, each once', () => {
    const names = layers.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['protocol', 'rules', 'rooms', 'store', 'gateway', 'cluster', 'web', 'bench', 'test']));
    for (const l of layers) for (const other of l.mayImport) expect(names, `${l.name} may import ${other}`).toContain(other);
  });

  it('every import of every file is allowed by the table', () => {
    expect(files.size).toBeGreaterThan(100);
    expect(show(layerViolations(files, layers))).toEqual([]);
  });

  it('there is no import circle', () => {
    expect(importCircles(files).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('test helpers live in test/helpers/: every other file under test/ is a test', () => {
    const strays = [...files.keys()].filter((f) => f.startsWith('test/') && !f.endsWith('.test.ts') && !f.startsWith('test/helpers/'));
    expect(strays).toEqual([]);
  });

  it('the rules (shared/game) read no clock, no chance, no timer, no process and no I/O', () => {
    const rules = rulesOnly(files);
    expect(rules.size).toBeGreaterThan(10);
    for (const a of RULES_ALLOWED) expect(a.why.trim(), `${a.file} ${a.what}`).not.toBe('');
    expect(show(impurities(rules, RULES_ALLOWED))).toEqual([]);
  });

  it('the rules keep no state between calls but the declared tables built at load and memos keyed by their inputs', () => {
    const rules = rulesOnly(files);
    for (const a of RULES_STATE) expect(a.why, `${a.file} ${a.what}`).toMatch(/^(table|memo): \S/);
    expect(show(moduleState(rules, RULES_STATE))).toEqual([]);
    // Every declared entry still exists: a stale one would silently allow a new binding of its name.
    const found = moduleState(rules).map((f) => f.message);
    for (const a of RULES_STATE) expect(found, `${a.file} ${a.what}`).toContain(`keeps module state '${a.what}'`);
  });
});

describe('the checker bites (planted violations in a made-up file set)', () => {
  const planted = (entries: Record<string, string>): Files => new Map(Object.entries(entries));

  it('an import against the table: the browser reaching into the server, the store into the rooms', () => {
    const files = planted({
      'client/web/replay/page.ts': "import type { StoredRoom } from '../../../server/store/types.ts';\n",
      'server/store/types.ts': "export interface StoredRoom { roomId: string }\n",
      'server/store/redis.ts': "import { x } from '../rooms/ports.ts';\nconst later = () => import('../cluster/keys.ts');\n",
      'server/rooms/ports.ts': 'export const x = 1;\n',
      'server/cluster/keys.ts': 'export const K = {};\n',
      'bench/engine.ts': "export { Dice } from '../test/helpers/sim.ts';\n",
      'test/helpers/sim.ts': 'export class Dice {}\n',
      'shared/game/night.ts': "import { readFileSync } from 'node:fs';\n",
    });
    expect(show(layerViolations(files, layers))).toEqual([
      'client/web/replay/page.ts:1 web may not import store (server/store/types.ts)',
      'server/store/redis.ts:1 store may not import rooms (server/rooms/ports.ts)',
      'server/store/redis.ts:2 store may not import cluster (server/cluster/keys.ts)',
      'bench/engine.ts:1 bench may not import test (test/helpers/sim.ts)',
      "shared/game/night.ts:1 rules may not import the package 'node:fs'",
    ]);
  });

  it('an import circle, reported as its closed path, type-only imports included', () => {
    const files = planted({
      'shared/limits.ts': "import type { Settings } from './settings.ts';\n",
      'shared/settings.ts': "import { MAX } from './limits.ts';\n",
      'client/web/app.ts': "import { joinPage } from './lobby/join.ts';\n",
      'client/web/lobby/join.ts': "import { h } from '../dom.ts';\n",
      'client/web/dom.ts': "import type { App } from './app.ts';\n",
      'client/web/words.ts': "import { h } from './dom.ts';\n",
    });
    expect(importCircles(files).map((c) => c.join(' -> ')).sort()).toEqual([
      'client/web/app.ts -> client/web/lobby/join.ts -> client/web/dom.ts -> client/web/app.ts',
      'shared/limits.ts -> shared/settings.ts -> shared/limits.ts',
    ]);
  });

  it('the clock, chance, timers, the process and I/O in the rules, but not in a comment, a string or a field name', () => {
    const files = planted({
      'shared/game/night.ts': [
        "import { randomBytes } from 'node:crypto';",
        'export const at = () => Date.now();',
        'export const roll = () => Math.random();',
        'export function later(f: () => void) { setTimeout(f, 1); return performance.now(); }',
        'export const env = process.env.SEED;',
        "// Date.now() and Math.random() are named here only in a comment, and 'setTimeout' in a string.",
        'export const fine = { process: 1, setInterval: 2 }.process;',
        'export const stamp = () => new Date(); export const fixed = new Date(0);',
        'export const id = () => crypto.randomUUID();',
      ].join('\n'),
    });
    expect(show(impurities(files))).toEqual([
      'shared/game/night.ts:2 uses Date.now',
      'shared/game/night.ts:3 uses Math.random',
      'shared/game/night.ts:4 uses setTimeout',
      'shared/game/night.ts:4 uses performance.now',
      'shared/game/night.ts:5 uses process',
      'shared/game/night.ts:8 uses new Date()',
      'shared/game/night.ts:9 uses crypto',
      "shared/game/night.ts:1 imports 'node:crypto'",
    ]);
    // An allowance names the file and the use; it silences exactly that.
    const allowed = impurities(files, [{ file: 'shared/game/night.ts', what: 'Date.now', why: 'a test of the allowance' }]);
    expect(show(allowed)).not.toContain('shared/game/night.ts:2 uses Date.now');
    expect(allowed).toHaveLength(7);
  });

  it('module state: a top-level let, a container to be filled, a constant whose fields are assigned; not a constant table of values, not a local', () => {
    const files = planted({
      'shared/game/night.ts': [
        'let count = 0;',
        'const seen = new Map<string, number>();',
        'const later: number[] = [];',
        'export const PHASES = [\'night\', \'day\'];',
        'export const LIMIT = 3;',
        'export function f() { let n = 0; const m = new Set(); return ++n + m.size + count + seen.size + later.length; }',
        'const last = { ctx: null as unknown, answer: 0 };',
        'export function g(ctx: unknown) { if (last.ctx === ctx) return last.answer; last.ctx = ctx; last.answer += 1; const local = { a: 1 }; local.a = 2; return PHASES[0] + local.a; }',
      ].join('\n'),
    });
    expect(show(moduleState(files))).toEqual([
      "shared/game/night.ts:1 keeps module state 'count'",
      "shared/game/night.ts:2 keeps module state 'seen'",
      "shared/game/night.ts:3 keeps module state 'later'",
      "shared/game/night.ts:7 keeps module state 'last'",
    ]);
    expect(show(moduleState(files, [{ file: 'shared/game/night.ts', what: 'seen', why: 'memo: a test of the allowance' }]))).toHaveLength(3);
  });

  it('a file outside every layer is reported', () => {
    expect(show(layerViolations(planted({ 'tools/x.ts': 'export {};\n' }), layers))).toEqual(['tools/x.ts:1 belongs to no layer of the table']);
  });
});
