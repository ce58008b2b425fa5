import type { ChatMessage, PlayerView, VoteView, YouView } from '../views.ts';
import { player } from './deaths.ts';
import { shownRole } from './derived.ts';
import type { GameContext, Player } from './types.ts';
import { ANYONE, assemble, type Audience, channelsFor, chatFor, GAME, personal, type Recipient, shownVote, type ViewBody, YOU_TABLES } from './views.ts';
import { builder, type Builder, fill, Reads, Slot } from './views-compiled.ts';
import { GAME_FIELDS, type Parts, PLAYER_FIELDS, type Table, VOTE_FIELDS, YOU_FIELDS } from './views-fields.ts';

/**
 * What one room's views share from one state to the next and between its audiences, owned by the
 * room (server/rooms/broadcast.ts) and handed to `viewFor`: the rules keep no state of their own.
 * Every part is built by the compiled tables (views-compiled.ts) into a slot of its own: the public
 * player entries once per state for every audience, each seat's own entry and its `you` per seat.
 * A field is rebuilt only when a context field its value read last time changed (the reads are
 * found by running it, not declared), and a part whose fields all kept their values is the same
 * object as before, so the lists and the view above it are compared by identity.
 * test/game/views.cache.test.ts holds every view to the same view built from scratch.
 */
export class ViewCache {
  private reads = new Reads();
  /** The view's fields in table order: the shared ones, and the parts as null, to be copied and filled in. */
  private base: ViewBody | null = null;
  private baseSlot = new Slot<ViewBody>();
  private pubRows: Slot<PlayerView>[] = [];
  private pub: PlayerView[] = [];
  private pubAt = 0;
  private voteSlot = new Slot<VoteView>();
  private vote: VoteView | null = null;
  private voteAt = 0;
  private chatOf: ChatMessage[] | null = null;
  /** Per channel mask: its last list, and its list for the current chat. */
  private chats = new Map<number, ChatMessage[]>();
  private chatAt = new Map<number, ChatMessage[]>();
  /** Per audience: the spectators at 0, a seat at its number + 1. */
  private last: Last[] = [];

  view(ctx: GameContext, audience: Audience): ViewBody {
    if (ctx !== this.reads.ctx) this.enter(ctx);
    const key = audience.kind === 'seat' ? audience.seat + 1 : 0;
    let last = this.last[key];
    if (last === undefined) this.last[key] = last = new Last();
    // The same recipient object while it is the same player (slots compare it by identity).
    const me = audience.kind === 'seat' ? player(ctx, audience.seat) : undefined;
    const r = last.r !== null && last.r.me === me ? last.r : (last.r = { audience, me });
    const players = PLAYERS_SHARED ? (r.me ? this.ownList(ctx, r, last) : this.publicList(ctx)) : this.list(ctx, r, last.rows, last);
    const vote = VOTE_SHARED ? this.sharedVote(ctx) : voteOf(ctx, r, last.vote, this.reads);
    const you = r.me ? fill<Player, YouView>(last.you, last.youTable(ctx, r.me), this.reads, r.me, r.me, r, true) : null;
    // Audiences are decided by the phase, the settings and the recipient's own player alone (views.ts grants()).
    if (last.phase !== ctx.phase || last.settings !== ctx.settings || last.me !== r.me) {
      last.mask = channelsFor(ctx, r);
      last.phase = ctx.phase;
      last.settings = ctx.settings;
      last.me = r.me;
    }
    const chat = this.chat(ctx.chat, last.mask);
    // Without a base (see BASE) the view is assembled field by field, afresh.
    if (this.base === null) return assemble(ctx, { players, vote, you, chat }, r);
    return last.fromBase(this.base, players, vote, you, chat);
  }

  private enter(ctx: GameContext): void {
    this.reads.enter(ctx);
    if (BASE) this.base = fill<Parts, ViewBody>(this.baseSlot, BASE, this.reads, NO_PARTS, undefined, ANYONE, false);
  }

  /** The entries as any recipient sees them, once per state. */
  private publicList(ctx: GameContext): PlayerView[] {
    if (this.pubAt !== this.reads.serial) { this.pubAt = this.reads.serial; this.pub = this.list(ctx, ANYONE, this.pubRows, null); }
    return this.pub;
  }

  /** Every entry for `r`; the last list while its entries are the same objects. */
  private list(ctx: GameContext, r: Recipient, rows: Slot<PlayerView>[], last: Last | null): PlayerView[] {
    const prev = last ? last.list : this.pub;
    const players = ctx.players;
    while (rows.length < players.length) rows.push(new Slot());
    let same = prev.length === players.length;
    const out: PlayerView[] = new Array(players.length);
    for (let i = 0; i < players.length; i++) {
      const p = players[i];
      out[i] = fill<Player, PlayerView>(rows[i], PLAYER, this.reads, p, p, r, r.me !== undefined && r.me.seat === p.seat);
      if (same && out[i] !== prev[i]) same = false;
    }
    if (same) return prev;
    if (last) last.list = out;
    return out;
  }

  /** The public list with the recipient's own entry in place. */
  private ownList(ctx: GameContext, r: Recipient, last: Last): PlayerView[] {
    const pub = this.publicList(ctx);
    const me = r.me!;
    const mine = fill<Player, PlayerView>(last.row, PLAYER, this.reads, me, me, r, true);
    if (last.pub === pub && last.mine === mine) return last.list;
    last.pub = pub;
    last.mine = mine;
    return (last.list = pub.map((p) => (p.seat === me.seat ? mine : p)));
  }

