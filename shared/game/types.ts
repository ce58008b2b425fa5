import type { ErrorCode } from '../errors.ts';
import type { RoleId } from '../roles.ts';
import type { Settings, SettingsPatch } from '../settings.ts';
import type { Talk } from '../talk.ts';
import type { ChatChannel, ChatMessage, DeathCause, Outcome, Phase, PublicCause, SecretEntry, TimelineEntry } from '../views.ts';

export interface Player {
  seat: number;
  name: string;
  bot: boolean;
  connected: boolean;
  role: RoleId | null;
  alive: boolean;
  death: { day: number; cause: DeathCause; publicCause: PublicCause } | null;
  lover: number | null;
  missedVotes: number;
  /** Set when the player left during a game (R13): the seat stays, dead, until the game is reset. */
  left?: boolean;
  /** The role is public while the player lives, made so by a rule of that role (R80). */
  revealed?: boolean;
}

// The night actions on the wire are the protocol's (shared/views.ts), each role adding its own.
export type { DayAction, DayActions, NightAction, NightActions } from '../views.ts';
import type { DayAction, NightAction } from '../views.ts';

export interface NightState {
  /** Werewolf seat → chosen victim; changeable until dawn. */
  picks: Record<number, number>;
  /**
   * Every other night answer (a role's action, or sleep), final once given, by seat; a pack seat's
   * whole answer too (its second pick, the alpha's choice: R121, R125), changeable like its pick.
   */
  actions: Record<number, NightAction>;
}

export interface VoteState {
  round: 1 | 2;
  candidates: number[];
  ballots: Record<number, number | null>;
}

export interface GameContext {
  settings: Settings;
  players: Player[];
  host: number | null;
  gameNo: number;
  phase: Phase;
  phaseId: number;
  deadline: number | null;
  day: number;
  /** PRNG state (mulberry32); the seed of the current game is kept for the record. */
  rng: number;
  seed: number | null;
  night: NightState;
  vote: VoteState | null;
  ready: number[];
  /** Hunters who died and still have their shot, in order; with secret shots every such death, decoys included (R33). */
  pendingShots: number[];
  /** A secret shot taken in the current hunter phase, fired when the phase ends (R33); absent in older snapshots. */
  aim?: { target: number | null } | null;
  /** Where the game goes once the deaths of a dawn or an execution are settled. */
  next: 'day' | 'night';
  /**
   * Each seat's slice of role state (the witch's potions, the doctor's last protection), owned and
   * typed by the seat's role module (`state`); roles never add fields of their own to the context.
   */
  roles: Record<number, unknown>;
  /** Executed seat of the current day, for the tanner's win. */
  executed: number | null;
  /** The day whose execution a day action called off (R82: the pacifist's truce); absent otherwise. */
  truce?: number;
  timeline: TimelineEntry[];
  secrets: SecretEntry[];
  chat: ChatMessage[];
  /** Messages ever written (internal; the room learns of new ones from `chat.posted`, effects.ts). */
  chatSeq: number;
  /** Last message id per channel: ids count within a channel, so a gap never betrays another channel's traffic (R64). */
  chatIds: Record<ChatChannel, number>;
  outcome: Outcome | null;
  /** Count of accepted events. */
  version: number;
}

/** Every event carries the room's clock reading, so the machine never reads a clock itself. */
interface At { now: number }

export type GameEvent =
  /** `creates`: the room's creator (room:create), its host even when a bot (R5). */
  | (At & { type: 'room.join'; name: string; bot?: boolean; creates?: boolean })
  | (At & { type: 'room.leave'; seat: number })
  | (At & { type: 'player.connection'; seat: number; connected: boolean })
  | (At & { type: 'room.settings'; seat: number; patch: SettingsPatch })
  | (At & { type: 'room.kick'; seat: number; target: number })
  | (At & { type: 'room.host'; seat: number; target: number })
  | (At & { type: 'game.start'; seat: number; seed: number })
  | (At & { type: 'game.reset'; seat: number })
  | (At & { type: 'night.act'; seat: number; action: NightAction })
  | (At & { type: 'day.ready'; seat: number })
  | (At & { type: 'day.act'; seat: number; action: DayAction })
  | (At & { type: 'vote.cast'; seat: number; target: number | null })
  | (At & { type: 'hunter.shoot'; seat: number; target: number | null })
  | (At & { type: 'chat.send'; seat: number; channel: ChatChannel; text: string; talk?: Talk })
  | (At & { type: 'timer.expired'; phaseId: number })
  /** Sent by the room when a seat's grace runs out (R13); the rules decide whether it still applies. */
  | (At & { type: 'grace.expired'; seat: number })
  /** Sent by the room's sweep when nobody has been connected to a game for the empty grace (R16). */
  | (At & { type: 'game.abandon' });

export type GameEventType = GameEvent['type'];
export type EventOf<T extends GameEventType> = Extract<GameEvent, { type: T }>;

/** The fields of the context an action changes; XState merges it into the context. */
export type Patch = Partial<GameContext>;

/** A refusal: the event is not applied and the sender gets this code. */
export type Rejection = ErrorCode | null;

/** A death as the rules settle it (shared/game/deaths.ts): what killed the seat, and what the village is told. */
export interface Death { seat: number; cause: DeathCause; publicCause: PublicCause }
export type DeathPatch = Pick<GameContext, 'players' | 'pendingShots' | 'secrets' | 'roles'>;
/** What a death reads and changes: a context, or just these fields of one. */
export type DeathState = DeathPatch & Pick<GameContext, 'day'>;
