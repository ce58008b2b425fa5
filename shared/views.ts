import type { RoleId, Team } from './roles.ts';
import type { PresetId, Settings } from './settings.ts';
import type { Talk } from './talk.ts';

/** The phases of a game, in the order they come (docs/rules.md R1). */
export const PHASES = ['lobby', 'night', 'dawn', 'day', 'vote', 'execution', 'hunter', 'over'] as const;
export type Phase = (typeof PHASES)[number];

import type { ChatChannel } from './channels.ts';
export type { ChatChannel };

/** How the village saw a death happen. Night deaths are all 'night': the cause would reveal roles. */
export type PublicCause = 'night' | 'executed' | 'shot' | 'grief' | 'afk' | 'left';
/** The full cause, known only at game over and in the record. */
export type DeathCause = keyof DeathCauses;
/** The causes of the phases; a role that kills adds its cause by declaration merging (with its words). */
export interface DeathCauses { executed: true; grief: true; afk: true; left: true }

export interface PlayerView {
  seat: number;
  name: string;
  bot: boolean;
  connected: boolean;
  alive: boolean;
  /** Shown when the reveal setting allows it, for the viewer's own seat, and for everyone at game over. */
  role?: RoleId;
  team?: Team;
  death?: { day: number; cause: PublicCause | DeathCause };
}

export interface ChatMessage {
  /** Counts within its channel (1, 2, …): `channel` + `id` identify a message. */
  id: number;
  channel: ChatChannel;
  seat: number;
  name: string;
  /** What people read: the sender's words, or the server's words for `talk`. */
  text: string;
  /** The same message as a talk structure (shared/talk.ts), when it was sent as one. */
  talk?: Talk;
  at: number;
}

/**
 * The night actions on the wire (`night:act`), one per night role: each role module adds its own
 * by declaration merging (`declare module '../../views.ts' { interface NightActions { … } }`).
 */
export interface NightActions {
  /** A living player with nothing else to do tonight says so (R7). */
  sleep: { kind: 'sleep' };
}
export type NightAction = NightActions[keyof NightActions];

/**
 * The day actions on the wire (`day:act`): a role's public move by day, once or more as its rules
 * say (the mayor's reveal, the pacifist's truce). Each role module adds its own by declaration
 * merging, as for the night; the interface is empty until one does.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DayActions {}
export type DayAction = DayActions[keyof DayActions] extends never ? { kind: string } : DayActions[keyof DayActions];

/** A day action this seat may take now (`day:act` with this kind), and its button's words. */
export interface DayActionOffer { kind: string; label: string; hint: string }

/**
 * What the viewer must or may do now. `targets` are the seats a choice may name. The prompts of
 * the phases are here; a night role's prompt has its action's kind and is added by its module
 * (declaration merging), which also says how to answer it (`form`).
 */
export interface Prompts {
  vote: { kind: 'vote'; targets: number[]; current: number | null | undefined; canAbstain: true };
  ready: { kind: 'ready'; done: boolean };
  /** Nothing else to do tonight: say so, and the night may end early (every living player answers). */
  sleep: { kind: 'sleep' };
  hunter: { kind: 'hunter'; targets: number[] };
}
export type Prompt = Prompts[keyof Prompts];
/** The prompts of the phases themselves; every other prompt is a night role's. */
export type PhasePrompt = Prompts['vote' | 'ready' | 'sleep' | 'hunter'];
export type RolePrompt = Exclude<Prompt, PhasePrompt>;

export interface SeerResult { night: number; seat: number; team: 'village' | 'wolves' }

/** What only the viewer's own seat knows. */
export interface YouView {
  seat: number;
  role: RoleId | null;
  team: Team | null;
  alive: boolean;
  isHost: boolean;
  /** The seat you are in love with (lovers only). Role fields are added by the role modules. */
  lover?: number;
  /** Whether this night's answer (action or sleep) is given. */
  acted?: boolean;
  /** Missed votes in a row: one is a warning, two remove you from the game (R40). */
  missedVotes: number;
  prompt: Prompt | null;
  /** The day actions this seat's role may take now (R82); absent when none. */
  dayActions?: DayActionOffer[];
}

