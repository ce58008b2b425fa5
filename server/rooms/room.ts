import { type Ack, fail, ok } from '../../shared/errors.ts';
import type { RoomState, RoomSummary } from '../../shared/protocol.ts';
import { Decider, type GameContext, type GameEffect, type GameEvent, gameMachine, type GameSnapshot, MACHINE_VERSION, refusalReason, reject } from '../../shared/game/index.ts';
import type { StoredRoom } from '../store/types.ts';
import { ackData, type RoomCommand, toEvent } from './commands.ts';
import { crashed, draining, ended, type Lifecycle, refusal, restarted, runs } from './lifecycle.ts';
import type { RoomDeps } from './ports.ts';
import { FencedError } from '../store/types.ts';
import type { RoomFacts, RoomRef } from './ref.ts';
import { finishGame } from './records.ts';
import { Broadcaster } from './broadcast.ts';
import { factsOf, summaryOf } from './describe.ts';
import { nextRecord } from './persist.ts';
import { Mailbox } from './mailbox.ts';
import { type Forward, Presence } from './presence.ts';
import { PhaseTimer } from './timer.ts';
import { RoomTimers } from './timers.ts';
import type { Audience } from './audience.ts';

/** Effects that change the room's lobby summary or its fate in the sweep. */
const SEEN_OUTSIDE = new Set<GameEffect['type']>(['seat.granted', 'player.removed', 'host.changed', 'settings.changed', 'presence.changed', 'phase.entered']);

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
 * A supervised room actor: one game's rules (the machine, stepped purely by a Decider), with the
 * room's inbound queue (one input at a time, in arrival order), its timers, its durability and
 * its outbound views. It never touches a socket: it speaks to audiences through the Outbox.
 *
 * @example
 *   const room = Room.create(deps, hooks, { roomId, code, settings });
 *   const ack = await room.submit({ type: 'join', name: 'Ada' }); // { ok: true, data: { seat, token } }
 */
export class Room implements RoomRef {
  private readonly decider: Decider;
  /** The state after the last committed event: every read (context, views, facts) comes from it. */
  private committed!: GameSnapshot;
  private status: Lifecycle = { kind: 'open' };
  private readonly mailbox = new Mailbox({
    runs: () => runs(this.status),
    ended: () => ended(this.status),
    refusal: () => refusal(this.status) ?? 'room/closed',
    step: (cmd) => this.step(cmd),
    crash: (err) => this.crash(err),
    measured: (cmd, seconds, ok) => this.deps.metrics.command(cmd.type === 'game' ? cmd.event.type : cmd.type, seconds, ok),
  });
  private readonly timers: RoomTimers;
  private readonly timer: PhaseTimer;
  private readonly out: Broadcaster;
  private readonly presence: Presence;
  private saving: Promise<void> = Promise.resolve();

  private constructor(private deps: RoomDeps, private hooks: RoomHooks, public record: StoredRoom) {
    this.decider = new Decider(deps.machine ?? gameMachine);
    this.timers = new RoomTimers(deps.clock);
    const stall = deps.stallMs ? { afterMs: deps.stallMs, graceMs: deps.restoreGraceMs ?? 0, seen: (lateMs: number) => hooks.stalled?.(this, lateMs) } : undefined;
    this.timer = new PhaseTimer(deps.clock, this.timers, () => this.context, (phaseId) => void this.submit({ type: 'timer', phaseId }), stall);
    this.out = new Broadcaster(this, deps.outbox, deps.clock, record.viewVersions);
    this.presence = new Presence(this, deps.outbox, () => hooks.changed(this));
  }

  get spectators(): number { return this.presence.spectators; }

