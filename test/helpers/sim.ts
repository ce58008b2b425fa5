import { createActor, type SnapshotFrom } from 'xstate';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings.ts';
import type { Prompt } from '../../shared/views.ts';
import { gameMachine, type GameEvent, viewFor } from '../../shared/game/index.ts';
import type { GameContext } from '../../shared/game/types.ts';
import { nextRandom } from '../../shared/game/rng.ts';
import { roleOfKind } from '../../shared/game/roles/index.ts';
import { randomAnswer } from '../../shared/game/roles/role.ts';

export type Snap = SnapshotFrom<typeof gameMachine>;
/** A machine event before the room stamps its clock reading. */
export type Move = GameEvent extends infer E ? (E extends GameEvent ? Omit<E, 'now'> : never) : never;

/** A deterministic random source for drivers (not the game's own PRNG). */
export class Dice {
  constructor(private s: number) {}
  next(): number { const [v, s] = nextRandom(this.s); this.s = s; return v; }
  int(n: number): number { return Math.floor(this.next() * n); }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]; }
}

/** A random legal answer to a prompt, as a machine event (without `now`). */
export function randomMove(seat: number, prompt: Prompt, dice: Dice): Move | null {
  switch (prompt.kind) {
    case 'vote': return { type: 'vote.cast', seat, target: dice.next() < 0.1 ? null : dice.pick(prompt.targets) };
    case 'ready': return prompt.done ? null : { type: 'day.ready', seat };
    case 'sleep': return { type: 'night.act', seat, action: { kind: 'sleep' } };
    case 'hunter': return { type: 'hunter.shoot', seat, target: prompt.targets.length && dice.next() < 0.8 ? dice.pick(prompt.targets) : null };
    default: {
      // A night role's prompt: the random answer its module declares (or the default from its form).
      const night = roleOfKind(prompt.kind)?.night;
      const action = night ? randomAnswer(night, prompt, () => dice.next()) : null;
      return action ? { type: 'night.act', seat, action } : null;
    }
  }
}

export interface SimOptions {
  players?: number;
  seed?: number;
  settings?: Partial<Settings>;
  /** Called after every accepted event with the snapshot. */
  onEvent?: (snap: Snap, event: GameEvent) => void;
  maxEvents?: number;
}

/** Seat `n` players in a fresh machine; the host (seat 0) starts the game. */
export function lobbyEvents(n: number, seed: number): GameEvent[] {
  const events: GameEvent[] = [];
  for (let i = 0; i < n; i++) events.push({ type: 'room.join', now: 0, name: `P${i}` });
  events.push({ type: 'game.start', now: 0, seat: 0, seed });
  return events;
}

/**
 * Play one complete game with random legal actors reading their own views' prompts, and an
 * occasional timer expiry; returns every event sent and the final snapshot. Bounded by maxEvents.
 */
export function playRandomGame(opts: SimOptions = {}): { events: GameEvent[]; final: Snap } {
  const n = opts.players ?? 10;
  const seed = opts.seed ?? 1;
  const dice = new Dice(seed ^ 0x9e3779b9);
  const settings = { ...DEFAULT_SETTINGS, maxSeats: 20, ...opts.settings };
  const actor = createActor(gameMachine, { input: { settings } }).start();
  const events: GameEvent[] = [];
  let now = 1_000_000;
  const send = (e: GameEvent) => { events.push(e); actor.send(e); opts.onEvent?.(actor.getSnapshot(), e); };
  for (const e of lobbyEvents(n, seed)) send({ ...e, now });
  const max = opts.maxEvents ?? 5000;
  while (actor.getSnapshot().context.phase !== 'over' && events.length < max) {
    now += 100 + dice.int(900);
    const ctx: GameContext = actor.getSnapshot().context;
    const pending: Move[] = [];
    for (const p of ctx.players) {
      const prompt = viewFor(ctx, { kind: 'seat', seat: p.seat }).you?.prompt;
      if (!prompt) continue;
      const move = randomMove(p.seat, prompt, dice);
      if (move) pending.push(move);
    }
    if (pending.length === 0 || dice.next() < 0.05) {
      now = Math.max(now, ctx.deadline ?? now);
      send({ type: 'timer.expired', now, phaseId: ctx.phaseId });
    } else if (dice.next() < 0.15) {
      const living = ctx.players.filter((p) => p.alive);
      if (living.length) send({ type: 'chat.send', now, seat: dice.pick(living).seat, channel: ctx.phase === 'night' ? 'wolves' : 'day', text: 'hello' });
    } else {
      send({ ...dice.pick(pending), now } as GameEvent);
    }
  }
  const final = actor.getSnapshot();
  actor.stop();
  return { events, final };
}
