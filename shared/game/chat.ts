import { CHAT_MAX } from '../settings.ts';
import type { ChatChannel, ChatMessage } from '../views.ts';
import { player } from './deaths.ts';
import { wolvesTeam } from './derived.ts';
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
    case 'wolves': return p.alive && wolvesTeam(p.role) && ctx.phase === 'night' && ctx.settings.wolfChat;
    case 'dead': return !p.alive && inGame && ctx.settings.deadChat;
  }
}

export type Audience = { kind: 'seat'; seat: number } | { kind: 'spectator' };

/** Channel bits for `readable`. */
export const CHANNEL_BIT: Record<ChatChannel, number> = { lobby: 1, day: 2, wolves: 4, dead: 8 };
const ALL_CHANNELS = 15;

/** Who may read what (R65), as a set of channel bits: everyone reads everything once the game is over. */
export function readable(ctx: GameContext, audience: Audience): number {
  if (ctx.phase === 'over') return ALL_CHANNELS;
  const open = CHANNEL_BIT.lobby | CHANNEL_BIT.day;
  if (audience.kind === 'spectator') return ctx.settings.spectatorsSeeDeadChat ? open | CHANNEL_BIT.dead : open;
  const p = player(ctx, audience.seat);
  if (!p) return open;
  return open | (wolvesTeam(p.role) ? CHANNEL_BIT.wolves : 0) | (p.alive ? 0 : CHANNEL_BIT.dead);
}

export function canRead(ctx: GameContext, audience: Audience, channel: ChatChannel): boolean {
  return (readable(ctx, audience) & CHANNEL_BIT[channel]) !== 0;
}

export function rejectChat(ctx: GameContext, e: EventOf<'chat.send'>): Rejection {
  const text = e.text.trim();
  if (text.length === 0) return 'chat/empty';
  if (text.length > CHAT_MAX) return 'chat/too-long';
  if (!canWrite(ctx, e.seat, e.channel)) return 'chat/not-allowed';
  return null;
}

export function addChat(ctx: GameContext, e: EventOf<'chat.send'>): Patch {
  const id = ctx.chatIds[e.channel] + 1;
  const msg: ChatMessage = { id, channel: e.channel, seat: e.seat, name: player(ctx, e.seat)!.name, text: e.text.trim(), at: e.now };
  const chat = ctx.chat.length >= CHAT_KEPT ? [...ctx.chat.slice(ctx.chat.length - CHAT_KEPT + 1), msg] : [...ctx.chat, msg];
  return { chat, chatSeq: ctx.chatSeq + 1, chatIds: { ...ctx.chatIds, [e.channel]: id } };
}