  static create(deps: RoomDeps, hooks: RoomHooks, init: { roomId: string; code: string; settings: GameContext['settings'] }): Room {
    const now = deps.clock.now();
    const record: StoredRoom = { roomId: init.roomId, code: init.code, machineVersion: MACHINE_VERSION, snapshot: null, snapshotSeq: 0, seats: {}, viewVersions: {}, hostedBots: {}, seq: 0, gameStart: null, createdAt: now, updatedAt: now };
    const room = new Room(deps, hooks, record);
    const first = room.decider.initial({ settings: init.settings });
    room.record.snapshot = room.decider.persist(first);
    room.boot(first);
    return room;
  }

  /** Bring a stored room back: its snapshot, then the logged events after it, then its timer. */
  static restore(deps: RoomDeps, hooks: RoomHooks, record: StoredRoom, tail: GameEvent[]): Room {
    const room = new Room(deps, hooks, record);
    room.timer.notBefore = deps.clock.now() + (deps.restoreGraceMs ?? 0);
    // The tail's effects were acted on before the restart (or are lost with the old process).
    let snap = room.decider.restore(record.snapshot);
    for (const e of tail) snap = room.decider.decide(snap, e).snapshot;
    room.boot(snap);
    return room;
  }

  get id(): string { return this.record.roomId; }
  get code(): string { return this.record.code; }
  /** Closed or halted: it takes no command and keeps no timer. */
  get closed(): boolean { return ended(this.status); }
  get lifecycle(): Lifecycle { return this.status; }
  get context(): GameContext { return this.committed.context; }
  /** The persisted snapshot after the last committed event. */
  get lastSnapshot(): unknown { return this.decider.persist(this.committed); }

  private boot(snap: GameSnapshot): void {
    this.committed = snap;
    this.timer.arm();
  }

  /** Queue a command; resolves with its ack once it is durable (or refused). */
  submit(cmd: RoomCommand): Promise<Ack<unknown>> {
    const refused = refusal(this.status);
    if (refused) return Promise.resolve(fail(refused));
    return this.mailbox.push(cmd);
  }

  /**
   * One input: decide (the rules' next state and what they announce, nothing applied yet), make
   * it durable, and only then adopt it and publish. Exceptions are crashes, for the supervisor.
   */
  private async step(cmd: RoomCommand): Promise<Ack<unknown>> {
    const now = this.deps.clock.now();
    const event = toEvent(cmd, now, this.context, this.deps.newSeed);
    if (event === null) return ok({});
    const code = reject(this.context, event);
    if (code) return fail(code, refusalReason(this.context, event));

    const faults = this.deps.faults;
    faults?.at('before-send', this.id);
    const { snapshot, effects } = this.decider.decide(this.committed, event);
    faults?.at('after-send', this.id);

    const data = ackData(effects, () => `${this.id}:${this.deps.newToken()}`);
    const previous = this.committed;
    const next = nextRecord(this.record, { event, effects, persisted: () => this.decider.persist(snapshot), previous: () => this.decider.persist(previous), data, hosted: cmd.type === 'join' && cmd.bot ? cmd.hosted : undefined, versions: this.out.versions(), every: this.deps.snapshotEvery ?? 20 });
    faults?.at('before-commit', this.id);
    try {
      await this.deps.store.commit(next, event);
    } catch (err) {
      return this.notStored(err);
    }
    // Durable: from here on the command is accepted, whatever happens next.
    this.record = next;
    this.committed = snapshot;
    if (ended(this.status)) return ok(data);
    try {
      faults?.at('after-commit', this.id);
      this.publish(effects);
    } catch (err) {
      this.crash(err);
    }
    return ok(data);
  }

