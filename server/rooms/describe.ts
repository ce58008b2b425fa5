import type { RoomSummary } from '../../shared/protocol.ts';
import type { GameContext } from '../../shared/game/index.ts';
import type { RoomFacts } from './ref.ts';

/** A room as the lobby lists it. */
export function summaryOf(roomId: string, ctx: GameContext, spectators: number): RoomSummary {
  return {
    roomId,
    name: ctx.settings.name,
    visibility: ctx.settings.visibility,
    phase: ctx.phase,
    day: ctx.day,
    players: ctx.players.length,
    maxSeats: ctx.settings.maxSeats,
    spectators,
    allowSpectators: ctx.settings.allowSpectators,
    host: ctx.players.find((p) => p.seat === ctx.host)?.name ?? null,
    gameNo: ctx.gameNo,
  };
}

/** What the transport may ask of a room beyond its views (host checks, bot seats). */
export function factsOf(ctx: GameContext, closed: boolean): RoomFacts {
  return {
    closed,
    phase: ctx.phase,
    allowSpectators: ctx.settings.allowSpectators,
    visibility: ctx.settings.visibility,
    host: ctx.host,
    players: ctx.players.map((p) => ({ seat: p.seat, name: p.name, bot: p.bot })),
    maxSeats: ctx.settings.maxSeats,
  };
}
