import type { ChatMessage, Outcome, Phase } from '../views.ts';
import { graceApplies } from './grace.ts';
import type { GameContext, GameEvent, Patch } from './types.ts';

/**
 * What the machine announces with XState's `emit()` as it takes an event: everything the room
 * must act on after the event is stored (a token to hand out, a message to deliver, a timer to
 * arm, a record to keep). The room never compares states to find these out.
 */
export type GameEffect =
  /** A joiner got this seat; the room hands it a token. */
  | { type: 'seat.granted'; seat: number }
  /** The player left, was kicked, or their grace ran out: the seat's token stops working (R13). */
  | { type: 'player.removed'; seat: number; why: 'left' | 'kicked' | 'grace' }
  | { type: 'host.changed'; host: number | null }
  | { type: 'settings.changed' }
  | { type: 'presence.changed'; seat: number; connected: boolean }
  /** A human's seat has no connection outside a game: the room sends `grace.expired` after the seat grace (R13). */
  | { type: 'grace.started'; seat: number }
  | { type: 'chat.posted'; message: ChatMessage }
  /** A first missed vote (R40): the next one removes the player. */
  | { type: 'player.warned'; seat: number; why: 'afk' }
  | { type: 'phase.entered'; phase: Phase; phaseId: number; deadline: number | null }
  | { type: 'game.started'; gameNo: number }
  /** Announced just before `game.over` when the game ends because nobody plays it any more (R16). */
  | { type: 'game.abandoned' }
  | { type: 'game.over'; outcome: Outcome };

export type GameEffectType = GameEffect['type'];

/**
 * The effects of an accepted in-phase event, from the state it met and the patch the rules made of it.
 * A join and a chat message, the most frequent of these, are announced from the new context instead,
 * by plain `emit` actions after the assign (machine.ts), which costs XState less than `enqueueActions`.
 * The moves of a game (night.act, day.ready, day.act, vote.cast, hunter.shoot) announce nothing: the
 * machine applies those with a bare assign (machine.ts `apply`); one that should announce something
 * moves to `applyAnnounced` there.
 */
export function effectsOf(ctx: GameContext, e: GameEvent, patch: Patch): GameEffect[] {
  const fx: GameEffect[] = [];
  switch (e.type) {
    case 'room.leave': fx.push({ type: 'player.removed', seat: e.seat, why: 'left' }); hostChange(ctx, patch, fx); break;
    case 'room.kick': fx.push({ type: 'player.removed', seat: e.target, why: 'kicked' }); hostChange(ctx, patch, fx); break;
    case 'grace.expired': fx.push({ type: 'player.removed', seat: e.seat, why: 'grace' }); hostChange(ctx, patch, fx); break;
    case 'room.host': hostChange(ctx, patch, fx); break;
    case 'room.settings': fx.push({ type: 'settings.changed' }); break;
    case 'game.abandon': fx.push({ type: 'game.abandoned' }); break;
    case 'game.start': fx.push({ type: 'game.started', gameNo: patch.gameNo! }); break;
    case 'player.connection':
      fx.push({ type: 'presence.changed', seat: e.seat, connected: e.connected });
      if (!e.connected && graceApplies({ ...ctx, ...patch }, e.seat)) fx.push({ type: 'grace.started', seat: e.seat });
      break;
    default: break;
  }
  return fx;
}

// A plain function, not a closure per call: a hot path's closures cost an allocation each (and tsx's naming helper).
function hostChange(ctx: GameContext, patch: Patch, fx: GameEffect[]): void {
  if ('host' in patch && patch.host !== ctx.host) fx.push({ type: 'host.changed', host: patch.host ?? null });
}

/** What entering a phase announces, read off the context that entered it (the game's end follows it). */
export function phaseEntered(ctx: GameContext): GameEffect {
  return { type: 'phase.entered', phase: ctx.phase, phaseId: ctx.phaseId, deadline: ctx.deadline };
}

/**
 * Who a closing vote warns (R40). A final tally resets every living voter's missed votes to 0
 * and adds one to every living abstainer's, so a living player at exactly 1 missed this vote
 * after voting in the last one; a re-vote (the vote stays open) counts nothing.
 */
export function warnedBy(ctx: GameContext, patch: Patch): GameEffect[] {
  if (patch.vote !== null) return [];
  return (patch.players ?? ctx.players).filter((p) => p.alive && p.missedVotes === 1).map((p) => ({ type: 'player.warned', seat: p.seat, why: 'afk' }));
}
