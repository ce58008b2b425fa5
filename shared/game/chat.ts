import { CHAT_MAX } from '../settings.ts';
import type { ChatChannel, ChatMessage } from '../views.ts';
import { type Talk, type TalkRef, talkRefs, talkRoles, talkSeats } from '../talk.ts';
import { ROLES } from './catalogue.ts';
import { speak } from './talk-words.ts';
import { player } from './deaths.ts';
import { inPack } from './derived.ts';
import type { EventOf, GameContext, Patch, Rejection } from './types.ts';

/** Messages kept in the machine's context; the full history is in the game's event log. */
export const CHAT_KEPT = 200;

const DAYTIME = new Set(['dawn', 'day', 'vote', 'execution', 'hunter']);

/** Who may write where (R60–R64). */
export function canWrite(ctx: GameContext, seat: number, channel: ChatChannel): boolean {
  const p = player(ctx, seat);
  if (!p || p.left) return false;
  const inGame = ctx.phase !== 'lobby' && ctx.phase !== 'over';
  switch (channel) {
    case 'lobby': return !inGame;
    case 'day': return p.alive && DAYTIME.has(ctx.phase);
    case 'wolves': return p.alive && inPack(p.role) && ctx.phase === 'night' && ctx.settings.wolfChat;
    case 'dead': return !p.alive && inGame && ctx.settings.deadChat;
  }
}

// Who reads which channel is declared with every other view field (CHANNEL_READERS in views-fields.ts).
import { canRead } from './views.ts';
export { type Audience, CHANNEL_BIT, canRead, readable } from './views.ts';

export function rejectChat(ctx: GameContext, e: EventOf<'chat.send'>): Rejection {
  const text = e.text.trim();
  if (text.length === 0 && !e.talk) return 'chat/empty';
  if (text.length > CHAT_MAX) return 'chat/too-long';
  if (!canWrite(ctx, e.seat, e.channel)) return 'chat/not-allowed';
  if (e.talk && !talkFits(ctx, e.seat, e.talk)) return 'chat/bad-talk';
  return null;
}

/**
 * A talk may name only seats of this game and messages its sender could read: agreeing with a
 * wolves' message one cannot see would tell how many there are.
 */
function talkFits(ctx: GameContext, seat: number, talk: Talk): boolean {
  if (!talkSeats(talk).every((s) => player(ctx, s))) return false;
  if (!talkRoles(talk).every((r) => Object.hasOwn(ROLES, r))) return false;
  return talkRefs(talk).every((r) => r.id <= ctx.chatIds[r.channel] && canRead(ctx, { kind: 'seat', seat }, r.channel));
}

/** The words of a talk sent without text, with the players' names; varied by the message id. */
function words(ctx: GameContext, seat: number, talk: Talk, id: number): string {
  const author = (r: TalkRef) => ctx.chat.find((m) => m.channel === r.channel && m.id === r.id)?.seat;
  return speak(talk, { speaker: seat, name: (s) => player(ctx, s)?.name, author }, id).slice(0, CHAT_MAX);
}

export function addChat(ctx: GameContext, e: EventOf<'chat.send'>): Patch {
  const id = ctx.chatIds[e.channel] + 1;
  const text = e.text.trim() || words(ctx, e.seat, e.talk!, id);
  const msg: ChatMessage = { id, channel: e.channel, seat: e.seat, name: player(ctx, e.seat)!.name, text, ...(e.talk ? { talk: e.talk } : {}), at: e.now };
  const chat = ctx.chat.length >= CHAT_KEPT ? [...ctx.chat.slice(ctx.chat.length - CHAT_KEPT + 1), msg] : [...ctx.chat, msg];
  return { chat, chatSeq: ctx.chatSeq + 1, chatIds: { ...ctx.chatIds, [e.channel]: id } };
}
