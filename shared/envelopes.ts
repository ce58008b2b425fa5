import type { GameView, Phase } from './views.ts';

/** A room as the lobby lists it. */
export interface RoomSummary {
  roomId: string;
  name: string;
  visibility: 'public' | 'private';
  phase: Phase;
  day: number;
  players: number;
  maxSeats: number;
  spectators: number;
  allowSpectators: boolean;
  host: string | null;
  gameNo: number;
}

/** What a seat gets back when it joins, creates or resumes: keep `token` to take the seat back later. */
export interface SeatGrant { roomId: string; code: string; seat: number; token: string }

/** The envelope of every view: `serverTime` lets a client correct its clock for countdowns. */
export interface RoomState {
  roomId: string;
  code: string;
  spectators: number;
  serverTime: number;
  view: GameView;
}

