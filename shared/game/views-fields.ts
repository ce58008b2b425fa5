import { dayOffers } from './day.ts';
import { inPack, shownRole } from './derived.ts';
import type { ChatChannel, ChatMessage, GameView, PlayerView, VoteView, YouView } from '../views.ts';
import type { Settings } from '../settings.ts';
import { ROLE_LIST, teamOf } from './roles/index.ts';
import type { GameContext, Player } from './types.ts';
import { promptFor } from './views-you.ts';
import { setupOf } from './setup.ts';
import { teamOfPlayer } from './win.ts';

/**
 * Every field a view may carry, declared once with who may read it (docs/rules.md R70–R79).
 * `viewFor` builds each view from these tables and from nothing else, and the property test's leak
 * oracle (test/helpers/oracle.ts) fails on any key in a view that has no declaration here or whose
 * audience does not hold the recipient. A new field is one line here; a role's own fields are its
 * module's `view` map (ROLE_FIELDS below), so adding a role does not touch this file.
 */

/**
 * Who may read a field; any one grant suffices. The subject is the seat an entry is about (a
 * player entry's seat, the `you` view's seat); the recipient is the audience the view is for.
 */
export type Grant =
  /** Every recipient: any seat, a stranger, the spectators. */
  | 'everyone'
  /** Everyone, once the game is over (R78). */
  | 'over'
  /** The recipient's own seat: its `you`, its own entry among the players (R72). */
  | 'own'
  /** A werewolf's seat, alive or dead (R65). */
  | 'wolves'
  /** A dead player's seat (R79). */
  | 'dead'
  /** About a subject whose role a rule of that role made public (R80): every recipient. */
  | 'revealed'
  /** Only when a setting has one of these values; `of: 'dead'` only about a dead subject, `to` only for the spectators. */
  | SettingGrant;

export interface SettingGrant {
  setting: keyof Settings;
  in: readonly unknown[];
  of?: 'dead';
  to?: 'spectators';
}

/**
 * One field. `of` / `each` name the table of a nested object / of each entry of a list (the
 * oracle walks them); a field with neither is a leaf or a record keyed by seat, read whole.
 * `value` builds it (undefined leaves it out); tables of entries the rules store ready-made in the
 * context (timeline, secrets, outcome, chat) have no `value`: their audience is declared for the
 * oracle, and the rules that write them keep to it.
 */
export interface Field<S> {
  who: readonly Grant[];
  of?: Table<never>;
  each?: Table<never>;
  /** For a list whose entries each have their own audience: the entry's key and the grants per value. */
  entries?: { by: string; who: Record<string, readonly Grant[]> };
  /** `own`: the recipient is the subject (its own entry, its own `you`). */
  value?: (ctx: GameContext, subject: S, own: boolean) => unknown;
  /** Instead of `value`: the part of that name, built from its own table for the recipient. */
  part?: keyof Parts;
}

export type Table<S> = Record<string, Field<S>>;

const EVERYONE = ['everyone'] as const;
const OWN = ['own'] as const;
const OVER = ['over'] as const;
/** Ballots are public unless votes are secret (R47, R77). */
const PUBLIC_BALLOTS: readonly Grant[] = [{ setting: 'secretVotes', in: [false] }];

