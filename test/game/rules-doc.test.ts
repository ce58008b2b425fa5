import { describe, expect, it } from 'vitest';
import { readRepo as read, repoFiles } from '../helpers/repo.ts';


const files = (dir: string) => repoFiles(dir, '.ts');

/** Rule numbers cited in a text: R7, and ranges such as R20–R29 expanded. */
function cited(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\bR(\d+)(?:\s*[–-]\s*R(\d+))?\b/g)) {
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    for (let r = from; r <= to; r++) out.push(r);
  }
  return out;
}

const documented = new Set([...read('docs/rules.md').matchAll(/^\*\*R(\d+)\./gm)].map((m) => Number(m[1])));

describe('docs/rules.md, the code and the tests agree', () => {
  it('every rule of docs/rules.md has a test citing it by number', () => {
    const tested = new Set<number>();
    for (const f of files('test/game')) {
      for (const m of read(f).matchAll(/\bit\(\s*[`'"]((?:\[R\d+\]\s*)+)/g)) for (const r of cited(m[1])) tested.add(r);
    }
    expect([...documented].filter((r) => !tested.has(r))).toEqual([]);
  });

  it('every rule number cited by the rules code and the shared types is in docs/rules.md', () => {
    for (const f of files('shared')) {
      const unknown = cited(read(f)).filter((r) => !documented.has(r));
      expect(unknown, f).toEqual([]);
    }
  });
});
