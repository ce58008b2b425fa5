import type { SettingsPatch } from '../sdk/index.ts';
import type { CommandError, GameView, TimelineEntry } from '../sdk/index.ts';
import { Bot } from './bot.ts';
import type { Strategy } from './decision.ts';
import { mix } from './rng.ts';

/** Phase lengths for bot-only games: bots answer at once, so only the announcement pauses take time. */
export const FAST_DURATIONS = { night: 30, dawn: 1, day: 30, vote: 30, execution: 1, hunter: 10 };

export interface MatchOptions {
  url: string;
  players: number;
  strategy: Strategy;
  seed: number;
  thinkMs?: [number, number];
  settings?: SettingsPatch;
  timeoutMs?: number;
}

export interface MatchResult {
  roomId: string;
  winner: string;
  days: number;
  ms: number;
  errors: CommandError[];
  /** The public story of the game, as the host saw it at the end. */
  timeline: TimelineEntry[];
  /** The public setup the host's view showed at the end (what was dealt, counts only). */
  setup: GameView['setup'] | null;
}

/**
 * One whole game in a fresh private room: the first bot creates it (and so hosts it), the others
 * join by its invite code (a private room is not found by id) with `bot: true`, the host starts, and all play to the end over sockets.
 * A refused create, join or start throws its CommandError.
 */
export async function playMatch(o: MatchOptions): Promise<MatchResult> {
  const bots: Bot[] = [];
  const connect = (i: number) => Bot.connect(o.url, { strategy: o.strategy, seed: mix(o.seed, i), thinkMs: o.thinkMs }).then((b) => { bots.push(b); return b; });
  try {
    const host = await connect(0);
    const grant = await host.create('Host', { maxSeats: Math.max(5, o.players), visibility: 'private', durations: FAST_DURATIONS, ...o.settings });
    const guests = await Promise.all(Array.from({ length: o.players - 1 }, (_, i) => connect(i + 1)));
    for (const [i, b] of guests.entries()) await b.join({ code: grant.code }, `Bot ${i + 1}`, { bot: true });
    const started = Date.now();
    const over = host.gameOver(o.timeoutMs ?? 5 * 60_000);
    await host.client.request('game:start', {});
    const outcome = await over;
    return { roomId: grant.roomId, winner: outcome.winner, days: host.view?.day ?? 0, ms: Date.now() - started, errors: bots.flatMap((b) => b.errors), timeline: host.view?.timeline ?? [], setup: host.view?.setup ?? null };
  } finally {
    for (const b of bots) b.close();
  }
}
