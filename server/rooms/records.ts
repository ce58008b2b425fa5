import { ABANDONED, Decider, gameMachine, type GameContext, type GameEvent, MACHINE_VERSION } from '../../shared/game/index.ts';
import type { Outcome } from '../../shared/views.ts';
import type { GameRecord, StoredRoom } from '../store/types.ts';
import type { RoomDeps } from './ports.ts';

/**
 * Keep a finished game as a record: settings, seed, players, roles, its events and its outcome;
 * marked `abandoned` when the rules ended it so (R16).
 */
export async function finishGame(deps: RoomDeps, room: StoredRoom, ctx: GameContext, abandoned = false): Promise<void> {
  if (!ctx.outcome) return;
  await keepGame(deps, room, ctx, ctx.outcome, room.updatedAt, abandoned);
}

/**
 * Keep a game the rules can no longer end (its room kept crashing and is being closed mid-game):
 * the same record as an abandoned game's, with no winner. Its events replay to where it stopped.
 */
export async function abandonGame(deps: RoomDeps, room: StoredRoom, ctx: GameContext): Promise<void> {
  await keepGame(deps, room, ctx, ABANDONED, deps.clock.now(), true);
}

async function keepGame(deps: RoomDeps, room: StoredRoom, ctx: GameContext, outcome: Outcome, finishedAt: number, abandoned = false): Promise<void> {
  if (!room.gameStart || ctx.seed === null) return;
  const logged = await deps.store.events(room.roomId, room.gameStart.seq);
  const events: GameEvent[] = logged.filter((e) => e.seq <= room.seq).map((e) => e.event);
  const record: GameRecord = {
    gameId: deps.newGameId(),
    machineVersion: MACHINE_VERSION,
    roomId: room.roomId,
    gameNo: ctx.gameNo,
    settings: ctx.settings,
    seed: ctx.seed,
    players: ctx.players.map((p) => ({ seat: p.seat, name: p.name, bot: p.bot, role: p.role! })),
    outcome,
    ...(abandoned ? { abandoned: true } : {}),
    startSnapshot: room.gameStart.snapshot,
    events,
    startedAt: events[0]?.now ?? room.updatedAt,
    finishedAt,
  };
  await deps.store.saveGame(record);
}

/** Replay a record from its start snapshot and events: the final context, bit for bit. */
export function replay(record: Pick<GameRecord, 'startSnapshot' | 'events'>): GameContext {
  const rules = new Decider(gameMachine);
  let snap = rules.restore(record.startSnapshot);
  for (const e of record.events) snap = rules.decide(snap, e).snapshot;
  return snap.context;
}
