import type { RoomSummary } from '../../shared/protocol.ts';
import type { LocalDirectory } from '../rooms/directory.ts';
import type { RoomDirectory } from '../rooms/ref.ts';
import { WorkerDirectory } from './directory.ts';
import type { Logger } from 'pino';
import type { QuotaPort } from '../net/quotas.ts';
import type { Limits } from '../net/ratelimit.ts';
import type { Link } from './link.ts';
import { roomIdFor } from './placement.ts';
import { WorkerQuotas } from './quotas.ts';

/** What createApp needs to be one worker of several: its placement and its link to the primary's lobby. */
export interface WorkerSide {
  newRoomId(): string;
  directory(local: LocalDirectory, maxRooms: number): RoomDirectory;
  /** A room of this worker was made, changed or restored; the primary keeps its summary and invite code. */
  roomChanged(room: RoomSummary, code: string): void;
  roomRemoved(roomId: string): void;
  /** A lobby broadcast of this worker, for the other workers' lobby watchers. */
  lobbyCast(event: string, payload: unknown): void;
  /** The other workers' lobby broadcasts, for this worker's watchers. */
  onLobby(fn: (event: string, payload: unknown) => void): void;
  health(): Promise<Record<string, unknown>>;
  /** /metrics of every worker together. */
  metricsText(): Promise<string>;
  /** The per-address quotas, kept by the primary for every worker (server/proc/quotas.ts). */
  quotas(limits: Limits, log: Logger): QuotaPort;
}

export function workerSide(primary: Link, worker: number, workers: number, newId: () => string): WorkerSide {
  return {
    newRoomId: () => roomIdFor(worker, workers, newId),
    directory: (local, maxRooms) => new WorkerDirectory(local, primary, worker, workers, maxRooms),
    roomChanged: (summary, code) => primary.cast('room', { roomId: summary.roomId, code, summary }),
    roomRemoved: (roomId) => primary.cast('removed', { roomId }),
    lobbyCast: (event, payload) => primary.cast('lobby', { event, payload }),
    onLobby: (fn) => primary.onCast('lobby', (a) => { const { event, payload } = a as { event: string; payload: unknown }; fn(event, payload); }),
    health: async () => ({ worker, pid: process.pid, ...(await primary.request<Record<string, unknown>>('health').catch(() => ({}))) }),
    metricsText: () => primary.request<string>('metrics', null, 5_000),
    quotas: (limits, log) => new WorkerQuotas(primary, limits, log),
  };
}
