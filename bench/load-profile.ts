import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface Profile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] }

/** Where a function lives, coarsely: which library or which layer of ours. */
function area(url: string, name: string): string {
  if (name === '(garbage collector)') return 'garbage collector';
  if (name === '(idle)') return 'idle';
  if (name === '(program)') return 'native (program)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const ours = /\/(server\/[^/]+|shared|client\/[^/]+)\//.exec(url);
  if (ours) return ours[1];
  if (url.startsWith('node:')) return url.split('/')[0].replace(/:.*/, ':internal');
  return url ? 'other' : 'native';
}

/**
 * Summarise each .cpuprofile Node wrote into `dir` (one per process: with WORKERS > 1 the primary
 * and each worker write their own), largest first: self time by area and the top functions, busy time only.
 */
export function summarizeProfile(dir: string, top = 12): string {
  const files = profiles(dir);
  if (files.length === 0) return 'no profile written';
  const each = files.map((f) => ({ f, ...summarizeOne(path.join(dir, f), top) }));
  if (each.length === 1) return each[0].text;
  return each.sort((a, b) => b.busy - a.busy).map(({ f, text }) => `process ${f.split('.')[3] ?? f}:\n${text}`).join('\n');
}

/** Node names its profiles CPU.<date>.<time>.<pid>.<tid>.<seq>.cpuprofile. */
function profiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
}

function summarizeOne(file: string, top: number): { busy: number; text: string } {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const hits = new Map<number, number>();
  for (const id of p.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  let busy = 0;
  for (const [id, n] of hits) {
    const node = byId.get(id)!;
    const a = area(node.callFrame.url, node.callFrame.functionName);
    if (a === 'idle') continue;
    busy += n;
    areas.set(a, (areas.get(a) ?? 0) + n);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|shared|client)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + n);
  }
  const pct = (n: number) => `${((100 * n) / Math.max(1, busy)).toFixed(1)}%`.padStart(6);
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  const lines = [`busy samples: ${busy} of ${p.samples.length}`, 'self time by area:'];
  for (const [a, n] of sorted(areas).slice(0, top)) lines.push(`  ${pct(n)}  ${a}`);
  lines.push('top functions (self time):');
  for (const [f, n] of sorted(fns).slice(0, top)) lines.push(`  ${pct(n)}  ${f}`);
  return { busy, text: lines.join('\n') };
}

/** Copy the profiles out of the run's temporary directory into test-artifacts/, for a closer look. */
export function keepProfile(dir: string, name: string): string | null {
  const files = profiles(dir);
  if (files.length === 0) return null;
  const out = path.join('test-artifacts', 'profiles');
  mkdirSync(out, { recursive: true });
  const dests = files.map((f, i) => {
    const dest = path.join(out, `load-${name}${files.length > 1 ? `-${i}` : ''}.cpuprofile`);
    copyFileSync(path.join(dir, f), dest);
    return dest;
  });
  return dests.join(', ');
}
