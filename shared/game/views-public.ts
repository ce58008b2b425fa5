import type { ChatMessage, PlayerView, ViewBody, VoteView } from '../views.ts';
import { CHANNEL_BIT } from './chat.ts';
import { Slot } from './derived.ts';
import { teamOf } from './roles/index.ts';
import type { GameContext, Player, VoteState } from './types.ts';
import { teamOfPlayer } from './win.ts';

/**
 * The parts of a view that are the same for every audience (R71, R77), and the chat filtered per
 * set of readable channels (R65), each cached by the identity of the immutable context pieces it
 * reads. Shared between audiences: never mutate one.
 */

/** Chat messages a view carries; older ones are in the game's record. */
export const VIEW_CHAT = 50;

// ---------------------------------------------------------------- the public part

export type PublicPart = Omit<ViewBody, 'you' | 'chat'>;

const publicByContext = new Slot<GameContext, PublicPart>();
/** The last public part built on a given public players array, reused while nothing else moved. */
const lastPublic = new Slot<PlayerView[], PublicPart>();

/** What everyone may know (R71): computed once per state and shared by every audience's view. */
export function publicPart(ctx: GameContext): PublicPart {
  let pub = publicByContext.get(ctx);
  if (pub) return pub;
  const players = publicPlayers(ctx);
  const vote = voteView(ctx);
  const secrets = ctx.phase === 'over' ? ctx.secrets : undefined;
  const prev = lastPublic.get(players);
  if (
    prev && prev.phaseId === ctx.phaseId && prev.phase === ctx.phase && prev.deadline === ctx.deadline && prev.vote === vote &&
    prev.ready === ctx.ready && prev.timeline === ctx.timeline && prev.host === ctx.host && prev.outcome === ctx.outcome &&
    prev.settings === ctx.settings && prev.day === ctx.day && prev.gameNo === ctx.gameNo && prev.secrets === secrets
  ) {
    pub = prev;
  } else {
    pub = lastPublic.set(players, buildPublic(ctx, players, vote, secrets));
  }
  publicByContext.set(ctx, pub);
  return pub;
}

export function buildPublic(ctx: GameContext, players: PlayerView[], vote: VoteView | null, secrets: GameContext['secrets'] | undefined): PublicPart {
  return {
    gameNo: ctx.gameNo,
    phase: ctx.phase,
    phaseId: ctx.phaseId,
    day: ctx.day,
    deadline: ctx.deadline,
    settings: ctx.settings,
    host: ctx.host,
    players,
    vote,
    ready: ctx.ready,
    timeline: ctx.timeline,
    outcome: ctx.outcome,
    ...(secrets ? { secrets } : {}),
  };
}

const playersCache = new Slot<Player[], { over: boolean; reveal: string; views: PlayerView[] }>();

function publicPlayers(ctx: GameContext): PlayerView[] {
  const over = ctx.phase === 'over';
  const hit = playersCache.get(ctx.players);
  if (hit && hit.over === over && hit.reveal === ctx.settings.reveal) return hit.views;
  const views = ctx.players.map((p) => publicPlayer(ctx, p));
  playersCache.set(ctx.players, { over, reveal: ctx.settings.reveal, views });
  return views;
}

/** A seat as everyone sees it: a dead player's role as the reveal setting says (R72), all at game over (R78). */
export function publicPlayer(ctx: GameContext, p: Player): PlayerView {
  const view: PlayerView = { seat: p.seat, name: p.name, bot: p.bot, connected: p.connected, alive: p.alive };
  const over = ctx.phase === 'over';
  if (p.death) view.death = { day: p.death.day, cause: over ? p.death.cause : p.death.publicCause };
  if (p.role && (over || (!p.alive && ctx.settings.reveal !== 'none'))) {
    if (over || ctx.settings.reveal === 'full') view.role = p.role;
    // The lovers' bond stays secret while the game runs (R28), so a dead lover shows his role's team until then.
    view.team = over ? teamOfPlayer(ctx, p) : teamOf(p.role);
  }
  return view;
}

const voteCache = new Slot<VoteState, { secret: boolean; view: VoteView }>();

/** The vote as everyone sees it (R77): ballots only when votes are public (R47). */
function voteView(ctx: GameContext): VoteView | null {
  if (!ctx.vote || ctx.phase !== 'vote') return null;
  const secret = ctx.settings.secretVotes;
  const hit = voteCache.get(ctx.vote);
  if (hit && hit.secret === secret) return hit.view;
  return voteCache.set(ctx.vote, { secret, view: buildVote(ctx)! }).view;
}

export function buildVote(ctx: GameContext): VoteView | null {
  if (!ctx.vote || ctx.phase !== 'vote') return null;
  return {
    round: ctx.vote.round,
    candidates: ctx.vote.candidates,
    voted: Object.keys(ctx.vote.ballots).map(Number),
    ...(ctx.settings.secretVotes ? {} : { ballots: ctx.vote.ballots }),
  };
}

// ---------------------------------------------------------------- chat

const chatCache = new Slot<ChatMessage[], (ChatMessage[] | undefined)[]>();

/** The last VIEW_CHAT messages of the readable channels (R64, R65), per chat log and channel set. */
export function chatFor(chat: ChatMessage[], mask: number): ChatMessage[] {
  let byMask = chatCache.get(chat);
  if (!byMask) byMask = chatCache.set(chat, []);
  let out = byMask[mask];
  if (out) return out;
  if (mask === 15) {
    out = chat.length > VIEW_CHAT ? chat.slice(chat.length - VIEW_CHAT) : chat;
  } else {
    out = [];
    for (let i = chat.length - 1; i >= 0 && out.length < VIEW_CHAT; i--) if (mask & CHANNEL_BIT[chat[i].channel]) out.push(chat[i]);
    out.reverse();
  }
  byMask[mask] = out;
  return out;
}

export function sameMessages(a: ChatMessage[], b: ChatMessage[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