  /** Act on what the machine announced: views and messages out, timers armed, the record kept. */
  private publish(effects: readonly GameEffect[]): void {
    this.deps.faults?.at('publish', this.id);
    this.out.publish(effects);
    let seen = false;
    for (const fx of effects) {
      if (SEEN_OUTSIDE.has(fx.type)) seen = true;
      switch (fx.type) {
        case 'phase.entered': this.timer.arm(); break;
        case 'grace.started': this.timers.set(`grace:${fx.seat}`, this.deps.seatGraceMs ?? 60_000, () => void this.submit({ type: 'grace', seat: fx.seat })); break;
        case 'presence.changed': if (fx.connected) this.timers.clear(`grace:${fx.seat}`); break;
        case 'player.removed': this.timers.clear(`grace:${fx.seat}`); break;
        case 'game.over':
          this.deps.metrics.gameFinished();
          this.keepRecord(finishGame(this.deps, this.record, this.context, effects.some((f) => f.type === 'game.abandoned')));
          break;
        default: break;
      }
    }
    // Seats, names, phase, settings: a room made private must leave the lobby, one made public enter it.
    if (seen) this.hooks.changed(this);
  }

  /** A timer of the room's own for its registry (the sweep's wait): it dies with the room. */
  schedule(name: 'sweep', ms: number, fn: () => void): void { this.timers.set(name, ms, fn); }
  cancel(name: 'sweep'): void { this.timers.clear(name); }

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
    const next = crashed(this.status);
    if (!next) return;
    this.status = next;
    this.deps.metrics.crash(this.id);
    this.deps.log.error({ err, roomId: this.id }, 'room crashed');
    this.hooks.crashed(this, err);
  }

  /**
   * Called by the supervisor, the only one who restarts a room: the last committed state, read
   * back from its stored form (nothing a faulty step left in memory survives), its timer re-armed,
   * everyone a full view; the queued commands then run.
   */
  restart(): void {
    if (this.status.kind !== 'restarting') return;
    try {
      this.deps.faults?.at('restart', this.id);
      this.timer.clear();
      this.boot(this.decider.restore(this.decider.persist(this.committed)));
      this.deps.metrics.restart(this.id);
      this.announce('The room restarted after an error; nothing you sent was lost.');
      this.status = restarted(this.status)!;
      void this.mailbox.pump();
    } catch (err) {
      // Back to where the crash left it, so the supervisor counts this crash too.
      this.status = restarted(this.status) ?? this.status;
      this.crash(err);
    }
  }

  /**
   * The store refused the commit, so the command was not accepted; nothing was applied, since
   * the room adopts a state only once it is stored. A fenced write means another node owns the
   * room now: this copy stops for good (clustered mode).
   */
  private notStored(err: unknown): Ack<unknown> {
    if (err instanceof FencedError) {
      this.deps.log.warn({ roomId: this.id }, 'lost the room to another node; halting this copy');
      this.halt();
      this.hooks.lost?.(this);
      return fail('room/unavailable', 'The room moved to another server; retry.');
    }
    this.deps.log.warn({ err, roomId: this.id }, 'store unavailable; command refused');
    return fail('room/unavailable', 'Storage is unavailable; retry shortly.');
  }

  /** Everyone gets a full fresh state (after a restart or a takeover) and a notice saying why. */
  announce(message: string): void { this.out.announce(message); }

  /** Stop for good: timers off, everyone told, queued commands refused. */
  close(reason: string): void {
    if (ended(this.status)) return;
    this.end({ kind: 'closed', reason });
    this.deps.outbox.emit(this.id, 'all', 'room:closed', { roomId: this.id, reason });
  }

  /** Stop without telling anyone (shutdown or takeover elsewhere); the stored state stays. */
  halt(): void {
    if (ended(this.status)) return;
    this.end({ kind: 'halted' });
  }

  private end(status: Lifecycle): void {
    this.status = status;
    this.timers.end();
    this.mailbox.ended();
  }

  /** Shutdown: refuse new commands with server/busy; resolves once the queued ones are acked. */
  drain(): Promise<void> {
    const next = draining(this.status);
    if (next) this.status = next;
    return ended(this.status) ? Promise.resolve() : this.mailbox.whenIdle();
  }

  summary(): RoomSummary { return summaryOf(this.id, this.context, this.spectators); }

  idle(): boolean { return this.mailbox.idle(); }
}
