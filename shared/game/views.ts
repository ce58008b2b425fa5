import { inPack, shownRole } from './derived.ts';
import type { RoleId } from '../roles.ts';
import type { ChatChannel, ChatMessage, PlayerView, ViewBody, VoteView, YouView } from '../views.ts';
import { player } from './deaths.ts';
import { ROLE_LIST } from './roles/index.ts';
import type { GameContext, Player } from './types.ts';
import { CHANNEL_READERS, GAME_FIELDS, type Grant, type Parts, PLAYER_FIELDS, type Table, VOTE_FIELDS, YOU_FIELDS } from './views-fields.ts';

/** Who a view is for: one seat (alive or dead, or a seat the room does not have), or the spectators. */
export type Audience = { kind: 'seat'; seat: number } | { kind: 'spectator' };
export type { ViewBody };

/** Chat messages a view carries; older ones are in the game's record. */
export const VIEW_CHAT = 50;

/**
 * Everything `audience` may know about the game, and nothing more (docs/rules.md R70–R79): the
 * one place that decides what leaves the server. Each field is built from its declaration in
 * views-fields.ts when, and only when, its audience holds the recipient.
 *
 * With a `cache` (one per room, owned by the caller) parts unchanged since the last state are
 * reused; without, the view is built from scratch. Views and their parts are shared: never mutate one.
 */
export function viewFor(ctx: GameContext, audience: Audience, cache?: Cache): ViewBody {
  return cache ? cache.view(ctx, audience) : freshView(ctx, audience);
}

/** What viewFor asks of a cache: a ViewCache (views-cache.ts), owned by the room. */
export interface Cache { view(ctx: GameContext, audience: Audience): ViewBody }

/** The view built from scratch, every part for this recipient: what a cache must always agree with. */
export function freshView(ctx: GameContext, audience: Audience): ViewBody {
  const r = recipient(ctx, audience);
  const players = ctx.players.map((p) => build<Player, PlayerView>(PLAYER, ctx, p, p, r));
  const parts: Parts = { players, vote: voteFor(ctx, r), you: r.me ? youFor(ctx, r.me) : null, chat: chatFor(ctx.chat, channelsFor(ctx, r)) };
  return assemble(ctx, parts, r);
}

// ---------------------------------------------------------------- audiences

/** A view's recipient: its audience and, when it holds a seat of the room, that seat's player. */
export interface Recipient { audience: Audience | null; me: Player | undefined }

/** Nobody in particular: only the grants that hold for every recipient admit a field. */
export const ANYONE: Recipient = { audience: null, me: undefined };

export function recipient(ctx: GameContext, audience: Audience): Recipient {
  return { audience, me: audience.kind === 'seat' ? player(ctx, audience.seat) : undefined };
}

/** Whether any of `who` lets the recipient read a field about `about` (R70–R79). */
export function admits(who: readonly Grant[], ctx: GameContext, r: Recipient, about: Player | undefined): boolean {
  for (const g of who) if (grants(g, ctx, r, about)) return true;
  return false;
}

function grants(g: Grant, ctx: GameContext, r: Recipient, about: Player | undefined): boolean {
  switch (g) {
    case 'everyone': return true;
    case 'over': return ctx.phase === 'over';
    case 'own': return r.me !== undefined && about !== undefined && r.me.seat === about.seat;
    case 'wolves': return inPack(r.me?.role ?? null);
    case 'dead': return r.me !== undefined && !r.me.alive;
    case 'revealed': return about?.revealed === true;
    default:
      if (!g.in.includes(ctx.settings[g.setting])) return false;
      if (g.of === 'dead' && (about === undefined || about.alive)) return false;
      return g.to !== 'spectators' || r.audience?.kind === 'spectator';
  }
}

/** Whether a grant's verdict can differ between recipients (and not only for the subject's own seat). */
export function personal(g: Grant): boolean {
  return g === 'wolves' || g === 'dead' || (typeof g === 'object' && g.to !== undefined);
}

// ---------------------------------------------------------------- building

/**
 * A table as arrays, made once when the module loads: building a view from scratch walks these,
 * and a field any recipient may read skips the audience check. (The room's cache builds with its
 * own compiled form of the same tables, views-compiled.ts.)
 */
export interface Compiled<S> {
  keys: string[];
  /** null: everyone may read it. */
  who: (readonly Grant[] | null)[];
  /** Whether the subject's own seat may read it. */
  own: boolean[];
  /** Whether it is the same for every recipient of a state: read from the context, and not granted by who the recipient is. */
  shared: boolean[];
  /** The part of that name, or null. */
  part: (keyof Parts | null)[];
  value: ((ctx: GameContext, subject: S, own: boolean) => unknown)[];
}

