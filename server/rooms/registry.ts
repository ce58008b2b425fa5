import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { RoomSummary } from '../../shared/protocol.ts';
import type { Settings } from '../../shared/settings.ts';
import type { RoomDeps } from './ports.ts';
import { restoreRoom, restoreRooms, type Skipped } from './restore.ts';
import type { StoredRoom } from '../store/types.ts';
import { Room, type RoomHooks } from './room.ts';
import { Supervisor, type Intensity } from './supervisor.ts';
import { abandonGame } from './records.ts';
import { fateOf, type SweepGraces, type Why } from './sweep.ts';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** An invite code: 10 characters of a 31-letter alphabet, about 50 bits, typeable and unambiguous. */
export function inviteCode(): string {
  const bytes = randomBytes(10);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

export interface RegistryOptions {
  intensity: Intensity;
  /** How long a game nobody is connected to, or a lobby whose humans are all away, is kept (sweep.ts). */
  emptyGraceMs: number;
  /** How long a lobby no human sits in (never joined, or only bots) is kept; default 45 s. */
  unclaimedGraceMs?: number;
  maxRooms: number;
}

/** A room that is busy when its time comes is looked at again this much later. */
const BUSY_RETRY_MS = 1_000;

const inGame = (room: Room) => room.context.phase !== 'lobby' && room.context.phase !== 'over';

/** What the players of a closed room are told. */
const CLOSED: Record<Exclude<Why, 'abandoned'>, string> = {
  released: 'Everyone has left; the room is closed.',
  unclaimed: 'Nobody joined the room; it is closed.',
  waiting: 'The room was empty and has been closed.',
};

export interface RegistryEvents {
  summary(room: RoomSummary): void;
  removed(roomId: string): void;
}

/** Creates rooms, finds them by id or invite code, supervises them and disposes of abandoned ones. */
export class Registry {
  private rooms = new Map<string, Room>();
  private byCode = new Map<string, Room>();
  /** Rooms on their way out: why, and since when (a change of reason restarts the clock). */
  private doomed = new Map<string, { why: Why; since: number }>();
  /** Rooms whose seats or presence changed, to look at once their current command is done. */
  private changedSoon = new Set<Room>();
  private graces: SweepGraces;
  private lastStall = -Infinity;
  /** The lag watch's next tick (watchStalls), on the injected clock. */
  private stallTick: unknown = null;
  readonly supervisor: Supervisor;
  /** Stored rooms the last restore left out, and why. */
  skipped: Skipped[] = [];
  private hooks: RoomHooks;

  constructor(private deps: RoomDeps, private opts: RegistryOptions, private events: RegistryEvents, private log: Logger) {
    // A room that keeps crashing is closed; a game it held is kept as abandoned before its state goes.
    this.supervisor = new Supervisor(deps.clock, log, opts.intensity, (room) => this.remove(room, true, inGame(room) ? abandonGame(deps, room.record, room.context) : room.recordKept()));
    this.graces = { emptyGraceMs: opts.emptyGraceMs, unclaimedGraceMs: opts.unclaimedGraceMs ?? 45_000 };
    this.hooks = {
      crashed: (room, err) => this.supervisor.crashed(room, err),
      changed: (room) => { this.events.summary(room.summary()); this.soon(room); },
      lost: (room) => this.forget(room),
      stalled: (_room, lateMs) => this.stalled(lateMs),
    };
    if (deps.stallMs) this.watchStalls(deps.stallMs);
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
    this.soon(room);
  }

  /** Drop a room from this node only (it lives on elsewhere); nothing is announced or deleted. */
  forget(room: Room): void {
    if (this.rooms.get(room.id) !== room) return;
    this.rooms.delete(room.id);
    this.byCode.delete(room.code);
    this.doomed.delete(room.id);
    this.supervisor.forget(room.id);
  }

  /**
   * Drop a room here and from the lobby; its stored state too when `dropStored`, but only once
   * `kept` (its game's record) has been saved: if that fails, the state stays for the next start.
   */
  remove(room: Room, dropStored: boolean, kept: Promise<void> = Promise.resolve()): void {
    this.rooms.delete(room.id);
    this.byCode.delete(room.code);
    this.doomed.delete(room.id);
    this.supervisor.forget(room.id);
    this.events.removed(room.id);
    if (!dropStored) return;
    kept.then(
      () => this.deps.store.removeRoom(room.id).catch((err) => this.log.error({ err, roomId: room.id }, 'removing stored room failed')),
      (err) => this.log.error({ err, roomId: room.id }, 'the game record could not be kept; the room stays in the store'),
    );
  }

  /**
   * The event loop was stalled for about `lateMs` (seen by a late phase timer, or by the lag
   * watch): the players' sockets stalled with it, so every room's phases wait the restore grace.
   */
  stalled(lateMs: number): void {
    const now = this.deps.clock.now();
    if (now - this.lastStall > 1_000) this.log.warn({ lateMs, rooms: this.rooms.size }, 'the server was stalled; phases get the restore grace');
    this.lastStall = now;
    for (const room of this.rooms.values()) room.afterStall(now);
  }

  /** A tick every second: one that comes much later than due is a stall, even with no phase timer due. */
  private watchStalls(stallMs: number): void {
    const every = 1_000;
    let last = this.deps.clock.now();
    const tick = () => {
      const now = this.deps.clock.now();
      if (now - last - every > stallMs) this.stalled(now - last - every);
      last = now;
      this.stallTick = this.deps.clock.setTimer(every, tick);
    };
    this.stallTick = this.deps.clock.setTimer(every, tick);
  }

  /** Look at every room (run every few seconds, a backstop: each room's wait is also its own timer). */
  sweep(): void {
    for (const room of [...this.rooms.values()]) this.consider(room);
  }

  /** A room's seats or presence changed: decide its fate once the command in hand is done. */
  private soon(room: Room): void {
    if (this.changedSoon.size === 0) setImmediate(() => { for (const r of this.changedSoon) this.consider(r); this.changedSoon.clear(); });
    this.changedSoon.add(room);
  }

  /**
   * Close the room if its time has come (the rules are in sweep.ts); otherwise the wait is one of
   * the room's own timers, so it ends with the room and fires exactly when the grace runs out.
   */
  private consider(room: Room): void {
    if (room.closed || this.rooms.get(room.id) !== room) return;
    const now = this.deps.clock.now();
    const fate = fateOf({ context: room.context, spectators: room.spectators, everJoined: room.record.seq > 0 }, this.graces);
    if (fate.kind === 'keep') { this.doomed.delete(room.id); room.cancel('sweep'); return; }
    let d = this.doomed.get(room.id);
    if (!d || d.why !== fate.why) this.doomed.set(room.id, (d = { why: fate.why, since: now }));
    // After a restore or a stall, players get their moment to reconnect before anything goes.
    const due = Math.max(d.since + fate.afterMs, room.graceUntil);
    if (now < due || !room.idle()) { room.schedule('sweep', now < due ? due - now : BUSY_RETRY_MS, () => this.consider(room)); return; }
    if (fate.why === 'abandoned') {
      // Ending the game is the rules' call (R16): once it is over, with nobody there, the room is released.
      void room.submit({ type: 'abandon' });
      room.schedule('sweep', BUSY_RETRY_MS, () => this.consider(room));
      return;
    }
    room.close(CLOSED[fate.why]);
    // The stored state goes only once the game's record is kept.
    this.remove(room, true, room.recordKept());
  }

  /** Shutdown: every room finishes the commands it has queued (at most `timeoutMs`), then halts. */
  async drainAll(timeoutMs: number): Promise<void> {
    let timer: unknown;
    const late = new Promise<void>((resolve) => { timer = this.deps.clock.setTimer(timeoutMs, resolve); });
    await Promise.race([Promise.all(this.all().map((r) => r.drain())), late]);
    this.deps.clock.clearTimer(timer);
    this.haltAll();
  }

  /** Every room stops without a word (their state stays stored), and so does the stall watch. */
  haltAll(): void {
    for (const room of this.rooms.values()) room.halt();
    if (this.stallTick !== null) this.deps.clock.clearTimer(this.stallTick);
    this.stallTick = null;
  }
}