export interface VoteView {
  round: 1 | 2;
  /** Seats that may be voted for (all living, or the tied in a re-vote). */
  candidates: number[];
  /** Who has voted (always public). */
  voted: number[];
  /** Each voter's choice (null = abstain), only when votes are public. */
  ballots?: Record<number, number | null>;
}

/** A public entry of the game's timeline. */
export type TimelineEntry =
  | { kind: 'night'; day: number; deaths: number[] }
  | { kind: 'vote'; day: number; round: 1 | 2; tally: Record<number, number>; abstain: number; ballots?: Record<number, number | null>; outcome: 'executed' | 'none' | 'revote'; seat?: number }
  | { kind: 'death'; day: number; seat: number; cause: PublicCause }
  | { kind: 'shot'; day: number; hunter: number; seat: number | null }
  | { kind: 'afk'; day: number; seat: number }
  /** A living player's role made public by a rule of that role (R80): the mayor, a spared prince. */
  | { kind: 'reveal'; day: number; seat: number; role: RoleId }
  /** The executed player survives by a rule of his role (R81). */
  | { kind: 'spared'; day: number; seat: number }
  /** A public day action (R82), named by its kind: the pacifist's truce. */
  | { kind: 'act'; day: number; seat: number; act: string };

/**
 * Secret events, shown to everyone only once the game is over. A role module adds the entries its
 * actions write by declaration merging, with their words (`words.secret`).
 */
export interface SecretEntries {
  deal: { kind: 'deal'; roles: Record<number, RoleId> };
  /** Written by the generic `inspect` effect (R23). */
  seer: { kind: 'seer'; night: number; seer: number; seat: number; team: 'village' | 'wolves' };
  death: { kind: 'death'; day: number; seat: number; cause: DeathCause };
  /** A seat's role changed by a rule (R83): the apprentice becomes the seer, the cursed a werewolf. */
  became: { kind: 'became'; day: number; seat: number; from: RoleId; role: RoleId };
}
export type SecretEntry = SecretEntries[keyof SecretEntries];

export interface Outcome {
  winner: Team | 'nobody';
  seats: number[];
  reason: string;
}

/**
 * Everything one audience may know about a room's game, computed by viewFor on the server.
 * `version` grows by one each time this audience's view changes.
 */
export interface GameView {
  version: number;
  gameNo: number;
  phase: Phase;
  phaseId: number;
  /** Night n precedes day n. 0 before the first night. */
  day: number;
  /** Absolute time (ms since epoch, server clock) when the phase ends, or null. */
  deadline: number | null;
  settings: Settings;
  /** The roles in play, counts only (R240). */
  setup: SetupView;
  host: number | null;
  players: PlayerView[];
  vote: VoteView | null;
  /** Day-discussion seats that asked to skip to the vote. */
  ready: number[];
  you: YouView | null;
  timeline: TimelineEntry[];
  /** Only at game over. */
  secrets?: SecretEntry[];
  outcome: Outcome | null;
  /** The most recent messages of the channels this audience may read. */
  chat: ChatMessage[];
}

/**
 * The roles in play, public (docs/rules.md R240–R242): before the deal what the preset deals at
 * the seated count, after it what was dealt. Counts only, never who holds what.
 */
export interface SetupView {
  preset: PresetId;
  /** The player count it is for (at least 5 before the deal). */
  players: number;
  /** Whether these are the dealt roles (after the start) or the roles the preset would deal now. */
  dealt: boolean;
  /** Each role with its count, villagers included; null when the preset shows only categories or draws at the deal. */
  roles: Record<RoleId, number> | null;
  /** Seats per category (any team but village and wolves is solo); null before a drawing preset's deal. */
  categories: { village: number; wolves: number; solo: number } | null;
  /** Roles the preset names that this server's catalogue lacks (dealt as villagers). */
  missing: RoleId[];
  /** Why the host cannot start now, before the deal (R232, R4); null when it can. */
  problem: string | null;
}

/** A view before the room stamps its per-audience version (what the rules compute). */
export type ViewBody = Omit<GameView, 'version'>;