export function compile<S>(table: Table<S>): Compiled<S> {
  const keys = Object.keys(table);
  return {
    keys,
    who: keys.map((k) => (table[k].who.includes('everyone') ? null : table[k].who)),
    own: keys.map((k) => table[k].who.includes('own')),
    shared: keys.map((k) => !table[k].part && !table[k].who.some((g) => g === 'own' || personal(g))),
    part: keys.map((k) => table[k].part ?? null),
    value: keys.map((k) => {
      const { part, value } = table[k];
      return part ? (_ctx: GameContext, parts: S) => (parts as Parts)[part] : value!;
    }),
  };
}

export const GAME = compile(GAME_FIELDS);
const PLAYER = compile(PLAYER_FIELDS);
const VOTE = compile(VOTE_FIELDS);
const YOU = compile(YOU_FIELDS);

/** Per role, the seat's own fields followed by those its module's `view` declares (ROLE_FIELDS), read by its own seat only. */
export const YOU_TABLES = Object.fromEntries(
  ROLE_LIST.map((role) => {
    const fields: Table<Player> = { ...YOU_FIELDS };
    for (const [key, value] of Object.entries(role.view ?? {})) fields[key] = { who: ['own'], value: (ctx, me) => value(ctx, me.seat) };
    // Every member of the pack sees the pack's fields, whichever role declares them (R120: the pack list, the alpha's bite; R161: a caught little girl).
    if (inPack(role.id)) for (const r of ROLE_LIST) for (const [key, value] of Object.entries(r.packView ?? {})) fields[key] = { who: ['own'], value: (ctx, me) => value(ctx, me.seat) };
    return [role.id, fields];
  }),
) as Record<RoleId, Table<Player>>;
const YOU_AS = Object.fromEntries(Object.entries(YOU_TABLES).map(([id, table]) => [id, compile(table)])) as Record<RoleId, Compiled<Player>>;

const NONE: boolean[] = [];

/** One object of a table about `about`: every field the recipient may read, none other. */
export function build<S, T extends object>(table: Compiled<S>, ctx: GameContext, subject: S, about: Player | undefined, r: Recipient): T {
  const own = about !== undefined && r.me !== undefined && r.me.seat === about.seat;
  const { keys, who, value } = table;
  const ownOk = own ? table.own : NONE;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const w = who[i];
    if (w !== null && !ownOk[i] && !admits(w, ctx, r, about)) continue;
    const v = value[i](ctx, subject, own);
    if (v !== undefined) out[keys[i]] = v;
  }
  return out as T;
}

/** The view itself, from its parts. */
export function assemble(ctx: GameContext, parts: Parts, r: Recipient): ViewBody {
  return build(GAME, ctx, parts, undefined, r);
}

/** The vote is shown during the vote only (R77): the vote state then, else null. */
export function shownVote(ctx: GameContext): GameContext['vote'] {
  return ctx.phase === 'vote' ? ctx.vote : null;
}

export function voteFor(ctx: GameContext, r: Recipient): VoteView | null {
  const vote = shownVote(ctx);
  return vote ? build<typeof vote, VoteView>(VOTE, ctx, vote, undefined, r) : null;
}

/** The seat's own view: the fields of YOU_FIELDS, then those its role's module declares (R72–R76). */
export function youFor(ctx: GameContext, me: Player, r: Recipient = { audience: { kind: 'seat', seat: me.seat }, me }): YouView {
  // The role the seat believes it holds (R86): its table, its role's private fields.
  const role = shownRole(ctx, me);
  return build(role ? YOU_AS[role] : YOU, ctx, me, me, r);
}

// ---------------------------------------------------------------- chat

/** Channel bits, for a set of channels as one number. */
export const CHANNEL_BIT: Record<ChatChannel, number> = { lobby: 1, day: 2, wolves: 4, dead: 8 };
const CHANNELS = Object.keys(CHANNEL_READERS) as ChatChannel[];
const EVERY_CHANNEL = CHANNELS.reduce((mask, c) => mask | CHANNEL_BIT[c], 0);

/** The channels the recipient reads (R65), as channel bits. */
export function channelsFor(ctx: GameContext, r: Recipient): number {
  let mask = 0;
  for (const c of CHANNELS) if (admits(CHANNEL_READERS[c], ctx, r, undefined)) mask |= CHANNEL_BIT[c];
  return mask;
}

/** Who may read what (R65), as channel bits. */
export function readable(ctx: GameContext, audience: Audience): number {
  return channelsFor(ctx, recipient(ctx, audience));
}

export function canRead(ctx: GameContext, audience: Audience, channel: ChatChannel): boolean {
  return (readable(ctx, audience) & CHANNEL_BIT[channel]) !== 0;
}

/** The last VIEW_CHAT messages of the channels in `mask` (R64, R65). */
export function chatFor(chat: ChatMessage[], mask: number): ChatMessage[] {
  if (mask === EVERY_CHANNEL) return chat.length > VIEW_CHAT ? chat.slice(chat.length - VIEW_CHAT) : chat;
  const out: ChatMessage[] = [];
  for (let i = chat.length - 1; i >= 0 && out.length < VIEW_CHAT; i--) if (mask & CHANNEL_BIT[chat[i].channel]) out.push(chat[i]);
  return out.reverse();
}
