import type { ChatChannel, GameView, PlayerView, Prompt, VoteView, YouView } from '../../shared/views.ts';
import { type Audience, canRead } from './chat.ts';
import { player } from './deaths.ts';
import { ROLE_MODULES, teamOf } from './roles/index.ts';
import { livingSeats } from './roles/role.ts';
import type { GameContext, Player } from './types.ts';

export type { Audience };
/** A view before the room stamps its per-audience version. */
export type ViewBody = Omit<GameView, 'version'>;

/** Chat messages a view carries; older ones are in the game's record. */
export const VIEW_CHAT = 50;
const CHANNELS: ChatChannel[] = ['lobby', 'day', 'wolves', 'dead'];

/**
 * Everything `audience` may know about the game, and nothing more (docs/rules.md R70–R79).
 * The one place that decides what leaves the server: the room sends nothing else.
 */
export function viewFor(ctx: GameContext, audience: Audience): ViewBody {
  const pub = publicPart(ctx);
  const me = audience.kind === 'seat' ? player(ctx, audience.seat) : undefined;
  const readable = CHANNELS.filter((c) => canRead(ctx, audience, c));
  const chat = readable.length === CHANNELS.length ? ctx.chat : ctx.chat.filter((m) => readable.includes(m.channel));
  return {
    ...pub,
    players: me?.role ? pub.players.map((p) => (p.seat === me.seat ? { ...p, role: me.role!, team: teamOf(me.role!) } : p)) : pub.players,
    you: me ? youView(ctx, me) : null,
    chat: chat.length > VIEW_CHAT ? chat.slice(chat.length - VIEW_CHAT) : chat,
  };
}

type PublicPart = Omit<ViewBody, 'you' | 'chat'>;
const publicCache = new WeakMap<GameContext, PublicPart>();

/** What everyone may know; computed once per state and shared by every audience's view. */
function publicPart(ctx: GameContext): PublicPart {
  let pub = publicCache.get(ctx);
  if (!pub) {
    pub = {
      gameNo: ctx.gameNo,
      phase: ctx.phase,
      phaseId: ctx.phaseId,
      day: ctx.day,
      deadline: ctx.deadline,
      settings: ctx.settings,
      host: ctx.host,
      players: ctx.players.map((p) => publicPlayer(ctx, p)),
      vote: voteView(ctx),
      ready: ctx.ready,
      timeline: ctx.timeline,
      outcome: ctx.outcome,
      ...(ctx.phase === 'over' ? { secrets: ctx.secrets } : {}),
    };
    publicCache.set(ctx, pub);
  }
  return pub;
}

function publicPlayer(ctx: GameContext, p: Player): PlayerView {
  const view: PlayerView = { seat: p.seat, name: p.name, bot: p.bot, connected: p.connected, alive: p.alive };
  const over = ctx.phase === 'over';
  if (p.death) view.death = { day: p.death.day, cause: over ? p.death.cause : p.death.publicCause };
  if (p.role && (over || (!p.alive && ctx.settings.reveal !== 'none'))) {
    if (over || ctx.settings.reveal === 'full') view.role = p.role;
    view.team = teamOf(p.role);
  }
  return view;
}

function voteView(ctx: GameContext): VoteView | null {
  if (!ctx.vote || ctx.phase !== 'vote') return null;
  const voted = Object.keys(ctx.vote.ballots).map(Number);
  return {
    round: ctx.vote.round,
    candidates: ctx.vote.candidates,
    voted,
    ...(ctx.settings.secretVotes ? {} : { ballots: ctx.vote.ballots }),
  };
}

function youView(ctx: GameContext, me: Player): YouView {
  const role = me.role ? ROLE_MODULES[me.role] : undefined;
  const you: YouView = {
    seat: me.seat,
    role: me.role,
    team: me.role ? teamOf(me.role) : null,
    alive: me.alive,
    isHost: ctx.host === me.seat,
    missedVotes: me.missedVotes,
    prompt: promptFor(ctx, me),
    ...(role?.knows ? role.knows(ctx, me.seat) : {}),
  };
  if (me.lover !== null) you.lover = me.lover;
  if (ctx.phase === 'night' && role?.night && me.role !== 'werewolf') you.acted = me.seat in ctx.night.actions;
  return you;
}

function promptFor(ctx: GameContext, me: Player): Prompt | null {
  if (ctx.phase === 'hunter') return ctx.pendingShots[0] === me.seat ? { kind: 'hunter', targets: livingSeats(ctx).filter((s) => s !== me.seat) } : null;
  if (!me.alive || !me.role) return null;
  switch (ctx.phase) {
    case 'night': {
      const night = ROLE_MODULES[me.role].night;
      if (!night) return null;
      if (me.role !== 'werewolf' && !night.due(ctx, me.seat)) return null;
      return night.prompt(ctx, me.seat);
    }
    case 'day': return { kind: 'ready', done: ctx.ready.includes(me.seat) };
    case 'vote': {
      const vote = ctx.vote!;
      return { kind: 'vote', targets: vote.candidates.filter((s) => player(ctx, s)?.alive), current: vote.ballots[me.seat], canAbstain: true };
    }
    default: return null;
  }
}
