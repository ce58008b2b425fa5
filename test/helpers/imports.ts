import path from 'node:path';
import ts from 'typescript';

// The import checker behind test/architecture.test.ts. It works on an in-memory file set (path
// relative to the repository root -> source text) so that a test can plant a violation in a
// handful of made-up files and watch it fail, and the real test feeds it the repository.

export type Files = ReadonlyMap<string, string>;

export interface Import {
  from: string;
  /** A repository path for a relative import, else the bare specifier ('xstate', 'node:fs'). */
  to: string;
  external: boolean;
  line: number;
}

/** Every import of a file: static, `export ... from`, `import type`, and dynamic `import()`. */
export function importsOf(file: string, source: string): Import[] {
  const info = ts.preProcessFile(source, true, true);
  return info.importedFiles.map((f) => {
    const spec = f.fileName;
    const external = !spec.startsWith('.');
    const to = external ? spec : path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    return { from: file, to, external, line: source.slice(0, f.pos).split('\n').length };
  });
}

export interface Layer {
  name: string;
  /** Path patterns: `dir/**` (everything below), `dir/*.ts` (that folder only), or one file. */
  files: string[];
  /** Names of the layers its files may import (its own is always allowed). */
  mayImport: string[];
  /** External packages it may import; `*` for any. Node built-ins count as packages (`node:*`). */
  packages: string[];
}

function matches(pattern: string, file: string): boolean {
  if (pattern.endsWith('/**')) return file.startsWith(pattern.slice(0, -2));
  if (pattern.endsWith('/*.ts')) return path.posix.dirname(file) === pattern.slice(0, -5) && file.endsWith('.ts');
  return file === pattern;
}

/** The layer a file belongs to: the one whose most specific pattern matches it. */
export function layerOf(layers: readonly Layer[], file: string): Layer | undefined {
  let best: { layer: Layer; len: number } | undefined;
  for (const layer of layers) {
    for (const p of layer.files) if (matches(p, file) && (!best || p.length > best.len)) best = { layer, len: p.length };
  }
  return best?.layer;
}

function packageAllowed(layer: Layer, spec: string): boolean {
  return layer.packages.some((p) => p === '*' || p === spec || (p.endsWith('*') && spec.startsWith(p.slice(0, -1))) || spec.startsWith(`${p}/`));
}

export interface Finding { file: string; line: number; message: string }

/** Imports that cross the table: into a layer not listed, of a package not listed, or of a file outside every layer. */
export function layerViolations(files: Files, layers: readonly Layer[]): Finding[] {
  const out: Finding[] = [];
  for (const [file, source] of files) {
    const own = layerOf(layers, file);
    if (!own) { out.push({ file, line: 1, message: 'belongs to no layer of the table' }); continue; }
    for (const imp of importsOf(file, source)) {
      if (imp.external) {
        if (!packageAllowed(own, imp.to)) out.push({ file, line: imp.line, message: `${own.name} may not import the package '${imp.to}'` });
        continue;
      }
      const other = layerOf(layers, imp.to);
      if (!other) out.push({ file, line: imp.line, message: `imports ${imp.to}, which belongs to no layer` });
      else if (other !== own && !own.mayImport.includes(other.name)) out.push({ file, line: imp.line, message: `${own.name} may not import ${other.name} (${imp.to})` });
    }
  }
  return out;
}

/** Every import circle among the files (strongly connected groups), each as one closed path `a -> b -> a`. */
export function importCircles(files: Files): string[][] {
  const edges = new Map<string, string[]>();
  for (const [file, source] of files) edges.set(file, importsOf(file, source).filter((i) => !i.external && files.has(i.to)).map((i) => i.to));
  // Tarjan's algorithm, iterative-free: the graph is a few hundred files, recursion depth is fine.
  let index = 0;
  const idx = new Map<string, number>(), low = new Map<string, number>(), on = new Set<string>(), stack: string[] = [];
  const groups: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); group.push(w); } while (w !== v);
      if (group.length > 1 || (edges.get(v) ?? []).includes(v)) groups.push(group);
    }
  };
  for (const f of [...files.keys()].sort()) if (!idx.has(f)) visit(f);
  return groups.map((g) => closedPath(g, edges));
}

/** A shortest closed path through the group's first file (breadth first inside the group). */
function closedPath(group: string[], edges: Map<string, string[]>): string[] {
  const inGroup = new Set(group);
  const start = [...group].sort()[0];
  const prev = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const w of edges.get(queue[i]) ?? []) {
      if (!inGroup.has(w)) continue;
      if (w === start) {
        const out = [start];
        for (let v = queue[i]; v !== start; v = prev.get(v)!) out.splice(1, 0, v);
        return [...out, start];
      }
      if (!prev.has(w)) { prev.set(w, queue[i]); queue.push(w); }
    }
  }
  return [...group, group[0]];
}