/** A seat as anyone sees it (R71, R72, R78); the subject is that seat's player. */
export const PLAYER_FIELDS = {
  seat: { who: EVERYONE, value: (_ctx, p) => p.seat },
  name: { who: EVERYONE, value: (_ctx, p) => p.name },
  bot: { who: EVERYONE, value: (_ctx, p) => p.bot },
  connected: { who: EVERYONE, value: (_ctx, p) => p.connected },
  alive: { who: EVERYONE, value: (_ctx, p) => p.alive },
  // Everyone reads a death's day and its public cause; the true cause only at game over (R78).
  death: { who: EVERYONE, of: { day: { who: EVERYONE }, cause: { who: EVERYONE } }, value: (ctx, p) => p.death && { day: p.death.day, cause: ctx.phase === 'over' ? p.death.cause : p.death.publicCause } },
  // A seat sees itself as the role it believes it holds (the fool, R72); a public reveal shows it to all (R80).
  role: { who: ['own', 'over', 'revealed', { setting: 'reveal', in: ['full'], of: 'dead' }], value: (ctx, p, own) => (own ? shownRole(ctx, p) : p.role) ?? undefined },
  // The lovers' bond is secret while the game runs (R28): before the end only the lover himself sees `lovers` (R74).
  team: {
    who: ['own', 'over', { setting: 'reveal', in: ['team', 'full'], of: 'dead' }],
    value: (ctx, p, own) => (p.role ? (own || ctx.phase === 'over' ? teamOfPlayer(ctx, p) : teamOf(p.role)) : undefined),
  },
} satisfies Record<keyof PlayerView, Field<Player>>;

/** The vote as everyone sees it (R77); the subject is the vote state. */
export const VOTE_FIELDS = {
  round: { who: EVERYONE, value: (_ctx, v) => v.round },
  candidates: { who: EVERYONE, value: (_ctx, v) => v.candidates },
  voted: { who: EVERYONE, value: (_ctx, v) => Object.keys(v.ballots).map(Number) },
  ballots: { who: PUBLIC_BALLOTS, value: (_ctx, v) => v.ballots },
} satisfies Record<keyof VoteView, Field<NonNullable<GameContext['vote']>>>;

/** A public timeline entry, any kind (R71); vote entries carry ballots only when votes are public. */
export const TIMELINE_FIELDS: Table<never> = {
  kind: { who: EVERYONE }, day: { who: EVERYONE }, deaths: { who: EVERYONE }, round: { who: EVERYONE },
  tally: { who: EVERYONE }, abstain: { who: EVERYONE }, outcome: { who: EVERYONE }, seat: { who: EVERYONE },
  cause: { who: EVERYONE }, hunter: { who: EVERYONE }, ballots: { who: PUBLIC_BALLOTS },
  // A public reveal names the role (R80); a day action names its kind (R82).
  role: { who: EVERYONE }, act: { who: EVERYONE },
};


export const OUTCOME_FIELDS: Table<never> = { winner: { who: EVERYONE }, seats: { who: EVERYONE }, reason: { who: EVERYONE } };

export const CHAT_FIELDS: Table<never> = {
  id: { who: EVERYONE }, channel: { who: EVERYONE }, seat: { who: EVERYONE }, name: { who: EVERYONE }, text: { who: EVERYONE }, at: { who: EVERYONE },
  // A talk structure (shared/talk.ts) says what its text says: it reaches whoever reads the message.
  talk: { who: EVERYONE },
};

/** Who reads each chat channel (R65, R79): everything once the game is over. */
export const CHANNEL_READERS: Record<ChatChannel, readonly Grant[]> = {
  lobby: EVERYONE,
  day: EVERYONE,
  wolves: ['wolves', 'over'],
  dead: ['dead', 'over', { setting: 'spectatorsSeeDeadChat', in: [true], to: 'spectators' }],
};

/** A prompt's fields, any kind (R76): the own seat's, and the rules check that its kind fits the seat. */
export const PROMPT_FIELDS: Table<never> = Object.fromEntries(
  ['kind', 'targets', 'current', 'canAbstain', 'done', 'victim', 'canHeal', 'canPoison', 'victims', 'second', 'canTurn', 'turn', 'wolves', 'kill'].map((k) => [k, { who: OWN }]),
);

