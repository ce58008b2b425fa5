import type { RoomSummary } from '../../shared/protocol.ts';
import type { Settings } from '../../shared/settings.ts';
import type { LocalDirectory } from '../rooms/directory.ts';
import { type RoomDirectory, RoomElsewhere, type RoomRef } from '../rooms/ref.ts';

export { RoomElsewhere };
import type { Link } from './link.ts';
import { workerOf } from './placement.ts';

/** What the primary knows of a room from its owner: enough for the lobby, the invite codes and the room limit. */
export interface RoomEntry { roomId: string; code: string; summary: RoomSummary }

/**
 * The directory of one worker: its own rooms are local; any other room is found through the
 * primary, which keeps every worker's room summaries and invite codes (the one lobby).
 */
export class WorkerDirectory implements RoomDirectory {
  constructor(
    private local: LocalDirectory,
    private primary: Link,
    private worker: number,
    private workers: number,
    private maxRooms: number,
  ) {}

  private mine(roomId: string): boolean { return workerOf(roomId, this.workers) === this.worker; }

  async get(roomId: string): Promise<RoomRef | null> {
    // The owner follows from the id alone: saying "elsewhere" reveals nothing about whether the room exists.
    if (!this.mine(roomId)) throw new RoomElsewhere(roomId);
    return this.local.get(roomId);
  }

  async byInvite(code: string): Promise<RoomRef | null> {
    const here = await this.local.byInvite(code);
    if (here) return here;
    const entry = await this.primary.request<RoomEntry | null>('invite', { code: code.trim().toUpperCase() });
    if (!entry || this.mine(entry.roomId)) return null;
    throw new RoomElsewhere(entry.roomId);
  }

  accepting(): boolean { return this.local.accepting(); }

  /** Created here, in the worker of the connection that asks; the room limit counts every worker's rooms. */
  async create(settings: Settings): Promise<RoomRef | null> {
    if ((await this.primary.request<number>('count')) >= this.maxRooms) return null;
    const room = await this.local.create(settings);
    // The room was announced to the primary as it was made (a cast); the channel keeps order, so once
    // this ping is answered the primary knows the code before the creator hears it, and a join by
    // that code on any worker finds the room.
    if (room) await this.primary.request('ping').catch(() => {});
    return room;
  }

  publicSummaries(): Promise<RoomSummary[]> { return this.primary.request('publicSummaries'); }
  publicSummary(roomId: string): Promise<RoomSummary | null> { return this.primary.request('publicSummary', { roomId }); }

  async summaryByInvite(code: string): Promise<RoomSummary | null> {
    const entry = await this.primary.request<RoomEntry | null>('invite', { code: code.trim().toUpperCase() });
    return entry?.summary ?? null;
  }
}
