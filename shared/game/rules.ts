import { applySettingsPatch } from '../settings.ts';
import { withPreset } from './presets.ts';
import { ABANDONED, abandonable } from './abandon.ts';
import { addChat, rejectChat } from './chat.ts';
import { castVote, dayAct, ready, rejectDayAction, rejectReady, rejectVote } from './day.ts';
import { player, secretShots } from './deaths.ts';
import { graceApplies } from './grace.ts';
import { aim, rejectShot, shoot } from './hunter.ts';
import { join, leave, rejectLobby, reset, start, transfer } from './lobby.ts';
import { act, rejectNightAction } from './night.ts';
import type { GameContext, GameEvent, Patch, Rejection } from './types.ts';

/**
 * Why the rules refuse this event in this state, or null when they accept it. The machine's
 * guards call this very function, so the sender's error code and the machine never disagree.
 *
 * The last answer is kept by the identity of its state and event: a room asks before it decides
 * (server/rooms/room.ts), and the machine's guard then asks again of the very same pair (so do a
 * join's, a leave's and a shot's two guards). The rules are pure and neither a context nor an
 * event is ever mutated, so the same pair has the same answer.
 */
export function reject(ctx: GameContext, e: GameEvent): Rejection {
  const kept = lastAnswers.get(ctx);
  if (kept !== undefined && kept.event === e) return kept.answer;
  const answer = rejectAfresh(ctx, e);
  lastAnswers.set(ctx, { event: e, answer });
  return answer;
}
/** Per state (weakly: it dies with the state), the last event asked about and the answer. */
const lastAnswers = new WeakMap<GameContext, { event: GameEvent; answer: Rejection }>();

function rejectAfresh(ctx: GameContext, e: GameEvent): Rejection {
  switch (e.type) {
    case 'room.join':
    case 'room.settings':
    case 'room.kick':
    case 'room.host':
    case 'game.start':
    case 'game.reset':
      return rejectLobby(ctx, e);
    case 'room.leave': {
      const p = player(ctx, e.seat);
      return p && !p.left ? null : 'room/not-member';
    }
    case 'player.connection':
      return player(ctx, e.seat) ? null : 'room/not-member';
    case 'night.act': return rejectNightAction(ctx, e);
    case 'day.ready': return rejectReady(ctx, e);
    case 'day.act': return rejectDayAction(ctx, e);
    case 'vote.cast': return rejectVote(ctx, e);
    case 'hunter.shoot': return rejectShot(ctx, e);
    case 'chat.send': return rejectChat(ctx, e);
    case 'timer.expired': return e.phaseId === ctx.phaseId && ctx.deadline !== null ? null : 'phase/wrong';
    case 'grace.expired': return graceApplies(ctx, e.seat) ? null : 'phase/wrong';
    case 'game.abandon': return abandonable(ctx) ? null : 'phase/wrong';
  }
}

/**
 * Apply an accepted event's in-phase effect, as the fields it changes (the machine merges them
 * into the context). Phase changes are the machine's business.
 */
export function apply(ctx: GameContext, e: GameEvent): Patch {
  const patch = applyInner(ctx, e);
  patch.version = ctx.version + 1;
  return patch;
}

/** Each case returns a fresh object, which `apply` stamps with the version. */
function applyInner(ctx: GameContext, e: GameEvent): Patch {
  switch (e.type) {
    case 'room.join': return join(ctx, e);
    case 'room.leave': return leave(ctx, e.seat);
    case 'player.connection':
      return { players: ctx.players.map((p) => (p.seat === e.seat ? { ...p, connected: e.connected } : p)) };
    case 'room.settings': {
      const merged = applySettingsPatch(ctx.settings, e.patch);
      return merged.ok ? { settings: withPreset(merged.settings) } : {};
    }
    case 'room.kick': return leave(ctx, e.target);
    case 'room.host': return transfer(e.target);
    case 'game.start': return start(ctx, e);
    case 'game.reset': return reset(ctx);
    case 'night.act': return act(ctx, e);
    case 'day.ready': return ready(ctx, e.seat);
    case 'day.act': return dayAct(ctx, e);
    case 'vote.cast': return castVote(ctx, e);
    case 'hunter.shoot': return secretShots(ctx) ? aim(e.target) : shoot(ctx, e.target);
    case 'chat.send': return addChat(ctx, e);
    case 'timer.expired': return {};
    case 'grace.expired': return leave(ctx, e.seat);
    case 'game.abandon': return { outcome: ABANDONED };
  }
}
