import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { RoomSummary } from '../../shared/protocol.ts';
import type { Settings } from '../../shared/settings.ts';
import type { RoomDeps } from './ports.ts';
import { restoreRoom, restoreRooms, type Skipped } from './restore.ts';
import type { StoredRoom } from '../store/types.ts';
import { Room, type RoomHooks } from './room.ts';
import { Supervisor, type Intensity } from './supervisor.ts';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** An invite code: 10 characters of a 31-letter alphabet, about 50 bits, typeable and unambiguous. */
export function inviteCode(): string {
  const bytes = randomBytes(10);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

export interface RegistryOptions {
  intensity: Intensity;
  /** How long an empty room, or one whose game is over and nobody is connected, is kept. */
  emptyGraceMs: number;
  maxRooms: number;
}

export interface RegistryEvents {
  summary(room: RoomSummary): void;
  removed(roomId: string): void;
}

/** Creates rooms, finds them by id or invite code, supervises them and disposes of abandoned ones. */
export class Registry {
  private rooms = new Map<string, Room>();
  private byCode = new Map<string, Room>();
  private emptySince = new Map<string, number>();
  readonly supervisor: Supervisor;
  /** Stored rooms the last restore left out, and why. */
  skipped: Skipped[] = [];
  private hooks: RoomHooks;

  constructor(private deps: RoomDeps, private opts: RegistryOptions, private events: RegistryEvents, private log: Logger) {
    this.supervisor = new Supervisor(deps.clock, log, opts.intensity, (room) => this.remove(room, true));
    this.hooks = {
      crashed: (room, err) => this.supervisor.crashed(room, err),
      changed: (room) => this.events.summary(room.summary()),
      lost: (room) => this.forget(room),
    };
  }

  get size(): number { return this.rooms.size; }
  all(): Room[] { return [...this.rooms.values()]; }
  get(roomId: string): Room | undefined { return this.rooms.get(roomId); }
  byInvite(code: string): Room | undefined { return this.byCode.get(code.trim().toUpperCase()); }

  create(roomId: string, settings: Settings): Room | null {
    if (this.rooms.size >= this.opts.maxRooms) return null;
    const room = Room.create(this.deps, this.hooks, { roomId, code: inviteCode(), settings });
    this.add(room);
    return room;
  }

  /** Restore every stored room (after a restart); returns how many came back (see restore.ts for the rest). */
  async restoreAll(): Promise<number> {
    const { rooms, skipped } = await restoreRooms(this.deps, this.hooks);
    for (const room of rooms) this.add(room);
    this.skipped = skipped;
    if (skipped.length > 0) this.log.warn({ restored: rooms.length, skipped: skipped.length }, 'some stored rooms were not restored');
    return rooms.length;
  }

  /** Take over one stored room (clustered mode: its previous owner is gone). */
  async adopt(stored: StoredRoom): Promise<Room | null> {
    const r = await restoreRoom(this.deps, this.hooks, stored);
    if (!('room' in r)) {
      this.log.error({ roomId: stored.roomId, reason: r.reason, err: r.err }, 'could not take the room over');
      return null;
    }
    this.add(r.room);
    return r.room;
  }

  add(room: Room): void {
    this.rooms.set(room.id, room);
    this.byCode.set(room.code, room);
    this.events.summary(room.summary());
  }

  /** Drop a room from this node only (it lives on elsewhere); nothing is announced or deleted. */
  forget(room: Room): void {
    if (this.rooms.get(room.id) !== room) return;
    this.rooms.delete(room.id);
    this.byCode.delete(room.code);
    this.emptySince.delete(room.id);
    this.supervisor.forget(room.id);
  }

  remove(room: Room, dropStored: boolean): void {
    this.rooms.delete(room.id);
    this.byCode.delete(room.code);
    this.emptySince.delete(room.id);
    this.supervisor.forget(room.id);
    this.events.removed(room.id);
    if (dropStored) void this.deps.store.removeRoom(room.id).catch((err) => this.log.error({ err }, 'removing stored room failed'));
  }

  /** Dispose of rooms nobody is in (or whose game is over and nobody is connected) after the grace period. */
  sweep(): void {
    const now = this.deps.clock.now();
    for (const room of this.rooms.values()) {
      const ctx = room.context;
      const anyone = ctx.players.some((p) => p.connected && !p.bot) || room.spectators > 0;
      const abandoned = !anyone && (ctx.players.length === 0 || ctx.phase === 'over' || ctx.phase === 'lobby' || ctx.players.every((p) => !p.connected || p.bot));
      if (!abandoned) { this.emptySince.delete(room.id); continue; }
      const since = this.emptySince.get(room.id) ?? now;
      this.emptySince.set(room.id, since);
      if (now - since >= this.opts.emptyGraceMs && room.idle()) {
        room.close('The room was empty and has been closed.');
        this.remove(room, true);
      }
    }
  }

  /** Shutdown: every room finishes the commands it has queued (at most `timeoutMs`), then halts. */
  async drainAll(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => { timer = setTimeout(resolve, timeoutMs); });
    await Promise.race([Promise.all(this.all().map((r) => r.drain())), late]);
    clearTimeout(timer);
    this.haltAll();
  }

  haltAll(): void {
    for (const room of this.rooms.values()) room.halt();
  }
}
