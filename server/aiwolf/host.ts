import { type Ack, fail, ok } from '../../shared/errors.ts';
import type { BotHost } from '../net/handlers.ts';
import type { RoomRef } from '../rooms/ref.ts';
import type { Logger } from 'pino';
import { AiwolfBridge } from './bridge.ts';

/**
 * `bot:add { strategy: 'aiwolf' }`: the host opens one seat to an AIWolf agent, and the next agent
 * waiting at the bridge takes it (refused with room/full when none waits). Every other strategy
 * goes to the server's own bots. Without a bridge (AIWOLF_PORT unset) the strategy is refused.
 */
export function withAiwolf(bots: BotHost, bridge: AiwolfBridge | null): BotHost {
  return {
    async add(room: RoomRef, strategy) {
      if (strategy !== 'aiwolf') return bots.add(room, strategy);
      if (!bridge) return fail('input/invalid', 'This server has no AIWolf bridge (AIWOLF_PORT is not set).');
      const facts = await room.facts();
      if (facts.phase !== 'lobby' && facts.phase !== 'over') return fail('room/started');
      const res = await bridge.take(room.code, 1);
      return res.ok ? ok({ seat: res.data.seats[0] }) : (res as Ack<never>);
    },
    strategies: () => [...(bots.strategies?.() ?? ['random', 'smart']), ...(bridge ? ['aiwolf' as const] : [])],
    remove(room: RoomRef, seat: number) {
      return bridge?.owns(room.id, seat) ? bridge.release(room.id, seat) : bots.remove(room, seat);
    },
  };
}

/** The bridge the environment asks for (AIWOLF_PORT, AIWOLF_HOST, AIWOLF_PLAYERS), or null when it is off. */
/** The part of the configuration the bridge reads. */
export interface AiwolfConfig { aiwolfPort?: number; aiwolfHost: string; aiwolfPlayers: number }

export function aiwolfFor(config: AiwolfConfig, url: () => string, secret: string, log: Logger): AiwolfBridge | null {
  if (config.aiwolfPort === undefined) return null;
  const alog = log.child({ part: 'aiwolf' });
  return new AiwolfBridge({
    url, port: config.aiwolfPort, host: config.aiwolfHost, players: config.aiwolfPlayers,
    // The bridge is the server's own client: exempt from the per-address connection quota, like its bots.
    auth: { internal: secret },
    log: (msg, data) => alog.info(data ?? {}, msg),
  });
}
