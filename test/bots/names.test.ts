import { describe, expect, it } from 'vitest';
import { botName } from '../../server/bots/names.ts';

describe('bot names', () => {
  it('never copy a name someone in the room goes by, nor repeat a bot name', () => {
    expect(botName(['Ada'])).toBe('Bot Brie');
    expect(botName(['ada lovelace', 'Bot Brie'])).toBe('Bot Cato');
    expect(botName([])).toBe('Bot Ada');
    const taken: string[] = ['Cato'];
    for (let i = 0; i < 25; i++) taken.push(botName(taken));
    expect(new Set(taken.map((n) => n.toLowerCase())).size).toBe(taken.length);
    expect(taken.filter((n) => /\bcato\b/i.test(n))).toEqual(['Cato']);
  });
});