/** What only the viewer's own seat knows (R72, R74, R76); the subject is that seat's player. */
export const YOU_FIELDS = {
  seat: { who: OWN, value: (_ctx, me) => me.seat },
  role: { who: OWN, value: (ctx, me) => shownRole(ctx, me) },
  team: { who: OWN, value: (ctx, me) => (me.role ? teamOfPlayer(ctx, me) : null) },
  alive: { who: OWN, value: (_ctx, me) => me.alive },
  isHost: { who: OWN, value: (ctx, me) => ctx.host === me.seat },
  missedVotes: { who: OWN, value: (_ctx, me) => me.missedVotes },
  prompt: { who: OWN, of: PROMPT_FIELDS, value: (ctx, me) => promptFor(ctx, me) },
  lover: { who: OWN, value: (_ctx, me) => me.lover ?? undefined },
  dayActions: { who: OWN, value: (ctx, me) => dayOffers(ctx, me) },
  acted: { who: OWN, value: (ctx, me) => (ctx.phase === 'night' && me.alive && !inPack(me.role) ? me.seat in ctx.night.actions : undefined) },
} satisfies Partial<Record<keyof YouView, Field<Player>>>;

/**
 * Each role's own fields, from its module's `view` map: key → the one role that declares it. Their
 * audience is the recipient's own seat when its role is that one (R73–R75); they are read whole.
 */
export const ROLE_FIELDS: Readonly<Record<string, string>> = roleFields('view');

/**
 * The fields a role adds to every pack member's `you` view (its module's `packView`): key → the one
 * role that declares it. Their audience is a member of the pack, living or dead (R120, R161); read whole.
 */
export const PACK_FIELDS: Readonly<Record<string, string>> = roleFields('packView');

function roleFields(which: 'view' | 'packView'): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  for (const role of ROLE_LIST) {
    for (const [map, key] of [...Object.keys(role.view ?? {}).map((k) => ['view', k]), ...Object.keys(role.packView ?? {}).map((k) => ['packView', k])]) {
      // Two owners of one key would each hold the other's secret to the same name.
      if (seen.has(key) || key in YOU_FIELDS) throw new Error(`view key "${key}" of role ${role.id} is declared twice`);
      seen.add(key);
      if (map === which) out[key] = role.id;
    }
  }
  return out;
}

/** The parts of a view built from their own tables (above) for one recipient. */
export interface Parts { players: PlayerView[]; vote: VoteView | null; you: YouView | null; chat: ChatMessage[] }

/** The whole view (R70): `version` is the room's, stamped per audience. */
export const GAME_FIELDS = {
  gameNo: { who: EVERYONE, value: (ctx) => ctx.gameNo },
  phase: { who: EVERYONE, value: (ctx) => ctx.phase },
  phaseId: { who: EVERYONE, value: (ctx) => ctx.phaseId },
  day: { who: EVERYONE, value: (ctx) => ctx.day },
  deadline: { who: EVERYONE, value: (ctx) => ctx.deadline },
  settings: { who: EVERYONE, value: (ctx) => ctx.settings },
  // The roles in play by count, never by seat (R240–R242).
  setup: { who: EVERYONE, value: (ctx) => setupOf(ctx) },
  host: { who: EVERYONE, value: (ctx) => ctx.host },
  players: { who: EVERYONE, each: PLAYER_FIELDS as Table<never>, part: 'players' },
  vote: { who: EVERYONE, of: VOTE_FIELDS as Table<never>, part: 'vote' },
  ready: { who: EVERYONE, value: (ctx) => ctx.ready },
  // Null unless the recipient holds a seat; every field in it is that seat's own.
  you: { who: EVERYONE, of: YOU_FIELDS as Table<never>, part: 'you' },
  timeline: { who: EVERYONE, each: TIMELINE_FIELDS, value: (ctx) => ctx.timeline },
  // The record of the game, whole, only at game over (R78): each role declares its own entries' shape.
  secrets: { who: OVER, value: (ctx) => ctx.secrets },
  outcome: { who: EVERYONE, of: OUTCOME_FIELDS, value: (ctx) => ctx.outcome },
  chat: { who: EVERYONE, each: CHAT_FIELDS, entries: { by: 'channel', who: CHANNEL_READERS }, part: 'chat' },
} satisfies Record<Exclude<keyof GameView, 'version'>, Field<Parts>>;
