import type { GameEvent } from './types.ts';
import type { RoleId } from '../roles.ts';
import type { Settings } from '../settings.ts';
import type { Outcome } from '../views.ts';

/**
 * A finished (or abandoned) game as it is kept and served at /api/games/:id: enough for anyone to
 * replay it with the rules in shared/game, which is what the browser's replay page does.
 */
export interface GameRecord {
  gameId: string;
  /** The machine version the game was played under; `replay` needs the same one. Absent in records written before it was kept. */
  machineVersion?: number;
  roomId: string;
  gameNo: number;
  settings: Settings;
  seed: number;
  players: { seat: number; name: string; bot: boolean; role: RoleId }[];
  outcome: Outcome;
  /** The room was closed mid-game (nobody connected): no winner; the events stop where play did. */
  abandoned?: true;
  startSnapshot: unknown;
  events: GameEvent[];
  startedAt: number;
  finishedAt: number;
}

export interface GameSummary {
  gameId: string;
  roomId: string;
  name: string;
  winner: Outcome['winner'];
  players: number;
  finishedAt: number;
}
