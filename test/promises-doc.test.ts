import { describe, expect, it } from 'vitest';
import { readRepo as read, repoFiles } from './helpers/repo.ts';

// The room (P), supervision (S) and durability (D) promises are numbered in the docs, as the
// rules are (R, checked by test/game/rules-doc.test.ts); tests cite them at the start of their names.


const files = (dir: string) => repoFiles(dir, '.test.ts');

/** Where each kind of promise is written down. */
const DOCS: { prefix: 'P' | 'S' | 'D'; doc: string }[] = [
  { prefix: 'P', doc: 'docs/architecture.md' },
  { prefix: 'S', doc: 'docs/architecture.md' },
  { prefix: 'D', doc: 'docs/durability.md' },
];

/** Promise ids a doc defines: lines that start with `**D3.**`. */
function defined(prefix: string, text: string): string[] {
  return [...text.matchAll(new RegExp(`^\\*\\*(${prefix}\\d+)\\.\\*\\*`, 'gm'))].map((m) => m[1]);
}

/** Ids cited in the leading brackets of test names: `it('[S1] [S2] [H11] ...'` cites S1 and S2. */
function cited(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(?:it|describe)\(\s*[`'"]((?:\[[^\]]+\]\s*)+)/g)) {
    for (const id of m[1].matchAll(/\[([PSD]\d+)\]/g)) out.push(id[1]);
  }
  return out;
}

describe('the room, supervision and durability promises and their tests', () => {
  const tests = files('test').map((f) => ({ f, ids: cited(read(f)) }));
  const all = new Set(tests.flatMap((t) => t.ids));

  for (const { prefix, doc } of DOCS) {
    it(`every ${prefix} promise of ${doc} is numbered in order and cited by a test`, () => {
      const ids = defined(prefix, read(doc));
      expect(ids.length).toBeGreaterThan(3);
      expect(ids).toEqual(ids.map((_, i) => `${prefix}${i + 1}`));
      expect(ids.filter((id) => !all.has(id))).toEqual([]);
    });
  }

  it('every promise a test cites is written down', () => {
    const known = new Set(DOCS.flatMap(({ prefix, doc }) => defined(prefix, read(doc))));
    for (const t of tests) expect(t.ids.filter((id) => !known.has(id)), t.f).toEqual([]);
  });

  it('the reader finds ids only in the leading brackets of a test name', () => {
    expect(cited("it('[D3] [H11] restores', () => {}); it('mentions [D4] later', () => {}); describe(`[S1] crash`, () => {});")).toEqual(['D3', 'S1']);
  });
});
