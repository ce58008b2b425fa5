import type { RoomEntry } from './directory.ts';
import type { Link } from './link.ts';

/**
 * The one lobby of a machine's workers, kept by the primary: every room's summary and invite code
 * as its owner reports them. A worker asks it for what lies beyond its own rooms.
 */
export class Lobby {
  private rooms = new Map<string, RoomEntry & { worker: number }>();
  private codes = new Map<string, string>();
  /** Workers with a lobby watcher: only they need the other workers' lobby broadcasts. */
  private watched = new Set<number>();

  watching(worker: number): boolean { return this.watched.has(worker); }

  count(): number { return this.rooms.size; }
  roomOfCode(code: string): string | undefined { return this.codes.get(code); }

  /**
   * Answer one worker's reports and questions. `relay` passes the lobby broadcasts a report
   * implies to the other workers' watchers: a public room's summary, or the removal of a room
   * that was public (a private room's id never reaches a watcher). The worker tells its own
   * watchers the same from the same rule (server/app.ts), so it sends a report, not a broadcast too.
   */
  serve(link: Link, worker: number, relay: (event: string, payload: unknown) => void): void {
    this.watched.delete(worker); // a (re)started worker has no watchers yet
    link.onCast('room', (a) => {
      const entry = a as RoomEntry;
      const was = this.rooms.get(entry.roomId);
      this.set({ ...entry, worker });
      if (entry.summary.visibility === 'public') relay('lobby:room', { room: entry.summary });
      else if (was?.summary.visibility === 'public') relay('lobby:room-removed', { roomId: entry.roomId });
    });
    link.onCast('removed', (a) => {
      const { roomId } = a as { roomId: string };
      const was = this.rooms.get(roomId);
      this.drop(roomId);
      if (was?.summary.visibility === 'public') relay('lobby:room-removed', { roomId });
    });
    link.onCast('watching', (a) => { if ((a as { on: boolean }).on) this.watched.add(worker); else this.watched.delete(worker); });
    link.handle('ping', () => null);
    link.handle('count', () => this.rooms.size);
    link.handle('invite', (a) => this.entry(this.codes.get((a as { code: string }).code)));
    link.handle('publicSummaries', () => [...this.rooms.values()].filter((r) => r.summary.visibility === 'public').map((r) => r.summary));
    link.handle('publicSummary', (a) => {
      const r = this.rooms.get((a as { roomId: string }).roomId);
      return r?.summary.visibility === 'public' ? r.summary : null;
    });
    // A (re)started worker lists its rooms: the ones it had before and no longer has are gone.
    link.handle('sync', (a) => {
      const now = new Set((a as { rooms: RoomEntry[] }).rooms.map((r) => r.roomId));
      for (const r of (a as { rooms: RoomEntry[] }).rooms) this.set({ ...r, worker });
      for (const r of [...this.rooms.values()]) {
        if (r.worker !== worker || now.has(r.roomId)) continue;
        this.drop(r.roomId);
        if (r.summary.visibility === 'public') relay('lobby:room-removed', { roomId: r.roomId });
      }
      return null;
    });
  }

  private entry(roomId: string | undefined): RoomEntry | null {
    const r = roomId ? this.rooms.get(roomId) : undefined;
    return r ? { roomId: r.roomId, code: r.code, summary: r.summary } : null;
  }

  private set(r: RoomEntry & { worker: number }): void {
    this.rooms.set(r.roomId, r);
    this.codes.set(r.code, r.roomId);
  }

  private drop(roomId: string): void {
    const r = this.rooms.get(roomId);
    if (!r) return;
    this.rooms.delete(roomId);
    if (this.codes.get(r.code) === roomId) this.codes.delete(r.code);
  }
}
