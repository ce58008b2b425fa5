import { upgrade } from '../store/migrations.ts';
import type { StoredRoom } from '../store/types.ts';
import type { RoomDeps } from './ports.ts';
import { finishGame } from './records.ts';
import { Room, type RoomHooks } from './room.ts';

export interface Skipped { roomId: string; reason: string }

/**
 * Bring back every stored room after a restart: snapshot, then the logged events after it, then
 * its timer. A room that cannot be read, has a gap in its log, or was written by a machine
 * version with no migration is skipped and reported; it stays in the store untouched and the
 * server starts with the others.
 */
export async function restoreRooms(deps: RoomDeps, hooks: RoomHooks): Promise<{ rooms: Room[]; skipped: Skipped[] }> {
  const rooms: Room[] = [];
  const skipped: Skipped[] = [];
  const skip = (roomId: string, reason: string, err?: unknown) => {
    skipped.push({ roomId, reason });
    deps.log.error({ roomId, reason, err }, 'stored room not restored; it stays in the store untouched');
  };
  for (const stored of await deps.store.loadRooms((roomId, err) => skip(roomId, 'its stored row cannot be read', err))) {
    const r = await restoreRoom(deps, hooks, stored);
    if ('room' in r) rooms.push(r.room);
    else skip(stored.roomId, r.reason, r.err);
  }
  return { rooms, skipped };
}

/** Bring back one stored room: migrate if needed, replay its log tail, re-arm its timer. */
export async function restoreRoom(deps: RoomDeps, hooks: RoomHooks, stored: StoredRoom): Promise<{ room: Room } | { reason: string; err?: unknown }> {
  try {
    const up = upgrade(stored, await deps.store.events(stored.roomId, stored.snapshotSeq));
    if (!up.ok) return { reason: up.reason };
    const room = Room.restore(deps, hooks, up.room, up.tail.map((e) => e.event));
    afterRestore(deps, room, up.migrated);
    return { room };
  } catch (err) {
    return { reason: 'its snapshot and log could not be read or replayed', err };
  }
}

/**
 * Duties of a room just restored: a snapshot migrated to this machine version is written back at
 * once (later commits may not rewrite it), nobody is connected any more, and a game that ended
 * just before the server died gets its record (a second save of the same game is ignored).
 */
function afterRestore(deps: RoomDeps, room: Room, migrated: boolean): void {
  const fail = (what: string) => (err: unknown) => deps.log.error({ err, roomId: room.id }, what);
  if (migrated) {
    room.record = { ...room.record, snapshot: room.lastSnapshot, snapshotSeq: room.record.seq };
    void deps.store.commit(room.record, null).catch(fail('writing the migrated snapshot failed'));
  }
  for (const p of room.context.players) if (p.connected) void room.submit({ type: 'presence', seat: p.seat, connected: false });
  if (room.context.phase === 'over') room.keepRecord(finishGame(deps, room.record, room.context));
}
