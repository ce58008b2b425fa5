import { inPack, shownRole } from './derived.ts';
import { sameJson as alike } from './json.ts';
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
 * A table as arrays, made once when the module loads: building a view walks these, and a field
 * any recipient may read skips the audience check.
 */
export interface Compiled<S> {
  keys: string[];
  /** null: everyone may read it. */
  who: (readonly Grant[] | null)[];
  /** Whether the subject's own seat may read it. */
  own: boolean[];
  /** Whether it is the same for every recipient of a state: read from the context, and not granted by who the recipient is. */
  shared: boolean[];
  value: ((ctx: GameContext, subject: S, own: boolean) => unknown)[];
}

export function compile<S>(table: Table<S>): Compiled<S> {
  const keys = Object.keys(table);
  return {
    keys,
    who: keys.map((k) => (table[k].who.includes('everyone') ? null : table[k].who)),
    own: keys.map((k) => table[k].who.includes('own')),
    shared: keys.map((k) => !table[k].part && !table[k].who.some((g) => g === 'own' || personal(g))),
    value: keys.map((k) => {
      const { part, value } = table[k];
      return part ? (_ctx: GameContext, parts: S) => (parts as Parts)[part] : value!;
    }),
  };
}

const GAME = compile(GAME_FIELDS);
export const PLAYER = compile(PLAYER_FIELDS);
const VOTE = compile(VOTE_FIELDS);
const YOU = compile(YOU_FIELDS);
/** Per role, the seat's own fields followed by those its module's `view` declares (ROLE_FIELDS). */
const YOU_AS = Object.fromEntries(
  ROLE_LIST.map((role) => {
    const fields: Table<Player> = { ...YOU_FIELDS };
    for (const [key, value] of Object.entries(role.view ?? {})) fields[key] = { who: ['own'], value: (ctx, me) => value(ctx, me.seat) };
    // Every member of the pack sees the pack's fields, whichever of the pack's roles declares them (R120).
    if (role.night?.pack) for (const r of ROLE_LIST) for (const [key, value] of Object.entries(r.packView ?? {})) fields[key] = { who: ['own'], value: (ctx, me) => value(ctx, me.seat) };
    return [role.id, compile(fields)];
  }),
) as Record<RoleId, Compiled<Player>>;

const NONE: boolean[] = [];

/** The last object a table built for one recipient and the field values it holds, in table order. */
export interface Built<T> { object: T | undefined; values: unknown[]; /** Scratch space for the next values. */ next: unknown[] }

export function built<T>(): Built<T> {
  return { object: undefined, values: [], next: [] };
}

/**
 * One object of a table about `about`: every field the recipient may read, none other. With
 * `last` (what this table last built for this recipient) and every value alike to the one there,
 * the last object itself is returned, so unchanged parts keep their identity from state to state.
 * `shared` holds the values of the fields the same for every recipient (Compiled.shared), when known.
 */
export function build<S, T extends object>(table: Compiled<S>, ctx: GameContext, subject: S, about: Player | undefined, r: Recipient, last?: Built<T>, shared?: unknown[]): T {
  const own = about !== undefined && r.me !== undefined && r.me.seat === about.seat;
  const { keys, who, value } = table;
  const ownOk = own ? table.own : NONE;
  const values: unknown[] = last ? last.next : [];
  const before = last?.object !== undefined ? last.values : undefined;
  let same = before !== undefined;
  for (let i = 0; i < keys.length; i++) {
    const w = who[i];
    const v = shared !== undefined && table.shared[i] ? shared[i]
      : w === null || ownOk[i] || admits(w, ctx, r, about) ? value[i](ctx, subject, own) : undefined;
    values[i] = v;
    if (same && !alike(before![i], v)) same = false;
  }
  if (same) return last!.object!;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) if (values[i] !== undefined) out[keys[i]] = values[i];
  if (last) { last.object = out as T; last.next = last.values; last.values = values; }
  return out as T;
}


/** The view itself; `shared` holds the values of the fields the same for every recipient (sharedFields), when known. */
export function assemble(ctx: GameContext, parts: Parts, r: Recipient, last?: Built<ViewBody>, shared?: unknown[]): ViewBody {
  return build(GAME, ctx, parts, undefined, r, last, shared);
}

/** The values of the view's fields that are the same for every recipient of this state (the others undefined). */
export function sharedFields(ctx: GameContext): unknown[] {
  const none = { players: [], vote: null, you: null, chat: [] };
  return GAME.keys.map((_k, i) => (GAME.shared[i] && (GAME.who[i] === null || admits(GAME.who[i]!, ctx, ANYONE, undefined)) ? GAME.value[i](ctx, none, false) : undefined));
}

/** The vote, during the vote only (R77). */
export function voteFor(ctx: GameContext, r: Recipient): VoteView | null {
  return ctx.vote && ctx.phase === 'vote' ? (build<GameContext['vote'] & object, VoteView>(VOTE, ctx, ctx.vote, undefined, r)) : null;
}

/** The seat's own view: the fields of YOU_FIELDS, then those its role's module declares (R72–R76). */
export function youFor(ctx: GameContext, me: Player, last?: Built<YouView>, r: Recipient = { audience: { kind: 'seat', seat: me.seat }, me }): YouView {
  const role = shownRole(ctx, me);
  return build(role ? YOU_AS[role] : YOU, ctx, me, me, r, last);
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
