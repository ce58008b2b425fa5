import { afterEach, describe, expect, it } from 'vitest';
import { Bot } from '../../client/bot/bot.ts';
import { smart } from '../../client/bot/strategies/index.ts';
import { WerewolfClient } from '../../client/sdk/index.ts';
import type { GameRecord } from '../../server/store/types.ts';
import { killAll } from '../helpers/process.ts';
import { FAST, restartableServer } from '../helpers/durability/restartable.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0)) await f();
  await killAll();
});

async function waitFor(test: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Seat-bound moves a player sends; none may appear in a seat whose owner sent none. */
const MOVES = new Set(['night.act', 'day.ready', 'vote.cast', 'hunter.shoot', 'chat.send', 'room.settings', 'room.kick', 'room.host', 'game.start', 'game.reset']);

describe('[H11.3] bots after a restart', () => {
  it('[D9] only the bots the server hosts are resumed by it, with their own strategy; an outside bot:true seat gets no command it did not send', { timeout: 90_000 }, async () => {
    const server = await restartableServer((f) => cleanups.push(f), { LOG_LEVEL: 'info' });
    const ada = await Bot.connect(server.url, { strategy: smart, seed: 3, client: { socket: { reconnectionDelay: 100, reconnectionDelayMax: 300 } } });
    // An outside client that joins with bot: true and then never sends anything again, nor resumes.
    const outsider = new WerewolfClient(server.url, { autoResume: false, socket: { transports: ['websocket'], forceNew: true, reconnection: false } });
    cleanups.unshift(() => { ada.close(); outsider.close(); });
    const grant = await ada.create('Ada', { maxSeats: 6, durations: FAST.durations });
    const hosted: number[] = [];
    for (let i = 0; i < 3; i++) hosted.push((await ada.client.request('bot:add', { strategy: 'random' })).seat);
    await outsider.connected();
    const out = (await outsider.request('room:join', { roomId: grant.roomId, name: 'Outsider', bot: true })).seat;
    await waitFor(() => ada.view?.players.length === 5 && ada.view.players.every((p) => p.connected), 10_000, 'five connected seats');

    await server.crashAndRestart();
    await waitFor(() => {
      const ps = ada.view?.players ?? [];
      return ps.filter((p) => hosted.includes(p.seat) && p.connected).length === 3 && ps.some((p) => p.seat === grant.seat && p.connected);
    }, 15_000, 'the hosted bots and Ada back in their seats');
    // Give a wrongful adoption time to happen: the outside seat stays as its owner left it.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(ada.view!.players.find((p) => p.seat === out)).toMatchObject({ bot: true, connected: false });
    const resumed = server.proc.output().split('\n').filter((l) => l.includes('hosted bot resumed')).map((l) => JSON.parse(l) as { seat: number; strategy: string });
    expect(resumed.map((r) => [r.seat, r.strategy]).sort()).toEqual(hosted.map((s) => [s, 'random']).sort());

    // A game, to the end: every command in the outside seat would be one it never sent.
    const over = ada.gameOver(60_000);
    await ada.client.request('game:start', {});
    await over;
    let record: GameRecord | undefined;
    await waitFor(async () => {
      const games = (await (await fetch(`${server.url}/api/games?player=Ada`)).json()) as { games: { gameId: string }[] };
      if (!games.games[0]) return false;
      record = ((await (await fetch(`${server.url}/api/games/${games.games[0].gameId}`)).json()) as { game: GameRecord }).game;
      return true;
    }, 5_000, 'the game record');
    const inSeat = (seat: number) => record!.events.filter((e) => MOVES.has(e.type) && (e as { seat?: number }).seat === seat);
    expect(inSeat(out)).toEqual([]);
    for (const s of hosted) expect(inSeat(s).length, `hosted bot ${s} played`).toBeGreaterThan(0);
  });
});