/** What the pure rules must not touch: the clock, chance, timers, the process and I/O (logging included). */
const IMPURE_CALLS = ['Date.now', 'Math.random', 'performance.now'];
const IMPURE_NAMES = ['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'process', 'require', 'crypto', 'fetch', 'console'];
const IMPURE_MODULES = [/^node:/, /^(fs|net|http|https|http2|child_process|os|worker_threads|dgram|dns|tls|crypto|perf_hooks|timers|process|readline)(\/|$)/];

export interface Allowance { file: string; what: string; why: string }

/** Uses of the clock, chance, timers, the process or I/O modules in the given files, minus the allowances. */
export function impurities(files: Files, allow: readonly Allowance[] = []): Finding[] {
  const out: Finding[] = [];
  for (const [file, source] of files) {
    const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
    const report = (node: ts.Node, what: string) => {
      if (allow.some((a) => a.file === file && a.what === what)) return;
      out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, message: `uses ${what}` });
    };
    const walk = (node: ts.Node) => {
      if (ts.isNewExpression(node) && node.expression.getText(sf) === 'Date' && !node.arguments?.length) {
        report(node, 'new Date()');
      } else if (ts.isPropertyAccessExpression(node)) {
        const text = `${node.expression.getText(sf)}.${node.name.text}`;
        if (IMPURE_CALLS.includes(text)) report(node, text);
      } else if (ts.isIdentifier(node) && IMPURE_NAMES.includes(node.text)) {
        const p = node.parent;
        const isName = (ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isPropertyAssignment(p) && p.name === node)
          || (ts.isPropertySignature(p) && p.name === node) || (ts.isMethodDeclaration(p) && p.name === node);
        if (!isName) report(node, node.text);
      }
      ts.forEachChild(node, walk);
    };
    walk(sf);
    for (const imp of importsOf(file, source)) {
      if (imp.external && IMPURE_MODULES.some((r) => r.test(imp.to))) {
        if (!allow.some((a) => a.file === file && a.what === imp.to)) out.push({ file, line: imp.line, message: `imports '${imp.to}'` });
      }
    }
  }
  return out;
}

const CONTAINERS = ['Map', 'Set', 'WeakMap', 'WeakSet'];

/**
 * State a module keeps between calls: a top-level `let` or `var`, a top-level constant that is
 * a container (`new Map()`, `new Set()`, their weak kinds, an empty array literal to be filled),
 * or one whose fields the file assigns (`last.answer = …`),
 * minus the allowances (`what`: the binding's name). The rules may hold only tables built once at
 * load and memos of pure functions keyed by their inputs; each is named where this is called.
 */
export function moduleState(files: Files, allow: readonly Allowance[] = []): Finding[] {
  const out: Finding[] = [];
  for (const [file, source] of files) {
    const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
    const constants = new Map<string, ts.VariableDeclaration>();
    const report = (name: string, d: ts.Node) => {
      if (allow.some((a) => a.file === file && a.what === name)) return;
      out.push({ file, line: sf.getLineAndCharacterOfPosition(d.getStart()).line + 1, message: `keeps module state '${name}'` });
    };
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      const mutable = !(st.declarationList.flags & ts.NodeFlags.Const);
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        const container = init !== undefined && ((ts.isNewExpression(init) && CONTAINERS.includes(init.expression.getText(sf)))
          || (ts.isArrayLiteralExpression(init) && init.elements.length === 0));
        const name = d.name.getText(sf);
        if (!mutable && !container) { constants.set(name, d); continue; }
        report(name, d);
      }
    }
    // A top-level constant whose fields are assigned somewhere in the file is a holder of state too.
    const walk = (node: ts.Node) => {
      if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
        let target: ts.Expression = node.left;
        while (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) target = target.expression;
        const d = target !== node.left && ts.isIdentifier(target) ? constants.get(target.text) : undefined;
        if (d) { constants.delete(target.getText(sf)); report(target.getText(sf), d); }
      }
      ts.forEachChild(node, walk);
    };
    walk(sf);
  }
  return out;
}

/**
 * The layer table from docs/architecture.md: the markdown table under the heading "Layers", read
 * by its columns `layer`, `files`, `may import` and `packages` (others, like `holds`, are for
 * people); lists are separated by commas, `-` for none.
 */
export function parseLayerTable(markdown: string): Layer[] {
  const start = markdown.search(/^## Layers\s*$/m);
  if (start < 0) throw new Error('no "## Layers" section');
  const rest = markdown.slice(start).split('\n').slice(1);
  const end = rest.findIndex((l) => l.startsWith('## '));
  const table = (end < 0 ? rest : rest.slice(0, end)).filter((l) => l.startsWith('|'));
  const cells = (row: string) => row.split('|').slice(1, -1).map((c) => c.trim());
  const header = cells(table[0] ?? '');
  const col = (name: string) => {
    const k = header.indexOf(name);
    if (k < 0) throw new Error(`the layer table has no column "${name}"`);
    return k;
  };
  const [name, files, may, packages] = ['layer', 'files', 'may import', 'packages'].map(col);
  const list = (cell: string) => cell.split(',').map((x) => x.trim().replace(/`/g, '')).filter((x) => x && x !== '-');
  return table.slice(2).map((row) => {
    const c = cells(row);
    return { name: c[name].replace(/`/g, ''), files: list(c[files]), mayImport: list(c[may]), packages: list(c[packages]) };
  });
}
