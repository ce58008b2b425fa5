import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { follower } from '../../client/bot/example.ts';
import { smart } from '../../client/bot/strategies/index.ts';
import { playSim } from '../../client/bot/sim.ts';

describe('the example bot of docs/bots.md', () => {
  it('is printed in the docs exactly as it is in client/bot/example.ts', () => {
    const code = readFileSync(new URL('../../client/bot/example.ts', import.meta.url), 'utf8');
    const doc = readFileSync(new URL('../../docs/bots.md', import.meta.url), 'utf8');
    const body = code.slice(code.indexOf('import { Bot }'));
    expect(doc).toContain(body.trim());
  });

  it('plays whole games next to smart bots', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const r = playSim({ players: 9, seed, strategy: smart, seatStrategy: (s) => (s % 3 === 0 ? follower : smart) });
      expect(r.outcome?.winner).toBeTruthy();
    }
  });
});
