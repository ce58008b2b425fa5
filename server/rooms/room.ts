import { type Actor, createActor, type SnapshotFrom } from 'xstate';
import { type Ack, fail, ok } from '../../shared/errors.ts';
import type { RoomState, RoomSummary } from '../../shared/protocol.ts';
import { type GameContext, type GameEvent, gameMachine, MACHINE_VERSION, reject } from '../../shared/game/index.ts';
import type { StoredRoom } from '../store/types.ts';
import { ackData, type RoomCommand, toEvent } from './commands.ts';
import type { RoomDeps } from './ports.ts';
import { FencedError } from '../store/types.ts';
import type { RoomFacts, RoomRef } from './ref.ts';
import { finishGame } from './records.ts';
import { Broadcaster } from './broadcast.ts';
import { factsOf, summaryOf } from './describe.ts';
import { nextRecord } from './persist.ts';
import { type Forward, Presence } from './presence.ts';
import { PhaseTimer } from './timer.ts';
import type { Audience } from './audience.ts';

type GameActor = Actor<typeof gameMachine>;
interface Queued { cmd: RoomCommand; resolve: (ack: Ack<unknown>) => void; at: number }

/** What a room tells its supervisor and registry. */
export interface RoomHooks {
  crashed(room: Room, err: unknown): void;
  changed(room: Room): void;
  /** Another node took the room over (clustered mode). */
  lost?(room: Room): void;
  /** The room's timer fired `lateMs` late: the process was stalled. */
  stalled?(room: Room, lateMs: number): void;
}

/**
 * A supervised room actor: one root XState actor running one game's rules, with the room's
 * inbound queue (one input at a time, in arrival order), its phase timer, its durability and
 * its outbound views. It never touches a socket: it speaks to audiences through the Outbox.
 *
 * @example
 *   const room = Room.create(deps, hooks, { roomId, code, settings });
 *   const ack = await room.submit({ type: 'join', name: 'Ada' }); // { ok: true, data: { seat, token } }
 */
export class Room implements RoomRef {
  private actor!: GameActor;
  private queue: Queued[] = [];
  private running = false;
  private readonly timer: PhaseTimer;
  private readonly out: Broadcaster;
  private readonly presence: Presence;
  /** The snapshot after the last accepted event; persisted (a deep walk) only when needed. */
  private good!: SnapshotFrom<typeof gameMachine>;
  private closedReason: string | null = null;
  /** Set while an exception is being handled: commands wait in the queue meanwhile. */
  private restarting = false;
  /** Shutting down: new commands are refused with server/busy, queued ones still run. */
  private draining = false;
  private saving: Promise<void> = Promise.resolve();

  private constructor(private deps: RoomDeps, private hooks: RoomHooks, public record: StoredRoom) {
    const stall = deps.stallMs ? { afterMs: deps.stallMs, graceMs: deps.restoreGraceMs ?? 0, seen: (lateMs: number) => hooks.stalled?.(this, lateMs) } : undefined;
    this.timer = new PhaseTimer(deps.clock, () => this.context, (phaseId) => void this.submit({ type: 'timer', phaseId }), stall);
    this.out = new Broadcaster(this, deps.outbox, deps.clock, record.viewVersions);
    this.presence = new Presence(this, deps.outbox, deps.clock, deps.seatGraceMs ?? 60_000, () => hooks.changed(this));
  }

  get spectators(): number { return this.presence.spectators; }

  static create(deps: RoomDeps, hooks: RoomHooks, init: { roomId: string; code: string; settings: GameContext['settings'] }): Room {
    const now = deps.clock.now();
    const actor = createActor(deps.machine ?? gameMachine, { input: { settings: init.settings } });
    const snapshot = actor.getPersistedSnapshot();
    const record: StoredRoom = { roomId: init.roomId, code: init.code, machineVersion: MACHINE_VERSION, snapshot, snapshotSeq: 0, seats: {}, viewVersions: {}, hostedBots: {}, seq: 0, gameStart: null, createdAt: now, updatedAt: now };
    const room = new Room(deps, hooks, record);
    room.boot(snapshot);
    return room;
  }

  /** Bring a stored room back: its snapshot, then the logged events after it, then its timer. */
  static restore(deps: RoomDeps, hooks: RoomHooks, record: StoredRoom, tail: GameEvent[]): Room {
    const room = new Room(deps, hooks, record);
    room.timer.notBefore = deps.clock.now() + (deps.restoreGraceMs ?? 0);
    room.boot(record.snapshot, tail);
    return room;
  }


