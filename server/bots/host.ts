import type { Logger } from 'pino';
import { type Ack, fail, ok } from '../../shared/errors.ts';
import { Bot } from '../../client/bot/bot.ts';
import { STRATEGIES, type StrategyName } from '../../client/bot/strategies/index.ts';
import type { BotHost } from '../net/handlers.ts';
import type { RoomFacts, RoomRef } from '../rooms/ref.ts';
import type { Room } from '../rooms/room.ts';
import { botName } from './names.ts';

export interface BotHostOptions {
  /** The server's own address, e.g. http://127.0.0.1:3000; asked for once the server listens. */
  url: () => string;
  /** Most bot seats one room may hold (config.botsPerRoom). */
  perRoom: number;
  /** Think time of a bot before it answers, in ms (a human pace by default; tests use 0). */
  thinkMs?: [number, number];
  log?: Logger;
  /** The server's internal secret (App.internalSecret): its own bots are exempt from per-address quotas. */
  secret?: string;
}

const inGame = (facts: RoomFacts) => facts.phase !== 'lobby' && facts.phase !== 'over';

/**
 * Fills seats with bots that run inside the server process but play as any client does: each is
 * a socket.io-client connection to the server's own address, joining by invite code with
 * `bot: true`, so every command goes through validation, the room queue and the views.
 */
export class InProcessBots implements BotHost {
  private rooms = new Map<string, Map<number, Bot>>();

  constructor(private opts: BotHostOptions) {}

  /** Bots currently running, all rooms together. */
  get size(): number {
    let n = 0;
    for (const seats of this.rooms.values()) n += seats.size;
    return n;
  }

  /**
   * The seat is taken by the host itself, with `hosted` in the join command, so the room stores
   * who runs the bot and its strategy in the same commit (adopt reads it after a restart); the
   * bot then sits down with the seat's token, as after any reconnect, and plays over the protocol.
   */
  async add(room: RoomRef, strategy: StrategyName): Promise<Ack<{ seat: number }>> {
    const facts = await room.facts();
    if (inGame(facts)) return fail('room/started');
    if (facts.players.filter((p) => p.bot).length >= this.opts.perRoom) return fail('room/full', `A room holds at most ${this.opts.perRoom} bots.`);
    if (facts.players.length >= facts.maxSeats) return fail('room/full');
    const joined = await room.submit({ type: 'join', name: botName(facts.players.map((p) => p.name)), bot: true, hosted: strategy });
    if (!joined.ok) return joined;
    const { seat, token } = joined.data as { seat: number; token: string };
    let bot: Bot | null = null;
    try {
      bot = await this.start(strategy);
      const res = await bot.client.send('room:resume', { token });
      if (!res.ok) throw new Error(res.error.code);
    } catch (err) {
      bot?.close();
      this.opts.log?.error({ err, roomId: room.id, seat }, 'a bot could not take its seat');
      // Nobody would play the seat: give it back.
      await room.submit({ type: 'game', event: { type: 'room.leave', seat } });
      return fail('server/internal', 'The bot could not connect.');
    }
    this.track(room.id, seat, bot);
    return ok({ seat });
  }

  /** In the lobby a removed bot leaves; during a game it stays to the end, as anyone must. */
  async remove(room: RoomRef, seat: number): Promise<Ack<Record<string, never>>> {
    if (inGame(await room.facts())) return fail('room/started', 'A bot stays in its seat until the game is over.');
    const bot = this.rooms.get(room.id)?.get(seat);
    if (!bot) {
      // A bot seat with no bot behind it (e.g. it could not be taken back after a restart).
      const ack = await room.submit({ type: 'game', event: { type: 'room.leave', seat } });
      return ack.ok ? ok({}) : ack;
    }
    this.untrack(room.id, seat);
    const res = await bot.client.send('room:leave', {});
    bot.close();
    return res.ok ? ok({}) : res;
  }

  /**
   * After a restart: take back the seats of the bots this server hosted, with their stored token
   * and strategy, over the protocol. Other `bot: true` seats belong to outside clients, which
   * resume them themselves.
   */
  async adopt(rooms: Room[]): Promise<number> {
    let n = 0;
    for (const room of rooms) {
      for (const [key, strategy] of Object.entries(room.record.hostedBots ?? {})) {
        const seat = Number(key);
        const p = room.context.players.find((x) => x.seat === seat);
        if (!p || !p.bot || p.left || this.rooms.get(room.id)?.has(seat)) continue;
        const token = Object.entries(room.record.seats).find(([, s]) => s === seat)?.[0];
        if (!token) continue;
        try {
          const bot = await this.start(strategy as StrategyName);
          const res = await bot.client.send('room:resume', { token });
          if (!res.ok) { bot.close(); continue; }
          this.track(room.id, seat, bot);
          this.opts.log?.info({ roomId: room.id, seat, strategy }, 'hosted bot resumed');
          n++;
        } catch (err) {
          this.opts.log?.warn({ err, roomId: room.id, seat }, 'a bot seat could not be taken back');
        }
      }
    }
    return n;
  }

  /** Disconnect every bot (on shutdown). */
  close(): void {
    for (const seats of this.rooms.values()) for (const bot of seats.values()) bot.close();
    this.rooms.clear();
  }

  private start(strategy: StrategyName): Promise<Bot> {
    return Bot.connect(this.opts.url(), {
      strategy: STRATEGIES[strategy] ?? STRATEGIES.smart,
      thinkMs: this.opts.thinkMs ?? [800, 2500],
      client: { socket: { reconnectionDelay: 200, reconnectionDelayMax: 2000, ...(this.opts.secret ? { auth: { internal: this.opts.secret } } : {}) } },
    });
  }

  private track(roomId: string, seat: number, bot: Bot): void {
    let seats = this.rooms.get(roomId);
    if (!seats) this.rooms.set(roomId, (seats = new Map()));
    seats.set(seat, bot);
    bot.on('gone', () => { if (this.rooms.get(roomId)?.get(seat) === bot) this.untrack(roomId, seat); bot.close(); });
    bot.on('error', (err) => this.opts.log?.warn({ err: err.message, roomId, seat }, 'bot command refused'));
  }

  private untrack(roomId: string, seat: number): void {
    const seats = this.rooms.get(roomId);
    seats?.delete(seat);
    if (seats?.size === 0) this.rooms.delete(roomId);
  }
}

/** The address a server process's own bots connect to: loopback on the port it listens on. */
export function ownUrl(address: ReturnType<import('node:http').Server['address']>): string {
  if (!address || typeof address === 'string') throw new Error('the server is not listening on a TCP port');
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
