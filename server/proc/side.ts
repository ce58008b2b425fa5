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
  /** This worker has lobby watchers (or no longer has any): only then does it need the others' lobby broadcasts. */
  lobbyWatched(on: boolean): void;
  /** The other workers' lobby broadcasts (which the primary derives from their rooms' reports), for this worker's watchers. */
  onLobby(fn: (event: string, payload: unknown) => void): void;
  health(): Promise<Record<string, unknown>>;
  /** /metrics of every worker together. */
  metricsText(): Promise<string>;
  /** The per-address quotas, kept by the primary for every worker (server/proc/quotas.ts). */
  quotas(limits: Limits, log: Logger): QuotaPort;
}

export function workerSide(primary: Link, worker: number, workers: number, newId: () => string): WorkerSide {
  // What the primary was last told of each room: most changes a room reports (a connection, a
  // presence) leave its summary as it was, and an unchanged one is not sent again.
  const told = new Map<string, string>();
  return {
    newRoomId: () => roomIdFor(worker, workers, newId),
    directory: (local, maxRooms) => new WorkerDirectory(local, primary, worker, workers, maxRooms),
    roomChanged: (summary, code) => {
      const entry = { roomId: summary.roomId, code, summary };
      const json = JSON.stringify(entry);
      if (told.get(summary.roomId) === json) return;
      told.set(summary.roomId, json);
      primary.cast('room', entry);
    },
    roomRemoved: (roomId) => { told.delete(roomId); primary.cast('removed', { roomId }); },
    lobbyWatched: (on) => primary.cast('watching', { on }),
    onLobby: (fn) => primary.onCast('lobby', (a) => { const { event, payload } = a as { event: string; payload: unknown }; fn(event, payload); }),
    health: async () => ({ worker, pid: process.pid, ...(await primary.request<Record<string, unknown>>('health').catch(() => ({}))) }),
    metricsText: () => primary.request<string>('metrics', null, 5_000),
    quotas: (limits, log) => new WorkerQuotas(primary, limits, log),
  };
}
