import { Bot } from '../../../client/bot/bot.ts';
import type { Strategy } from '../../../client/bot/decision.ts';
import { FAST_DURATIONS } from '../../../client/bot/match.ts';
import { smart } from '../../../client/bot/strategies/index.ts';

/** A room of `n` bots, the first one its host, not started yet; close them when done. */
export async function botRoom(url: string, n: number, strategy: (i: number) => Strategy = () => smart): Promise<{ bots: Bot[]; roomId: string; code: string }> {
  const bots = await Promise.all(Array.from({ length: n }, (_, i) => Bot.connect(url, { strategy: strategy(i), seed: 7 + i, client: { socket: { reconnectionDelay: 50, reconnectionDelayMax: 200 } } })));
  const grant = await bots[0].create('Host', { maxSeats: Math.max(5, n), durations: FAST_DURATIONS });
  for (const [i, b] of bots.slice(1).entries()) await b.join({ roomId: grant.roomId }, `Bot ${i + 1}`, { bot: true });
  return { bots, roomId: grant.roomId, code: grant.code };
}

/** Resolves when `test` holds for the bot's view, checked on every change; rejects after `ms`. */
export function until(bot: Bot, test: () => boolean, ms = 20_000): Promise<void> {
  if (test()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => { off(); reject(new Error('condition not met in time')); }, ms);
    const off = bot.client.on('state', () => { if (test()) { clearTimeout(t); off(); resolve(); } });
  });
}
