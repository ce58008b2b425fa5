/**
 * mulberry32: a tiny, fast, seedable PRNG whose whole state is one 32-bit integer, so it lives in
 * the machine's context and travels with every snapshot.
 */
export function nextRandom(state: number): [value: number, state: number] {
  const s = (state + 0x6d2b79f5) | 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, s];
}

export function randomInt(state: number, n: number): [value: number, state: number] {
  const [v, s] = nextRandom(state);
  return [Math.floor(v * n), s];
}

export function shuffle<T>(items: readonly T[], state: number): [T[], number] {
  const out = items.slice();
  let s = state;
  for (let i = out.length - 1; i > 0; i--) {
    let j: number;
    [j, s] = randomInt(s, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return [out, s];
}

export function pick<T>(items: readonly T[], state: number): [T, number] {
  const [i, s] = randomInt(state, items.length);
  return [items[i], s];
}
