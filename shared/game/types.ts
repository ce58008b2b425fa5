import type { ErrorCode } from '../errors.ts';
import type { RoleId } from '../roles.ts';
import type { Settings, SettingsPatch } from '../settings.ts';
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
}

export type NightAction =
  | { kind: 'wolf'; target: number }
  | { kind: 'seer'; target: number }
  | { kind: 'doctor'; target: number }
  | { kind: 'witch'; heal: boolean; poison: number | null }
  | { kind: 'cupid'; targets: [number, number] }
  /** A living player with nothing else to do tonight says so (R7). */
  | { kind: 'sleep' };

export interface NightState {
  /** Werewolf seat → chosen victim; changeable until dawn. */
  picks: Record<number, number>;
  /** Every other night answer (a role's action, or sleep), final once given, by seat. */
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
  /** Remaining potions per witch seat. */
  potions: Record<number, { heal: boolean; poison: boolean }>;
  /** The doctor's protection of the previous night, per doctor seat. */
  lastProtected: Record<number, number | null>;
  /** Executed seat of the current day, for the tanner's win. */
  executed: number | null;
  timeline: TimelineEntry[];
  secrets: SecretEntry[];
  chat: ChatMessage[];
  /** Messages ever written (internal: tells the room which messages are new). */
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
  | (At & { type: 'vote.cast'; seat: number; target: number | null })
  | (At & { type: 'hunter.shoot'; seat: number; target: number | null })
  | (At & { type: 'chat.send'; seat: number; channel: ChatChannel; text: string })
  | (At & { type: 'timer.expired'; phaseId: number });

export type GameEventType = GameEvent['type'];
export type EventOf<T extends GameEventType> = Extract<GameEvent, { type: T }>;

/** The fields of the context an action changes; XState merges it into the context. */
export type Patch = Partial<GameContext>;

/** A refusal: the event is not applied and the sender gets this code. */
export type Rejection = ErrorCode | null;
