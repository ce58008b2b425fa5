import type { ChatMessage, GameView, PlayerView, YouView } from '../views.ts';
import { type Audience, CHANNEL_BIT, readable } from './chat.ts';
import { player } from './deaths.ts';
import { Slot, wolvesTeam } from './derived.ts';
import { teamOfPlayer } from './win.ts';
import { buildPublic, buildVote, chatFor, publicPart, publicPlayer, type PublicPart, sameMessages, VIEW_CHAT } from './views-public.ts';
import type { GameContext, Player } from './types.ts';
import { inputX, inputY, youView } from './views-you.ts';

export type { Audience };
/** A view before the room stamps its per-audience version. */
export type ViewBody = Omit<GameView, 'version'>;

export { VIEW_CHAT };

/**
 * Everything `audience` may know about the game, and nothing more (docs/rules.md R70–R79).
 * The one place that decides what leaves the server: the room sends nothing else.
 *
 * Views are rebuilt from parts cached by the identity of the (immutable) context's pieces, so an
 * audience whose inputs did not change gets the very same object back. Views and their parts are
 * shared: never mutate one.
 */
export function viewFor(ctx: GameContext, audience: Audience): ViewBody {
  const pub = publicPart(ctx);
  const me = audience.kind === 'seat' ? player(ctx, audience.seat) : undefined;
  // Entries live per players array: the viewer's Player object is then fixed for the entry.
  let entries = lastEntries.get(ctx.players);
  if (!entries) {
    entries = audienceCache.get(ctx.players);
    if (!entries) audienceCache.set(ctx.players, (entries = []));
    lastEntries.set(ctx.players, entries);
  }
  const key = me ? me.seat + 2 : audience.kind === 'spectator' ? 0 : 1;
  let e = entries[key];
  if (!e) entries[key] = e = newEntry();

  // Own seat's knowledge: recomputed only when one of its inputs moved.
  let you: YouView | null = null;
  if (me) {
    if (e.you === null || !sameInputs(e, ctx, me)) {
      e.you = youView(ctx, me);
      recordInputs(e, ctx, me);
    }
    you = e.you;
  }
  // The players, with the viewer's own role shown.
  if (e.pubPlayers !== pub.players) {
    e.pubPlayers = pub.players;
    e.players = me?.role ? pub.players.map((p) => (p.seat === me.seat ? { ...p, role: me.role!, team: teamOfPlayer(ctx, me) } : p)) : pub.players;
  }
  // Chat: filtered per set of readable channels, kept as the same array while its content holds.
  const mask = me ? seatMask(ctx, me) : readable(ctx, audience);
  if (e.chatSrc !== ctx.chat || e.mask !== mask) {
    const chat = chatFor(ctx.chat, mask);
    if (!sameMessages(chat, e.chat)) e.chat = chat;
    e.chatSrc = ctx.chat;
    e.mask = mask;
  }
  if (e.view === null || e.pub !== pub || e.viewYou !== you || e.viewPlayers !== e.players || e.viewChat !== e.chat) {
    e.view = assemble(pub, e.players, you, e.chat);
    e.pub = pub;
    e.viewYou = you;
    e.viewPlayers = e.players;
    e.viewChat = e.chat;
  }
  return e.view;
}

/**
 * The same view built from scratch, touching none of the view caches: the reference the tests
 * hold `viewFor` to after every event (test/game/views.cache.test.ts).
 */
export function freshView(ctx: GameContext, audience: Audience): ViewBody {
  const pub = buildPublic(ctx, ctx.players.map((p) => publicPlayer(ctx, p)), buildVote(ctx), ctx.phase === 'over' ? ctx.secrets : undefined);
  const me = audience.kind === 'seat' ? player(ctx, audience.seat) : undefined;
  const players = me?.role ? pub.players.map((p) => (p.seat === me.seat ? { ...p, role: me.role!, team: teamOfPlayer(ctx, me) } : p)) : pub.players;
  const mask = readable(ctx, audience);
  const chat = ctx.chat.filter((m) => mask & CHANNEL_BIT[m.channel]);
  return assemble(pub, players, me ? youView(ctx, me) : null, chat.length > VIEW_CHAT ? chat.slice(chat.length - VIEW_CHAT) : chat);
}

/** One view as a literal of fixed shape: much cheaper than spreading the public part. */
function assemble(pub: PublicPart, players: PlayerView[], you: YouView | null, chat: ChatMessage[]): ViewBody {
  const view: ViewBody = {
    gameNo: pub.gameNo,
    phase: pub.phase,
    phaseId: pub.phaseId,
    day: pub.day,
    deadline: pub.deadline,
    settings: pub.settings,
    host: pub.host,
    players,
    vote: pub.vote,
    ready: pub.ready,
    you,
    timeline: pub.timeline,
    outcome: pub.outcome,
    chat,
  };
  if (pub.secrets) view.secrets = pub.secrets;
  return view;
}

// ---------------------------------------------------------------- the per-audience cache

const EMPTY: ChatMessage[] = [];

/** One audience's last view and what it was built from, per players array. */
interface Entry {
  you: YouView | null;
  // The inputs of `you` besides the players array (which keys the cache).
  phase: string; host: boolean; day: number; secrets: unknown; role: unknown; x: unknown; y: unknown;
  pubPlayers: PlayerView[] | null;
  players: PlayerView[];
  chatSrc: ChatMessage[] | null;
  mask: number;
  chat: ChatMessage[];
  view: ViewBody | null;
  pub: PublicPart | null;
  viewYou: YouView | null;
  viewPlayers: PlayerView[] | null;
  viewChat: ChatMessage[] | null;
}

/** Entries by audience: 0 spectators, 1 strangers, seat + 2 for a seat. */
const audienceCache = new WeakMap<Player[], Entry[]>();
const lastEntries = new Slot<Player[], Entry[]>();

/** The channels a seated player reads (R65), as `readable` computes them, without a seat lookup. */
function seatMask(ctx: GameContext, me: Player): number {
  if (ctx.phase === 'over') return 15;
  return CHANNEL_BIT.lobby | CHANNEL_BIT.day | (wolvesTeam(me.role) ? CHANNEL_BIT.wolves : 0) | (me.alive ? 0 : CHANNEL_BIT.dead);
}

function newEntry(): Entry {
  return {
    you: null, phase: '', host: false, day: -1, secrets: null, role: null, x: null, y: null,
    pubPlayers: null, players: [], chatSrc: null, mask: -1, chat: EMPTY, view: null, pub: null, viewYou: null, viewPlayers: null, viewChat: null,
  };
}

function sameInputs(e: Entry, ctx: GameContext, me: Player): boolean {
  return e.phase === ctx.phase && e.host === (ctx.host === me.seat) && e.day === ctx.day && e.secrets === ctx.secrets &&
    e.role === ctx.roles[me.seat] && e.x === inputX(ctx, me) && e.y === inputY(ctx, me);
}

function recordInputs(e: Entry, ctx: GameContext, me: Player): void {
  e.phase = ctx.phase;
  e.host = ctx.host === me.seat;
  e.day = ctx.day;
  e.secrets = ctx.secrets;
  // The seat's slice of role state, which its role's view fields read.
  e.role = ctx.roles[me.seat];
  e.x = inputX(ctx, me);
  e.y = inputY(ctx, me);
}
