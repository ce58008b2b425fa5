import { type Actor, createActor } from 'xstate';
import { type Ack, fail, ok } from '../../shared/errors.ts';
import type { RoomState, RoomSummary } from '../../shared/protocol.ts';
import { type GameContext, type GameEvent, gameMachine, MACHINE_VERSION, reject, viewFor } from '../game/index.ts';
import type { StoredRoom } from '../store/types.ts';
import type { RoomCommand } from './commands.ts';
import { FencedError, type RoomDeps } from './ports.ts';
import type { RoomFacts, RoomRef } from './ref.ts';
import { finishGame } from './records.ts';
import { type AudienceKey, audienceOf, seatKey, ViewTracker } from './tracker.ts';

type GameActor = Actor<typeof gameMachine>;
interface Queued { cmd: RoomCommand; resolve: (ack: Ack<unknown>) => void; at: number }

/** What a room tells its supervisor and registry. */
export interface RoomHooks {
  crashed(room: Room, err: unknown): void;
  changed(room: Room): void;
  /** Another node took the room over (clustered mode). */
  lost?(room: Room): void;
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
  private timer: unknown = null;
  private timerPhase = -1;
  private tracker: ViewTracker;
  private lastChat = 0;
  private lastGood: unknown;
  private closedReason: string | null = null;
  /** Set while an exception is being handled: commands wait in the queue meanwhile. */
  private restarting = false;
  spectators = 0;
  private connections = new Map<number, number>();
  /** After a restart no phase ends before this time, so players have a moment to reconnect. */
  private notBefore = 0;
  /** Shutting down: new commands are refused with server/busy, queued ones still run. */
  private draining = false;

  private constructor(private deps: RoomDeps, private hooks: RoomHooks, public record: StoredRoom) {
    this.tracker = new ViewTracker(record.viewVersions);
  }

  static create(deps: RoomDeps, hooks: RoomHooks, init: { roomId: string; code: string; settings: GameContext['settings'] }): Room {
    const now = deps.clock.now();
    const actor = createActor(deps.machine ?? gameMachine, { input: { settings: init.settings } });
    const snapshot = actor.getPersistedSnapshot();
    const record: StoredRoom = { roomId: init.roomId, code: init.code, machineVersion: MACHINE_VERSION, snapshot, snapshotSeq: 0, seats: {}, viewVersions: {}, seq: 0, gameStart: null, createdAt: now, updatedAt: now };
    const room = new Room(deps, hooks, record);
    room.boot(snapshot);
    return room;
  }

  /** Bring a stored room back: its snapshot, then the logged events after it, then its timer. */
  static restore(deps: RoomDeps, hooks: RoomHooks, record: StoredRoom, tail: GameEvent[]): Room {
    const room = new Room(deps, hooks, record);
    room.notBefore = deps.clock.now() + (deps.restoreGraceMs ?? 0);
    room.boot(record.snapshot, tail);
    return room;
  }


  get id(): string { return this.record.roomId; }
  get code(): string { return this.record.code; }
  get closed(): boolean { return this.closedReason !== null; }
  get context(): GameContext { return this.actor.getSnapshot().context; }
  /** The persisted snapshot after the last accepted event. */
  get lastSnapshot(): unknown { return this.lastGood; }

