import type { RoomEntry } from './directory.ts';
import type { Link } from './link.ts';

/**
 * The one lobby of a machine's workers, kept by the primary: every room's summary and invite code
 * as its owner reports them. A worker asks it for what lies beyond its own rooms.
 */
export class Lobby {
  private rooms = new Map<string, RoomEntry & { worker: number }>();
  private codes = new Map<string, string>();

  count(): number { return this.rooms.size; }
  roomOfCode(code: string): string | undefined { return this.codes.get(code); }

  /** Answer one worker's reports and questions; `relay` passes its lobby broadcasts to the other workers. */
  serve(link: Link, worker: number, relay: (event: string, payload: unknown) => void): void {
    link.onCast('room', (a) => this.set({ ...(a as RoomEntry), worker }));
    link.onCast('removed', (a) => this.drop((a as { roomId: string }).roomId));
    link.onCast('lobby', (a) => { const { event, payload } = a as { event: string; payload: unknown }; relay(event, payload); });
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
