import { NAME_MAX } from './limits.ts';

/**
 * Player names (docs/rules.md R5): normalized to NFKC and trimmed; refused when they hold control,
 * bidi-override or zero-width characters (they hide or reorder text on other players' screens);
 * and compared by a "skeleton" so that two names that look alike cannot sit in one room.
 */

// C0/C1 controls, zero-width and joiner characters, bidi marks, embeddings, overrides and isolates, BOM.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/u;

/** The name as stored and shown: NFKC, trimmed. */
export function normalizeName(raw: string): string {
  return raw.normalize('NFKC').trim();
}

/** Why a (normalized) name is refused, or null when it is fine. */
export function nameProblem(name: string): string | null {
  if (name.length < 1 || name.length > NAME_MAX) return `Names are 1 to ${NAME_MAX} characters.`;
  if (FORBIDDEN.test(name)) return 'Names may not hold control, direction-changing or invisible characters.';
  return null;
}

// Letters of other scripts (Cyrillic, Greek) and digits that look like Latin letters.
const LOOKALIKE: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'l', ї: 'l', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'l', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ϲ: 'c', ω: 'w',
  '0': 'o', '1': 'l', i: 'l', '|': 'l', '5': 's', $: 's', '@': 'a',
};

/** Plain ASCII: its own NFKC and NFD, with no combining marks. */
const ASCII = /^[\x00-\x7f]*$/;

/** Skeletons already computed, by name (see nameSkeleton). */
const SKELETONS_KEPT = 4096;
const skeletons = new Map<string, string>();

/**
 * What a name looks like, for comparison only: NFKC, case-folded, without diacritics or other
 * combining marks, look-alike letters mapped to one Latin letter (0/o, 1/l/I, Cyrillic а/a, …),
 * `rn` read as `m`, `vv` as `w`, spaces and separators collapsed away.
 */
export function nameSkeleton(name: string): string {
  // Every join compares the skeletons of all seated names, so each name's is kept (a pure function of
  // the string); the cache is emptied when full, so it stays small on a server of many rooms.
  let skeleton = skeletons.get(name);
  if (skeleton === undefined) {
    if (skeletons.size >= SKELETONS_KEPT) skeletons.clear();
    skeleton = skeletonOf(name);
    skeletons.set(name, skeleton);
  }
  return skeleton;
}

function skeletonOf(name: string): string {
  // ASCII is its own NFKC and NFD and has no marks: only its case to fold (each join compares every seated name).
  const folded = ASCII.test(name) ? name.toLowerCase() : name.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  let out = '';
  for (const ch of folded) out += LOOKALIKE[ch] ?? ch;
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/[\s_\-.·]+/gu, '');
}
