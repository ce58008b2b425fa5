import { inPack } from '../../shared/game/derived.ts';
import { ROLE_MODULES } from '../../shared/game/roles/index.ts';
import { createActor, type Actor } from 'xstate';
import { expect } from 'vitest';
import type { ErrorCode } from '../../shared/errors.ts';
import type { RoleId } from '../../shared/roles.ts';
import { DEFAULT_SETTINGS } from '../../shared/defaults.ts';
import type { RoleCounts, Settings } from '../../shared/settings.ts';
import type { GameView } from '../../shared/views.ts';
import { gameMachine, reject, viewFor, type GameContext, type GameEvent, type NightAction } from '../../shared/game/index.ts';
import { sleeper } from '../../shared/game/night.ts';
import type { Move, Snap } from './sim.ts';

export type { Move };
type ViewBody = Omit<GameView, 'version'>;

/** Fast, fixed durations (seconds) so deadlines are easy to reason about in tests. */
export const TEST_DURATIONS = { night: 60, dawn: 5, day: 120, vote: 45, execution: 5, hunter: 20 };

export interface GameOptions {
  /** Role counts (villagers fill the rest); 'auto' for R3. */
  roles?: RoleCounts | 'auto';
  players?: number;
  settings?: Partial<Settings>;
  seed?: number;
  /** Leave the game in the lobby: seat the players but do not start. */
  lobbyOnly?: boolean;
  /**
   * Players with nothing to do at night sleep at once (default), so a test speaks only of the
   * role holders; R7's own tests turn this off.
   */
  autoSleep?: boolean;
}

/**
 * A game driven through the pure machine with an explicit clock: every event gets `now`, which
 * only moves when the test says so (or to a deadline on `expire`). No timers, no sockets.
 */
export class TestGame {
  readonly actor: Actor<typeof gameMachine>;
  now = 1_000_000;
  /** Every event sent, accepted or not, for replays. */
  readonly sent: GameEvent[] = [];
  error: unknown = null;
  autoSleep = true;

  constructor(settings: Settings) {
    this.actor = createActor(gameMachine, { input: { settings } });
    // A rules bug throws inside the machine; keep it visible instead of a silent 'error' status.
    this.actor.subscribe({ error: (err) => { this.error = err; } });
    this.actor.start();
  }

  get snap(): Snap { return this.actor.getSnapshot(); }
  get ctx(): GameContext { return this.actor.getSnapshot().context; }
  get phase() { return this.ctx.phase; }
  /** The machine's own state name (equal to the phase outside transient states). */
  get state() { return this.snap.value as string; }

  stamp(move: Move): GameEvent { return { ...move, now: this.now } as GameEvent; }

  /** Send an event; returns the rules' verdict (null when accepted). */
  send(move: Move): ErrorCode | null {
    const e = this.stamp(move);
    const verdict = reject(this.ctx, e);
    this.sent.push(e);
    this.actor.send(e);
    if (this.error) throw this.error;
    if (this.autoSleep) this.sleepers();
    return verdict;
  }

  /** Send an event the rules must accept. */
  ok(move: Move): this {
    const verdict = this.send(move);
    expect(verdict, `${move.type} ${JSON.stringify(move)}`).toBeNull();
    return this;
  }

  /** The phase's timer fires at its deadline. */
  expire(): this {
    const ctx = this.ctx;
    if (ctx.deadline === null) throw new Error(`no deadline in ${ctx.phase}`);
    this.now = Math.max(this.now, ctx.deadline);
    return this.ok({ type: 'timer.expired', phaseId: ctx.phaseId });
  }

  /** Expire phases until `phase` is reached (at most `max` expiries). */
  until(phase: GameContext['phase'], max = 20): this {
    for (let i = 0; this.phase !== phase; i++) {
      if (i >= max) throw new Error(`did not reach ${phase}; stuck in ${this.phase}`);
      this.expire();
    }
    return this;
  }

