import type { ChatMessage, PlayerView, VoteView, YouView } from '../views.ts';
import type { GameContext, Player } from './types.ts';
import { ANYONE, assemble, type Audience, build, built, type Built, PLAYER, sharedFields, channelsFor, chatFor, personal, recipient, voteFor, youFor, type ViewBody } from './views.ts';
import { PLAYER_FIELDS, PLAYER_READS, type Table, VOTE_FIELDS, VOTE_READS } from './views-fields.ts';

/**
 * What one room's views share from one state to the next and between its audiences, owned by the
 * room (server/rooms/broadcast.ts) and handed to `viewFor`: the rules keep no state of their own.
 * A part is reused while the context fields its table declares it reads (PLAYER_READS, ...) are the
 * very same objects (the context is immutable), so a new field is cached right by declaring it;
 * a seat's own view (`you`, its role's fields, its prompt) is built afresh every time.
 * test/game/views.cache.test.ts holds every view to the same view built from scratch.
 */
export class ViewCache {
  private players = new Memo<PlayerView[]>();
  private vote = new Memo<VoteView | null>();
  /** The view fields every audience of the last state shares. */
  private state: GameContext | null = null;
  private shared: unknown[] = [];
  private chatOf: ChatMessage[] | null = null;
  private chats = new Map<number, ChatMessage[]>();
  /** Per audience (a seat, or -1 for the spectators): its last view, and its players list with the public list and players it was built on. */
  private last = new Map<number, Last>();

  view(ctx: GameContext, audience: Audience): ViewBody {
    const r = recipient(ctx, audience);
    if (ctx !== this.state) { this.state = ctx; this.shared = sharedFields(ctx); }
    const key = audience.kind === 'seat' ? audience.seat : -1;
    let last = this.last.get(key);
    if (!last) this.last.set(key, (last = { view: built(), you: built(), pub: null, players: null, list: [], phase: null, settings: null, me: undefined, mask: 0 }));
    const pub = this.players.get(ctx, PLAYER_READS, () => ctx.players.map((p) => build<Player, PlayerView>(PLAYER, ctx, p, p, ANYONE)));
    let players = pub;
    if (!PLAYERS_SHARED) players = ctx.players.map((p) => build<Player, PlayerView>(PLAYER, ctx, p, p, r));
    else if (r.me) players = this.ownList(ctx, r.me, pub, last);
    const vote = VOTE_SHARED ? this.vote.get(ctx, VOTE_READS, () => voteFor(ctx, ANYONE)) : voteFor(ctx, r);
    const you = r.me ? youFor(ctx, r.me, last.you, r) : null;
    // Audiences are decided by the phase, the settings and the recipient's own player alone (views.ts grants()).
    if (last.phase !== ctx.phase || last.settings !== ctx.settings || last.me !== r.me) {
      last.mask = channelsFor(ctx, r);
      last.phase = ctx.phase;
      last.settings = ctx.settings;
      last.me = r.me;
    }
    return assemble(ctx, { players, vote, you, chat: this.chat(ctx.chat, last.mask) }, r, last.view, this.shared);
  }

  private ownList(ctx: GameContext, me: Player, pub: PlayerView[], last: Last): PlayerView[] {
    if (last.pub === pub && last.players === ctx.players) return last.list;
    const mine = build<Player, PlayerView>(PLAYER, ctx, me, me, { audience: { kind: 'seat', seat: me.seat }, me });
    last.pub = pub;
    last.players = ctx.players;
    return (last.list = pub.map((p) => (p.seat === me.seat ? mine : p)));
  }

  private chat(chat: ChatMessage[], mask: number): ChatMessage[] {
    if (chat !== this.chatOf) { this.chatOf = chat; this.chats.clear(); }
    let out = this.chats.get(mask);
    if (!out) this.chats.set(mask, (out = chatFor(chat, mask)));
    return out;
  }
}

interface Last {
  view: Built<ViewBody>;
  you: Built<YouView>;
  pub: PlayerView[] | null;
  players: Player[] | null;
  list: PlayerView[];
  /** The channels the recipient reads, and what they were decided on. */
  phase: GameContext['phase'] | null;
  settings: GameContext['settings'] | null;
  me: Player | undefined;
  mask: number;
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

function same(ctx: GameContext, reads: readonly (keyof GameContext)[], inputs: unknown[]): boolean {
  for (let i = 0; i < reads.length; i++) if (ctx[reads[i]] !== inputs[i]) return false;
  return true;
}

/** One value, kept while the context fields it was built from hold. */
class Memo<V> {
  private inputs: unknown[] | null = null;
  private value: V | undefined;
  get(ctx: GameContext, reads: readonly (keyof GameContext)[], make: () => V): V {
    const inputs = this.inputs;
    if (inputs && same(ctx, reads, inputs)) return this.value!;
    this.inputs = reads.map((k) => ctx[k]);
    return (this.value = make());
  }
}