  private sharedVote(ctx: GameContext): VoteView | null {
    if (this.voteAt !== this.reads.serial) { this.voteAt = this.reads.serial; this.vote = voteOf(ctx, ANYONE, this.voteSlot, this.reads); }
    return this.vote;
  }

  /** The messages of the channels in `mask`: the last list for that mask while it holds the same messages. */
  private chat(chat: ChatMessage[], mask: number): ChatMessage[] {
    if (chat !== this.chatOf) { this.chatOf = chat; this.chatAt.clear(); }
    let out = this.chatAt.get(mask);
    if (out) return out;
    out = chatFor(chat, mask);
    const last = this.chats.get(mask);
    if (last && sameItems(last, out)) out = last;
    this.chats.set(mask, out);
    this.chatAt.set(mask, out);
    return out;
  }
}

/** One audience's slots and last view. */
class Last {
  r: Recipient | null = null;
  you = new Slot<YouView>();
  row = new Slot<PlayerView>();
  rows: Slot<PlayerView>[] = [];
  vote = new Slot<VoteView>();
  pub: PlayerView[] | null = null;
  mine: PlayerView | null = null;
  list: PlayerView[] = [];
  /** The channels the recipient reads, and what they were decided on. */
  phase: GameContext['phase'] | null = null;
  settings: GameContext['settings'] | null = null;
  me: Player | undefined = undefined;
  mask = 0;
  private baseOf: ViewBody | null = null;
  private body: ViewBody | undefined = undefined;
  /** The `you` table, and the player and phase it was chosen for (shownRole reads no more). */
  private table: Builder<Player> | null = null;
  private tableOf: Player | null = null;
  private tablePhase: GameContext['phase'] | null = null;

  youTable(ctx: GameContext, me: Player): Builder<Player> {
    if (this.tableOf !== me || this.tablePhase !== ctx.phase || this.table === null) {
      this.table = youTable(ctx, me);
      this.tableOf = me;
      this.tablePhase = ctx.phase;
    }
    return this.table;
  }

  /** The view as a copy of the state's base with this audience's parts, the last view while they are the same objects. */
  fromBase(base: ViewBody, players: PlayerView[], vote: VoteView | null, you: YouView | null, chat: ChatMessage[]): ViewBody {
    const body = this.body;
    if (body !== undefined && this.baseOf === base && body.players === players && body.vote === vote && body.you === you && body.chat === chat) return body;
    this.baseOf = base;
    const out = { ...base };
    out.players = players;
    out.vote = vote;
    out.you = you;
    out.chat = chat;
    return (this.body = out);
  }
}

/** How many of the view's fields are neither a part nor shared. */
const OTHERS = GAME.keys.filter((_k, i) => GAME.part[i] === null && !GAME.shared[i]).length;
/** Whether each part is the field of its own name, as `fromBase` writes them. */
const NAMED = GAME.keys.every((k, i) => GAME.part[i] === null || GAME.part[i] === k);

/**
 * The base of a state's views: the fields every audience shares, in table order, and the parts in
 * their places as null, copied and filled in per audience. None when a field is neither shared nor
 * a part (granted by who the recipient is): then each view is assembled field by field.
 */
const BASE: Builder<Parts> | null = OTHERS > 0 || !NAMED ? null : builder<Parts>(Object.fromEntries(
  Object.entries(GAME_FIELDS as Table<Parts>).map(([k, f]) => [k, f.part ? { who: ['everyone'], value: () => null } : f]),
));
const NO_PARTS: Parts = { players: [], vote: null, you: null, chat: [] };

function sameItems<T>(a: T[], b: T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function voteOf(ctx: GameContext, r: Recipient, slot: Slot<VoteView>, p: Reads): VoteView | null {
  const vote = shownVote(ctx);
  return vote ? fill<typeof vote, VoteView>(slot, VOTE, p, vote, undefined, r, false) : null;
}

const PLAYER = builder(PLAYER_FIELDS as Table<Player>);
const VOTE = builder(VOTE_FIELDS as Table<NonNullable<GameContext['vote']>>);
const YOU = builder(YOU_FIELDS as Table<Player>);
const YOU_AS = Object.fromEntries(Object.entries(YOU_TABLES).map(([id, table]) => [id, builder(table)])) as Record<string, Builder<Player>>;

/** The table of the role the seat believes it holds (R86: the fool's is the seer's until game over). */
function youTable(ctx: GameContext, me: Player): Builder<Player> {
  const role = shownRole(ctx, me);
  return role ? YOU_AS[role] : YOU;
}

/**
 * Whether a table's entries can differ between recipients only in the recipient's own entry, so
 * that every other recipient shares one list: true unless a field is granted to some recipients
 * by who they are (the wolves, the dead, the spectators).
 */
function sharedButOwn(table: Table<never>): boolean {
  return !Object.values(table).some((f) => f.who.some(personal));
}
const PLAYERS_SHARED = sharedButOwn(PLAYER_FIELDS as Table<never>);
const VOTE_SHARED = sharedButOwn(VOTE_FIELDS as Table<never>) && !Object.values(VOTE_FIELDS as Table<never>).some((f) => f.who.includes('own'));