  role(seat: number): RoleId | null { return this.player(seat).role; }
  player(seat: number) {
    const p = this.ctx.players.find((x) => x.seat === seat);
    if (!p) throw new Error(`no seat ${seat}`);
    return p;
  }
  seats(role: RoleId): number[] { return this.ctx.players.filter((p) => p.role === role).map((p) => p.seat); }
  seat(role: RoleId): number {
    const s = this.seats(role);
    if (s.length === 0) throw new Error(`no ${role} in this game`);
    return s[0];
  }
  living(): number[] { return this.ctx.players.filter((p) => p.alive).map((p) => p.seat); }
  alive(seat: number): boolean { return this.player(seat).alive; }
  /** Living seats that are none of `exclude` and hold none of the `notRoles`. */
  others(exclude: number[] = [], notRoles: RoleId[] = ['werewolf']): number[] {
    return this.ctx.players.filter((p) => p.alive && !exclude.includes(p.seat) && !notRoles.includes(p.role!)).map((p) => p.seat);
  }

  /** Every living player with nothing else to do tonight sleeps (R7). */
  sleepers(): this {
    for (const p of this.ctx.players) {
      if (this.phase !== 'night') break;
      if (sleeper(this.ctx, p) && this.ctx.night.actions[p.seat] === undefined) {
        const e = this.stamp({ type: 'night.act', seat: p.seat, action: { kind: 'sleep' } });
        this.sent.push(e);
        this.actor.send(e);
      }
    }
    return this;
  }

  act(seat: number, action: NightAction): ErrorCode | null { return this.send({ type: 'night.act', seat, action }); }
  /** Every living werewolf picks `target`. */
  wolvesPick(target: number): this {
    // Every living member of the pack (R22), whichever of the pack's roles it holds.
    // Each answers with its own role's kind (the alpha's, the white werewolf's), all of the pack's shape.
    for (const p of this.ctx.players) if (p.alive && inPack(p.role)) this.ok({ type: 'night.act', seat: p.seat, action: { kind: ROLE_MODULES.get(p.role!)!.night!.kind, target } as NightAction });
    return this;
  }
  vote(seat: number, target: number | null): ErrorCode | null { return this.send({ type: 'vote.cast', seat, target }); }
  /** Cast these ballots (seat → target); the rules must accept each. */
  ballots(b: Record<number, number | null>): this {
    for (const [seat, target] of Object.entries(b)) this.ok({ type: 'vote.cast', seat: Number(seat), target });
    return this;
  }
  /** Every living player votes for `target` (which itself abstains when it is a voter). */
  everyoneVotes(target: number | null): this {
    for (const s of this.living()) if (this.phase === 'vote') this.ok({ type: 'vote.cast', seat: s, target: s === target ? null : target });
    return this;
  }

  view(audience: number | 'spectator'): ViewBody {
    return viewFor(this.ctx, audience === 'spectator' ? { kind: 'spectator' } : { kind: 'seat', seat: audience });
  }

  /**
   * Send a bad event: the rules refuse it with `code`, and the machine's snapshot (state and
   * context) is exactly as before.
   */
  refuse(move: Move, code: ErrorCode): this {
    const before = this.snap;
    const e = this.stamp(move);
    expect(reject(before.context, e), `${move.type} ${JSON.stringify(move)}`).toBe(code);
    this.actor.send(e);
    const after = this.snap;
    expect(after.value).toEqual(before.value);
    expect(after.context).toEqual(before.context);
    return this;
  }
}

/** Seat `players` and (unless `lobbyOnly`) start with the chosen roles; seat 0 is the host. */
export function newGame(opts: GameOptions = {}): TestGame {
  const players = opts.players ?? 6;
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    maxSeats: Math.max(players, 5),
    durations: TEST_DURATIONS,
    ...opts.settings,
    roles: opts.roles ?? opts.settings?.roles ?? { werewolf: 1, seer: 1 },
  };
  const g = new TestGame(settings);
  g.autoSleep = opts.autoSleep ?? true;
  for (let i = 0; i < players; i++) g.ok({ type: 'room.join', name: `P${i}` });
  if (!opts.lobbyOnly) g.ok({ type: 'game.start', seat: 0, seed: opts.seed ?? 42 });
  return g;
}
