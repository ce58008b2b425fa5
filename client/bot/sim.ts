import { createActor, type SnapshotFrom } from 'xstate';
import { DEFAULT_SETTINGS } from '../../shared/defaults.ts';
import type { Settings } from '../../shared/settings.ts';
import type { GameView, Outcome } from '../../shared/views.ts';
import { Brain } from './brain.ts';
import type { Decision, Strategy } from './decision.ts';
import { mix, mulberry32 } from './rng.ts';
import { gameMachine, type GameEvent, type GameContext, viewFor } from '../../shared/game/index.ts';

export interface SimOptions {
  players: number;
  seed: number;
  strategy: Strategy;
  /** A strategy per seat instead, e.g. to pit one against another. */
  seatStrategy?: (seat: number) => Strategy;
  settings?: Partial<Settings>;
  maxEvents?: number;
  /**
   * Stirring for tests that want more than polite bots: the chance per step that the phase's
   * timer fires although someone could still act, and that a living seat says something on the
   * channel of the phase. Both 0 unless given.
   */
  stir?: { expire?: number; chat?: number };
  /** Return a game the settings could not start (too few players for the roles) instead of throwing. */
  mayNotStart?: boolean;
  /** Called after every event the machine was sent, with the snapshot it led to. */
  onEvent?: (snap: SimSnapshot, event: GameEvent) => void;
  /** The players' names (default P0, P1, ...). */
  names?: string[];
}

export type SimSnapshot = SnapshotFrom<typeof gameMachine>;

export interface SimResult {
  outcome: Outcome | null;
  /** The day the game ended on. */
  days: number;
  events: number;
  final: GameContext;
  /** Every event sent, in order (clock readings included): a replayable log of the game. */
  log: GameEvent[];
  snapshot: SimSnapshot;
}

/** A machine event before the room stamps its clock reading. */
export type Move = GameEvent extends infer E ? (E extends GameEvent ? Omit<E, 'now'> : never) : never;

/** The machine event a seat's decision becomes, as the gateway would turn the command into it. */
export function toEvent(seat: number, d: Decision): Move {
  switch (d.command) {
    case 'night:act': return { type: 'night.act', seat, action: d.payload.action };
    case 'day:act': return { type: 'day.act', seat, action: d.payload.action };
    case 'vote:cast': return { type: 'vote.cast', seat, target: d.payload.target };
    case 'day:ready': return { type: 'day.ready', seat };
    case 'hunter:shoot': return { type: 'hunter.shoot', seat, target: d.payload.target };
    case 'chat:send': return { type: 'chat.send', seat, channel: d.payload.channel, text: d.payload.text ?? '', ...(d.payload.talk ? { talk: d.payload.talk } : {}) };
  }
}

/**
 * One whole game in process: the pure rules machine, each seat's view from `viewFor`, and a bot
 * brain per seat, exactly as over sockets but without them. Seats act a couple at a time in a
 * random order, so later voters see earlier ballots as they would live; a phase ends early when
 * nobody has anything left to do, else at its deadline. Bounded by `maxEvents`.
 */
export function playSim(opts: SimOptions): SimResult {
  const settings: Settings = { ...DEFAULT_SETTINGS, maxSeats: 20, ...opts.settings };
  const actor = createActor(gameMachine, { input: { settings } }).start();
  const dice = mulberry32(mix(opts.seed, 0x5bd1e995));
  const strategyOf = opts.seatStrategy ?? (() => opts.strategy);
  const brains = Array.from({ length: opts.players }, (_, seat) => new Brain(strategyOf(seat), mix(opts.seed, seat)));
  let now = 1_000_000;
  const log: GameEvent[] = [];
  const send = (e: GameEvent) => { log.push(e); actor.send(e); opts.onEvent?.(actor.getSnapshot(), e); };
  // Seat 0 joins as a person: bots never become host by joining, and someone must start.
  for (let i = 0; i < opts.players; i++) send({ type: 'room.join', now, name: opts.names?.[i] ?? `P${i}`, bot: i > 0 });
  send({ type: 'game.start', now, seat: 0, seed: opts.seed >>> 0 });
  if (actor.getSnapshot().context.phase === 'lobby' && !opts.mayNotStart) throw new Error('the game did not start');

  const max = opts.maxEvents ?? 20_000;
  const stir = opts.stir ?? {};
  const view = (ctx: GameContext, seat: number): GameView => ({ ...viewFor(ctx, { kind: 'seat', seat }), version: 0 });
  while (!['over', 'lobby'].includes(actor.getSnapshot().context.phase) && log.length < max) {
    const ctx = actor.getSnapshot().context;
    const seats = ctx.players.filter((p) => p.alive || ctx.pendingShots[0] === p.seat).map((p) => p.seat);
    shuffleInPlace(seats, dice);
    now += 200 + Math.floor(dice() * 1800);
    if (stir.chat && dice() < stir.chat) {
      const living = ctx.players.filter((p) => p.alive);
      if (living.length) send({ type: 'chat.send', now, seat: living[Math.floor(dice() * living.length)].seat, channel: ctx.phase === 'night' ? 'wolves' : 'day', text: 'hello' });
      continue;
    }
    let acted = 0;
    for (const urgent of [false, true]) {
      for (const seat of seats) {
        const decisions = brains[seat].decide(view(actor.getSnapshot().context, seat), urgent);
        for (const d of decisions) send({ ...toEvent(seat, d), now } as GameEvent);
        if (decisions.length && ++acted >= 2) break;
      }
      if (acted) break;
    }
    if (!acted || (stir.expire && dice() < stir.expire)) {
      const c = actor.getSnapshot().context;
      now = Math.max(now, c.deadline ?? now);
      send({ type: 'timer.expired', now, phaseId: c.phaseId });
    }
  }
  const snapshot = actor.getSnapshot();
  actor.stop();
  return { outcome: snapshot.context.outcome, days: snapshot.context.day, events: log.length, final: snapshot.context, log, snapshot };
}

function shuffleInPlace<T>(xs: T[], rng: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
}