  private boot(snapshot: unknown, tail: GameEvent[] = []): void {
    const machine = this.deps.machine ?? gameMachine;
    const actor = createActor(machine, { snapshot: snapshot as never, input: {} });
    // Without an error observer XState rethrows on a timer and kills the process.
    actor.subscribe({ error: () => {} });
    actor.start();
    for (const e of tail) actor.send(e);
    if (actor.getSnapshot().status === 'error') throw new Error(`room ${this.id}: restored snapshot is in error`);
    this.actor = actor;
    this.lastGood = actor.getPersistedSnapshot();
    this.lastChat = this.context.chatSeq;
    this.armTimer();
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

  private eventFor(cmd: RoomCommand, now: number): GameEvent | Ack<unknown> {
    switch (cmd.type) {
      case 'join': return { type: 'player.join', now, name: cmd.name, bot: cmd.bot };
      case 'timer': return { type: 'timer.expired', now, phaseId: cmd.phaseId };
      case 'presence': {
        const p = this.context.players.find((x) => x.seat === cmd.seat);
        if (!p || p.connected === cmd.connected) return ok({});
        return { type: 'player.connection', now, seat: cmd.seat, connected: cmd.connected };
      }
      case 'game': {
        if (cmd.event.type === 'game.start') return { ...cmd.event, now, seed: this.deps.newSeed() };
        return { ...cmd.event, now } as GameEvent;
      }
    }
  }

  /** One input: check, apply, make durable, publish. Exceptions are crashes, handled by the supervisor. */
  private async step(cmd: RoomCommand): Promise<Ack<unknown>> {
    const now = this.deps.clock.now();
    const event = this.eventFor(cmd, now);
    if (!('type' in event)) return event;
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
    const data = this.resultOf(cmd, event, before, after);
    const persisted = this.actor.getPersistedSnapshot();
    const rec = this.record;
    const seq = rec.seq + 1;
    const every = this.deps.snapshotEvery ?? 20;
    const snapshotNow = after.phaseId !== before.phaseId || seq - rec.snapshotSeq >= every || event.type === 'game.start';
    const next: StoredRoom = {
      ...rec,
      seq,
      snapshot: snapshotNow ? persisted : rec.snapshot,
      snapshotSeq: snapshotNow ? seq : rec.snapshotSeq,
      seats: seatsAfter(rec.seats, data, after),
      viewVersions: this.tracker.snapshot(),
      gameStart: event.type === 'game.start' ? { seq: rec.seq, snapshot: this.lastGood } : rec.gameStart,
      updatedAt: now,
    };
    faults?.at('before-commit', this.id);
    try {
      await this.deps.store.commit(next, event);
    } catch (err) {
      return this.notStored(err);
    }
    // Durable: from here on the command is accepted, whatever happens next.
    this.record = next;
    this.lastGood = persisted;
    try {
      faults?.at('after-commit', this.id);
      this.afterAccepted(before, after);
    } catch (err) {
      this.crash(err);
    }
    return ok(data);
  }

  private resultOf(cmd: RoomCommand, event: GameEvent, before: GameContext, after: GameContext): Record<string, unknown> {
    if (event.type === 'player.join') {
      const seat = after.players.find((p) => !before.players.some((q) => q.seat === p.seat))!.seat;
      return { seat, token: `${this.id}:${this.deps.newToken()}` };
    }
    if (event.type === 'chat.send') return { id: after.chatIds[event.channel] };
    void cmd;
    return {};
  }

  private afterAccepted(before: GameContext, after: GameContext): void {
    this.deps.faults?.at('publish', this.id);
    this.publish();
    this.warnIdle(before, after);
    this.armTimer();
    if (after.phase === 'over' && before.phase !== 'over') {
      this.deps.metrics.gameFinished();
      void finishGame(this.deps, this.record, after).catch((err) => this.deps.log.error({ err, roomId: this.id }, 'saving the game record failed'));
    }
    if (after.phase !== before.phase || after.players !== before.players || after.host !== before.host) this.hooks.changed(this);
  }

  /** Send every audience whose view changed the fields that changed, and each new chat message to those who may read it. */
  private publish(): void {
    const ctx = this.context;
    const serverTime = this.deps.clock.now();
    // The log only grows at its end (and is trimmed at its start), so the new messages are its last ones.
    const fresh = ctx.chatSeq > this.lastChat ? ctx.chat.slice(Math.max(0, ctx.chat.length - (ctx.chatSeq - this.lastChat))) : [];
    for (const key of this.audiences()) {
      const body = viewFor(ctx, audienceOf(key));
      const upd = this.tracker.update(key, body);
      if (upd) this.deps.outbox.emit(this.id, key, 'room:update', { roomId: this.id, serverTime, version: upd.version, changes: upd.changes });
      for (const message of fresh) if (body.chat.includes(message)) this.deps.outbox.emit(this.id, key, 'chat:message', { roomId: this.id, message });
    }
    this.lastChat = ctx.chatSeq;
  }

  /** A first missed vote earns a warning; the second removes the player (R40). */
  private warnIdle(before: GameContext, after: GameContext): void {
    if (after.players === before.players) return;
    for (const p of after.players) {
      const was = before.players.find((q) => q.seat === p.seat);
      if (p.alive && p.missedVotes === 1 && was && was.missedVotes === 0) {
        this.deps.outbox.emit(this.id, seatKey(p.seat), 'room:notice', { roomId: this.id, code: 'afk/warning', message: 'You missed a vote. Miss the next one too and you will be removed from the game.' });
      }
    }
  }

  private audiences(): AudienceKey[] {
    return [...this.context.players.map((p) => seatKey(p.seat)), 'spectators'];
  }

  /** The full state for one audience, e.g. for a socket that just joined it. */
  stateFor(key: AudienceKey): RoomState {
    let view = this.tracker.full(key);
    if (!view) {
      this.tracker.update(key, viewFor(this.context, audienceOf(key)));
      view = this.tracker.full(key)!;
    }
    return { roomId: this.id, code: this.code, spectators: this.spectators, serverTime: this.deps.clock.now(), view };
  }

  async seatOfToken(token: string): Promise<number | null> { return this.seatOfTokenNow(token); }

  seatOfTokenNow(token: string): number | null {
    const seat = this.record.seats[token];
    return seat === undefined || !this.context.players.some((p) => p.seat === seat) ? null : seat;
  }

  async state(key: AudienceKey): Promise<RoomState> { return this.stateFor(key); }
  async facts(): Promise<RoomFacts> {
    const ctx = this.context;
    return { closed: this.closed, phase: ctx.phase, allowSpectators: ctx.settings.allowSpectators, host: ctx.host, players: ctx.players.map((p) => ({ seat: p.seat, bot: p.bot })) };
  }

  /** Count a connection of an audience: a seat's first and last change its presence. */
  attach(key: AudienceKey): void {
    if (key === 'spectators') { this.setSpectators(1); return; }
    const seat = Number(key.slice(5));
    const n = (this.connections.get(seat) ?? 0) + 1;
    this.connections.set(seat, n);
    if (n === 1) void this.submit({ type: 'presence', seat, connected: true });
  }

  detach(key: AudienceKey): void {
    if (key === 'spectators') { this.setSpectators(-1); return; }
    const seat = Number(key.slice(5));
    const n = Math.max(0, (this.connections.get(seat) ?? 0) - 1);
    this.connections.set(seat, n);
    if (n > 0) return;
    void this.submit({ type: 'presence', seat, connected: false });
    // Before a game, a seat left empty past the grace period is given up (R13); in a game it is kept.
    this.deps.clock.setTimer(this.deps.seatGraceMs ?? 60_000, () => {
      if (this.closed || (this.connections.get(seat) ?? 0) > 0) return;
      const ctx = this.context;
      const p = ctx.players.find((x) => x.seat === seat);
      if (p && !p.connected && !p.bot && (ctx.phase === 'lobby' || ctx.phase === 'over')) void this.submit({ type: 'game', event: { type: 'player.leave', seat } });
    });
  }

  private setSpectators(delta: number): void {
    this.spectators = Math.max(0, this.spectators + delta);
    this.deps.outbox.emit(this.id, 'all', 'room:spectators', { roomId: this.id, count: this.spectators });
    this.hooks.changed(this);
  }

  private armTimer(): void {
    const ctx = this.context;
    if (ctx.deadline === null || ctx.phase === 'over' || ctx.phase === 'lobby') { this.clearTimer(); return; }
    if (this.timer !== null && this.timerPhase === ctx.phaseId) return;
    this.clearTimer();
    const phaseId = ctx.phaseId;
    this.timerPhase = phaseId;
    const ms = Math.max(ctx.deadline, this.notBefore) - this.deps.clock.now();
    this.timer = this.deps.clock.setTimer(ms, () => {
      this.timer = null;
      // A deadline beyond one timer's reach re-arms; otherwise the phase ends.
      const due = this.context.deadline === null ? null : Math.max(this.context.deadline, this.notBefore);
      if (this.context.phaseId === phaseId && due !== null && due > this.deps.clock.now()) { this.armTimer(); return; }
      void this.submit({ type: 'timer', phaseId });
    });
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.clock.clearTimer(this.timer);
    this.timer = null;
    this.timerPhase = -1;
  }

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
      this.clearTimer();
      try { this.actor.stop(); } catch { /* the old actor is gone either way */ }
      this.boot(this.lastGood);
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
    this.boot(this.lastGood);
    return fail('room/unavailable', 'Storage is unavailable; retry shortly.');
  }