  get id(): string { return this.record.roomId; }
  get code(): string { return this.record.code; }
  get closed(): boolean { return this.closedReason !== null; }
  get context(): GameContext { return this.actor.getSnapshot().context; }
  /** The persisted snapshot after the last accepted event. */
  get lastSnapshot(): unknown { return this.persisted(this.good); }

  private persisted(snap: SnapshotFrom<typeof gameMachine>): unknown {
    return (this.deps.machine ?? gameMachine).getPersistedSnapshot(snap);
  }

  private boot(snapshot: unknown, tail: GameEvent[] = []): void {
    const machine = this.deps.machine ?? gameMachine;
    const actor = createActor(machine, { snapshot: snapshot as never, input: {} });
    // Without an error observer XState rethrows on a timer and kills the process.
    actor.subscribe({ error: () => {} });
    actor.start();
    for (const e of tail) actor.send(e);
    if (actor.getSnapshot().status === 'error') throw new Error(`room ${this.id}: restored snapshot is in error`);
    this.actor = actor;
    this.good = actor.getSnapshot();
    this.out.rebased(this.context);
    this.timer.arm();
  }

  /** Queue a command; resolves with its ack once it is durable (or refused). */
  submit(cmd: RoomCommand): Promise<Ack<unknown>> {
    if (this.closed) return Promise.resolve(fail(this.halted ? 'room/unavailable' : 'room/closed'));
    if (this.draining) return Promise.resolve(fail('server/busy'));
    return new Promise((resolve) => {
      this.queue.push({ cmd, resolve, at: performance.now() });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running || this.restarting) return;
    this.running = true;
    try {
      while (this.queue.length > 0 && !this.closed && !this.restarting) {
        const item = this.queue.shift()!;
        let ack: Ack<unknown>;
        try {
          ack = await this.step(item.cmd);
        } catch (err) {
          ack = fail('room/unavailable');
          this.crash(err);
        }
        this.deps.metrics.command(item.cmd.type === 'game' ? item.cmd.event.type : item.cmd.type, (performance.now() - item.at) / 1000, ack.ok);
        item.resolve(ack);
      }
    } finally {
      this.running = false;
    }
    if (this.closed) for (const item of this.queue.splice(0)) item.resolve(fail(this.halted ? 'room/unavailable' : 'room/closed'));
  }

  /** Halted rooms live on elsewhere (after a restart or on another node): their callers should retry. */
  private get halted(): boolean { return this.closedReason === 'halted'; }

  /** One input: check, apply, make durable, publish. Exceptions are crashes, handled by the supervisor. */
  private async step(cmd: RoomCommand): Promise<Ack<unknown>> {
    const now = this.deps.clock.now();
    const event = toEvent(cmd, now, this.context, this.deps.newSeed);
    if (event === null) return ok({});
    const before = this.context;
    const code = reject(before, event);
    if (code) return fail(code);

    const faults = this.deps.faults;
    faults?.at('before-send', this.id);
    this.actor.send(event);
    const snap = this.actor.getSnapshot();
    if (snap.status === 'error') throw snap.error ?? new Error('machine error');
    faults?.at('after-send', this.id);

    const after = snap.context;
    const data = ackData(event, before, after, () => `${this.id}:${this.deps.newToken()}`);
    const previous = this.good;
    const next = nextRecord(this.record, { event, before, after, persisted: () => this.persisted(snap), previous: () => this.persisted(previous), data, hosted: cmd.type === 'join' && cmd.bot ? cmd.hosted : undefined, versions: this.out.versions(), every: this.deps.snapshotEvery ?? 20 });
    faults?.at('before-commit', this.id);
    try {
      await this.deps.store.commit(next, event);
    } catch (err) {
      return this.notStored(err);
    }
    // Durable: from here on the command is accepted, whatever happens next.
    this.record = next;
    this.good = snap;
    try {
      faults?.at('after-commit', this.id);
      this.afterAccepted(before, after);
    } catch (err) {
      this.crash(err);
    }
    return ok(data);
  }

  private afterAccepted(before: GameContext, after: GameContext): void {
    this.deps.faults?.at('publish', this.id);
    this.out.publish();
    this.out.warnIdle(before, after);
    this.timer.arm();
    if (after.phase === 'over' && before.phase !== 'over') {
      this.deps.metrics.gameFinished();
      this.keepRecord(finishGame(this.deps, this.record, after));
    }
    // Settings too: a room made private must leave the lobby, one made public enter it (and names, seats change).
    if (after.phase !== before.phase || after.players !== before.players || after.host !== before.host || after.settings !== before.settings) this.hooks.changed(this);
  }

  /** The game record being saved: the room's stored state must not be deleted before it is kept. */
  keepRecord(saving: Promise<void>): void {
    saving.catch((err) => this.deps.log.error({ err, roomId: this.id }, 'saving the game record failed'));
    this.saving = saving;
  }

  /** Resolves once the last game record is kept; rejects if it could not be. */
  recordKept(): Promise<void> { return this.saving; }

  /** No phase ends before this time (a restore or a stall gave players a moment to reconnect). */
  get graceUntil(): number { return this.timer.notBefore; }

  /** The process was stalled: like after a restore, no phase ends before the restore grace. */
  afterStall(now: number): void { this.timer.hold(now + (this.deps.restoreGraceMs ?? 0)); }

  /** The full state for one audience, e.g. for a socket that just joined it. */
  stateFor(audience: Audience): RoomState { return this.out.stateFor(audience); }

  async seatOfToken(token: string): Promise<number | null> { return this.seatOfTokenNow(token); }

  seatOfTokenNow(token: string): number | null {
    const seat = this.record.seats[token];
    return seat === undefined || !this.context.players.some((p) => p.seat === seat) ? null : seat;
  }

  async state(audience: Audience): Promise<RoomState> { return this.stateFor(audience); }
  async facts(): Promise<RoomFacts> { return factsOf(this.context, this.closed); }

  /** A connection joined or left one of the room's audiences. */
  attach(audience: Audience): void { this.presence.attach(audience); }
  detach(audience: Audience): void { this.presence.detach(audience); }

  /** This copy is halted and the room runs elsewhere (clustered mode): its connections report there. */
  forwardPresence(to: Forward): void { this.presence.forwardTo = to; }

  /** Presence counts from a census of live connections (clustered mode, after a takeover). */
  seedPresence(seats: ReadonlyMap<number, number>, spectators: number): void { this.presence.seed(seats, spectators); }

  private crash(err: unknown): void {
    if (this.restarting || this.closed) return;
    this.restarting = true;
    this.deps.metrics.crash(this.id);
    this.deps.log.error({ err, roomId: this.id }, 'room crashed');
    this.hooks.crashed(this, err);
  }

  /** Called by the supervisor: a fresh actor from the last good snapshot; queued commands then run. */
  restart(): void {
    try {
      this.deps.faults?.at('restart', this.id);
      this.timer.clear();
      try { this.actor.stop(); } catch { /* the old actor is gone either way */ }
      this.boot(this.persisted(this.good));
      this.deps.metrics.restart(this.id);
      this.announce('The room restarted after an error; nothing you sent was lost.');
      this.restarting = false;
      void this.pump();
    } catch (err) {
      this.restarting = false;
      this.crash(err);
    }
  }

  /**
   * The store refused the commit, so the command was not accepted: undo it in memory. A fenced
   * write means another node owns the room now: this copy stops for good (clustered mode).
   */
  private notStored(err: unknown): Ack<unknown> {
    if (err instanceof FencedError) {
      this.deps.log.warn({ roomId: this.id }, 'lost the room to another node; halting this copy');
      this.halt();
      this.hooks.lost?.(this);
      return fail('room/unavailable', 'The room moved to another server; retry.');
    }
    this.deps.log.warn({ err, roomId: this.id }, 'store unavailable; command refused and undone');
    try { this.actor.stop(); } catch { /* replaced below */ }
    this.boot(this.persisted(this.good));
    return fail('room/unavailable', 'Storage is unavailable; retry shortly.');
  }

  /** Everyone gets a full fresh state (after a restart or a takeover) and a notice saying why. */
  announce(message: string): void { this.out.announce(message); }

  /** Stop for good: timers off, everyone told, queued commands refused. */
  close(reason: string): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    this.timer.clear();
    try { this.actor.stop(); } catch { /* already stopped */ }
    this.deps.outbox.emit(this.id, 'all', 'room:closed', { roomId: this.id, reason });
    for (const item of this.queue.splice(0)) item.resolve(fail('room/closed'));
  }

  /** Shutdown: refuse new commands with server/busy; resolves once the queued ones are acked. */
  async drain(): Promise<void> {
    this.draining = true;
    while (!this.idle() && !this.closed) await new Promise((r) => setTimeout(r, 5));
  }

  /** Stop without telling anyone (shutdown or takeover elsewhere); the stored state stays. */
  halt(): void {
    this.closedReason = 'halted';
    this.timer.clear();
    try { this.actor.stop(); } catch { /* already stopped */ }
  }

  summary(): RoomSummary { return summaryOf(this.id, this.context, this.spectators); }

  idle(): boolean { return this.queue.length === 0 && !this.running; }
}
