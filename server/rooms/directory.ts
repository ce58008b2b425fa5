import type { RoomSummary } from '../../shared/protocol.ts';
import type { Settings } from '../../shared/settings.ts';
import type { RoomDirectory, RoomRef } from './ref.ts';
import type { Registry } from './registry.ts';

/** The directory of a single node: every room is local. */
export class LocalDirectory implements RoomDirectory {
  constructor(private registry: Registry, private opts: { newRoomId: () => string; accepting: () => boolean; created: () => void }) {}

  async get(roomId: string): Promise<RoomRef | null> {
    const room = this.registry.get(roomId);
    return room && !room.closed ? room : null;
  }

  async byInvite(code: string): Promise<RoomRef | null> {
    const room = this.registry.byInvite(code);
    return room && !room.closed ? room : null;
  }

  accepting(): boolean { return this.opts.accepting(); }

  async create(settings: Settings): Promise<RoomRef | null> {
    if (!this.opts.accepting()) return null;
    const room = this.registry.create(this.opts.newRoomId(), settings);
    if (room) this.opts.created();
    return room;
  }

  async publicSummaries(): Promise<RoomSummary[]> {
    return this.registry.all().filter((r) => !r.closed && r.context.settings.visibility === 'public').map((r) => r.summary());
  }

  async publicSummary(roomId: string): Promise<RoomSummary | null> {
    const room = this.registry.get(roomId);
    return room && !room.closed && room.context.settings.visibility === 'public' ? room.summary() : null;
  }

  async summaryByInvite(code: string): Promise<RoomSummary | null> {
    const room = this.registry.byInvite(code);
    return room && !room.closed ? room.summary() : null;
  }
}