  /** Everyone gets a full fresh state (after a restart or a takeover) and a notice saying why. */
  announce(message: string): void {
    this.tracker.clear();
    for (const key of this.audiences()) this.deps.outbox.emit(this.id, key, 'room:state', this.stateFor(key));
    this.deps.outbox.emit(this.id, 'all', 'room:notice', { roomId: this.id, code: 'room/restarted', message });
  }

  /** Stop for good: timers off, everyone told, queued commands refused. */
  close(reason: string): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    this.clearTimer();
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
    this.clearTimer();
    try { this.actor.stop(); } catch { /* already stopped */ }
  }

  summary(): RoomSummary {
    const ctx = this.context;
    return {
      roomId: this.id,
      name: ctx.settings.name,
      visibility: ctx.settings.visibility,
      phase: ctx.phase,
      day: ctx.day,
      players: ctx.players.length,
      maxSeats: ctx.settings.maxSeats,
      spectators: this.spectators,
      allowSpectators: ctx.settings.allowSpectators,
      host: ctx.players.find((p) => p.seat === ctx.host)?.name ?? null,
      gameNo: ctx.gameNo,
    };
  }

  idle(): boolean { return this.queue.length === 0 && !this.running; }
}

/** Tokens of seats that are gone stop working, so a later occupant of the seat is not exposed. */
function seatsAfter(seats: Record<string, number>, data: Record<string, unknown>, after: GameContext): Record<string, number> {
  const next: Record<string, number> = {};
  const present = new Set(after.players.map((p) => p.seat));
  for (const [token, seat] of Object.entries(seats)) if (present.has(seat)) next[token] = seat;
  if (typeof data.token === 'string') next[data.token] = data.seat as number;
  return next;
}
