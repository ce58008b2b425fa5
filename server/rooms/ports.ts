import type { Logger } from 'pino';
import type { ServerToClientEvents } from '../../shared/protocol.ts';
import type { gameMachine } from '../../shared/game/index.ts';
import type { Store } from '../store/types.ts';
import type { Clock } from './clock.ts';
import type { Audience } from './audience.ts';

export type OutEvent = keyof ServerToClientEvents;
export type OutPayload<E extends OutEvent> = Parameters<ServerToClientEvents[E]>[0];

/** How a room speaks to the outside: by audience, never by socket (cluster-safe via the adapter). */
export interface Outbox {
  emit<E extends OutEvent>(roomId: string, audience: Audience | 'all', event: E, payload: OutPayload<E>): void;
}

/** Places in a room's step where a test may make it crash. */
export type FaultPoint = 'before-send' | 'after-send' | 'before-commit' | 'after-commit' | 'publish' | 'restart';

export interface FaultPort { at(point: FaultPoint, roomId: string): void }

export interface RoomMetrics {
  crash(roomId: string): void;
  restart(roomId: string): void;
  gameFinished(): void;
  command(name: string, seconds: number, ok: boolean): void;
}

export const noMetrics: RoomMetrics = { crash() {}, restart() {}, gameFinished() {}, command() {} };

export interface RoomDeps {
  clock: Clock;
  store: Store;
  outbox: Outbox;
  log: Logger;
  metrics: RoomMetrics;
  faults?: FaultPort;
  /** Tests swap in a machine with a faulty action; production uses the real one. */
  machine?: typeof gameMachine;
  newToken(): string;
  newSeed(): number;
  newGameId(): string;
  /** Before a game, how long a seat with no connection is kept (default 60 s). */
  seatGraceMs?: number;
  /** Write the snapshot every this many events (and at every phase change); the log holds the rest. */
  snapshotEvery?: number;
  /** After a restore from the store, no phase ends sooner than this (players reconnecting). */
  restoreGraceMs?: number;
  /**
   * A timer firing this much later than due means the process was stalled; every room then gets
   * the restore grace. Off when absent.
   */
  stallMs?: number;
}
