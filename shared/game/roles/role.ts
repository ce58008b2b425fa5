import type { z } from 'zod';
import type { RoleId, Team } from '../../roles.ts';
import type { DayAction, Outcome, Prompt, SecretEntry, YouView } from '../../views.ts';
import type { Death, DeathState, GameContext, NightAction, NightState, Player, Rejection } from '../types.ts';
import type { Effect, Tonight } from './effect-types.ts';
import type { BotBeliefs, Report, RoleBot, SeatBot } from './role-bot.ts';

export * from './role-bot.ts';

/**
 * One role's rules, words and bot play, in one module (shared/game/roles/<id>.ts). The catalogue
 * (./index.ts) finds every module in this folder, so a new role is its module, its test file and
 * its section of docs/rules.md, and nothing else (docs/architecture.md "Adding a role").
 */
export interface RoleModule {
  id: RoleId;
  team: Team;
  /** Where the role stands in lists (glossary, settings form) and in the deal's deck (which the seed shuffles): lower first. */
  order: number;
  /** Its numbered rules in docs/rules.md, as the glossary cites them ('R34–R35'). */
  rules: string;
  words: RoleWords;
  /** What the seer learns of this role (R23). */
  seenAs: 'village' | 'wolves';
  /** What a look at this seat shows when the game decides it (a room option, R158); `seenAs` otherwise. Read through `sideSeen`. */
  looks?(ctx: GameContext, seat: number): 'village' | 'wolves';
  night?: NightRole;
  /**
   * A role with no night action that still acts at dawn, at this priority among the night roles
   * (R20): the medium learns, the elder shrugs off the first attack, the cursed turns.
   */
  dawn?: { priority: number; resolve(ctx: GameContext, tonight: Tonight): Effect[] };
  /** A public move by day (R82): the mayor's reveal, the pacifist's truce. */
  day?: DayRole;
  /** How this seat's ballot counts (R84): 0 takes its vote away (a spared idiot), 2 doubles it (a revealed mayor). */
  ballot?(ctx: GameContext, seat: number): number;
  /**
   * The role this seat is told it holds, while the game runs (the fool believes he is the seer):
   * his own views show that role, and he answers its prompts; the truth comes out at game over.
   */
  believes?: RoleId;
  /** How the role wins or stops others winning (R50–R56, R85). */
  win?: {
    /** A win of its own, checked before the teams': the serial killer last standing. */
    check?(ctx: GameContext): Outcome | null;
    /** The village cannot win while such a seat lives (the pack's roles are hostile without saying so). */
    hostile?: boolean;
  };
  /** This role's own slice of state per seat, kept in `ctx.roles[seat]` from the deal on. */
  state?: { initial(): unknown };
  /** Fields this role adds to its own seat's `you` view; each key is declared by exactly one role. */
  view?: Record<string, (ctx: GameContext, seat: number) => unknown>;
  /** Whether the view of this role's seat reads the pack's picks at night (a cache input). */
  readsPicks?: boolean;
  /**
   * Fields this role adds to the own view of every member of the pack (`night.pack`), alive or
   * dead, whatever its role (R65, R120): the pack list, its picks, the alpha's choice, what the pack
   * learns of another role (a little girl caught peeking, R161). Each key is declared by exactly one
   * role, as for `view`; `seat` is the member's.
   */
  packView?: Record<string, (ctx: GameContext, seat: number) => unknown>;
  /** More victims this role gives the pack tonight (R121: the wolf cub's rage); 0 or absent for none. */
  packVictims?(ctx: GameContext): number;
  /** Dying (except by leaving or idling out), this role takes a shot in a hunter phase (R30–R33). */
  shoots?: boolean;
  /** Reactions to events, asked of every role dealt in the game, not only of the seat concerned. */
  on?: {
    /**
     * A seat died: what follows (a lover's grief, an apprentice taking over, a traitor turning).
     * `griefCause` is how the village sees the deaths it brings.
     */
    death?(ctx: DeathState, dead: Player, death: Death, griefCause: Death['publicCause']): Reaction[];
    /** A seat was executed: an outcome that ends the game at once (the tanner's win), or null. */
    execution?(ctx: GameContext, executed: Player): Outcome | null;
    /**
     * This role's seat is about to be executed (asked of that seat's role only): spare it, say
     * whether its role becomes public, and what its state becomes (R81: the prince, the idiot).
     */
    executed?(ctx: GameContext, seat: number): { spare: true; reveal: boolean; state?: unknown } | null;
  };
  /**
   * Variants of the role a host may switch on in the room settings (`settings.roleOptions[id][key]`),
   * all off by default; the settings form shows them, the role reads them with `roleOption`.
   */
  options?: Record<string, { label: string; hint: string }>;
  /**
   * What this seat has learned that it may tell the village by day, read from its own view (the
   * seer's looks, the medium's readings of the executed): the talking bots claim the role and say
   * these, `divined` or `identified` as AIWolf's talk has it (client/bot/talk).
   */
  reports?(you: YouView): Report[];
  /** How the role enters the automatic deal (R3) and what a hand-chosen set may hold (R4). */
  deal?: { auto?(players: number): number; max?: number };
  /** The reasoning bot's day play for this role (client/bot reads it the same way for every role). */
  bot?: SeatBot;
}

/** What follows a death (on.death): another death, a seat taking another role (R83), a seat's new state. */
export type Reaction =
  | ({ kind: 'die' } & Death)
  | { kind: 'become'; seat: number; role: RoleId }
  | { kind: 'state'; seat: number; value: unknown };

/**
 * A role's day action (R82): sent with `day:act` in the day or the vote phase by a living seat of
 * the role; public once taken, as a timeline entry.
 */
export interface DayRole {
  /** The wire action's kind. */
  kind: string;
  schema: z.ZodType;
  /** Whether this living seat may take it now (its button shows when so); `validate` says why not. */
  offered(ctx: GameContext, seat: number): boolean;
  validate(ctx: GameContext, seat: number, action: DayAction): Rejection;
  /** What it does: its effects on the seat and the day. */
  apply(ctx: GameContext, seat: number, action: DayAction): DayEffect[];
  /** The button's words. */
  label: string;
  hint: string;
  /** The public timeline's sentence for it: "Ann calls a truce: nobody is executed today". */
  told(seat: number, name: Namer): string;
  /** The reasoning bot's choice to take it now, from its view (asked in the day and the vote). */
  bot?(you: YouView, beliefs: BotBeliefs, view: { day: number; phase: string; tally?: Record<number, number> }): DayAction | null;
}

export type DayEffect =
  /** The seat's role becomes public (R80). */
  | { kind: 'reveal' }
  /** Today's execution is called off (R82): the vote still runs, nobody dies by it. */
  | { kind: 'truce' }
  /** The seat's own slice of role state. */
  | { kind: 'state'; value: unknown };

export interface NightRole {
  /** The wire action's kind (`night:act`), which is also the prompt's kind. */
  kind: NightAction['kind'];
  /** The action's wire shape; the `night:act` schema is assembled from these. */
  schema: z.ZodType;
  /** Lower resolves first at dawn (docs/rules.md R20). */
  priority: number;
  /**
   * The pack's way: every member picks, changeably until dawn, and the picks are shared; such a
   * seat never sleeps and owes no `acted` (R21, R22).
   */
  pack?: boolean;
  /** Whether this living seat must act tonight before the night can end early. */
  due(ctx: GameContext, seat: number): boolean;
  validate(ctx: GameContext, seat: number, action: NightAction): Rejection;
  /**
   * What a look of this role at `target` shows (R23): the target's side by default; the fool's are
   * chance (R190). The seer's view and the dawn both read it, so the two never disagree.
   */
  reading?(ctx: GameContext, seat: number, target: number): 'village' | 'wolves';
  /** How the accepted action is kept; by default as this seat's answer in `night.actions`. `ctx` is the game as the action arrives. */
  record?(night: NightState, seat: number, action: NightAction, ctx: GameContext): NightState;
  /** This role's effects at dawn, from the actions of all its seats (see ./effects.ts). */
  resolve(ctx: GameContext, tonight: Tonight): Effect[];
  prompt(ctx: GameContext, seat: number): Prompt;
  /** How a player answers the prompt: the browser's panel and the bots read it. */
  form: ActionForm;
  bot?: RoleBot;
}

/** A seat's display name. */
export type Namer = (seat: number) => string;

/**
 * The answer to a night prompt as taps: choose up to `picks` of the prompt's targets (exactly
 * `picks` unless `optional`), tick the `checks`, and `build` makes the wire action.
 */
export interface ActionForm {
  picks: number;
  optional?: boolean;
  /** Each tap is sent at once and may change until dawn (the pack's pick) instead of being confirmed. */
  instant?: boolean;
  /** The seat picked so far, for an instant form. */
  current?(p: Prompt): number | null;
  /** Whether targets may be picked at all now (the witch without poison may not). */
  pickable?(p: Prompt): boolean;
  /** Yes/no choices besides the targets, shown only when offered; of the checks of one `group` at most one is ticked (the witch heals one victim). */
  checks?(p: Prompt, name: Namer): { key: string; label: string; group?: string }[];
  build(p: Prompt, picked: number[], checked: string[]): NightAction;
  /** For an instant form: the checks the prompt shows ticked (each change is sent at once with the pick). */
  checked?(p: Prompt): string[];
  /** For an instant form: whether the prompt already shows this answer given (so a bot need not send it). */
  shows?(p: Prompt, a: NightAction): boolean;
}

export interface RoleWords {
  name: string;
  /** A mark shown next to the name, never alone. */
  icon: string;
  /** One sentence on the role card. */
  summary: string;
  /** The glossary's full text. */
  description: string;
  /** The night prompt: heading, what a target button does, the confirm button, lines above the targets. */
  night?: {
    heading(day: number): string;
    verb: string;
    /** What is still to do, in two words (the tab title, notifications). */
    due: string;
    confirm?(picked: number[], name: Namer, checked: string[]): string;
    lines?(p: Prompt, you: YouView, name: Namer): string[];
    /** A note beside a target (who of the pack picked it). */
    note?(you: YouView, seat: number, name: Namer): string | null;
    /** The action as the replay tells it, `who` naming a seat with its role: "Ann (seer) looks at Bob (villager)". */
    told(a: NightAction, who: Namer): string;
  };
  /** The death causes this role brings about, for the table and the dead player's screen. */
  causes?: Record<string, { label: string; sentence: string; atNight: boolean }>;
  /** The secret entries this role writes, in words (game over, replay); null for none of its own. */
  secret?(e: SecretEntry, name: Namer): string | null;
  /** Facts only this seat knows, for its role card. */
  facts?(you: YouView, name: Namer, over: boolean): string[];
  /** What the pack knows of this role (its `packView`), for the role card of each member of the pack. */
  packFacts?(you: YouView, name: Namer, over: boolean): string[];
}


export function recordAction(night: NightState, seat: number, action: NightAction): NightState {
  return { ...night, actions: { ...night.actions, [seat]: action } };
}

/**
 * Tonight's final answers of this kind, by seat, in seat order; with `role`, only its seats' (a kind
 * several roles answer, R87, resolves each role's own).
 */
export function answers<K extends NightAction['kind']>(ctx: GameContext, kind: K, role?: RoleId): [number, Extract<NightAction, { kind: K }>][] {
  const out: [number, Extract<NightAction, { kind: K }>][] = [];
  for (const p of ctx.players) {
    const a = ctx.night.actions[p.seat];
    if (a?.kind === kind && (role === undefined || p.role === role)) out.push([p.seat, a as Extract<NightAction, { kind: K }>]);
  }
  return out;
}

/** A seat's slice of role state (`state.initial` at the deal), typed by the role that owns it. */
export function slice<S>(ctx: Pick<GameContext, 'roles'>, seat: number): S | undefined {
  return ctx.roles[seat] as S | undefined;
}

/** The prompt narrowed to one kind, for a role's own form and words. */
export function promptOf<K extends Prompt['kind']>(p: Prompt, kind: K): Extract<Prompt, { kind: K }> {
  if (p.kind !== kind) throw new Error(`a ${kind} form was given a ${p.kind} prompt`);
  return p as Extract<Prompt, { kind: K }>;
}

/**
 * A random legal answer to a role's prompt: its own `bot.random`, else `form.picks` distinct
 * targets drawn in turn (fewer when the form allows none) and no check ticked. The bots' random
 * strategy and the test simulator both answer this way.
 */
export function randomAnswer(night: NightRole, p: Prompt, rng: () => number): NightAction | null {
  if (night.bot?.random) return night.bot.random(p, rng);
  const pool = 'targets' in p ? [...(p as { targets: number[] }).targets] : [];
  const picked: number[] = [];
  if (night.form.pickable?.(p) ?? true) {
    while (picked.length < night.form.picks && pool.length > 0) picked.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]);
  }
  if (picked.length < night.form.picks && !night.form.optional) return null;
  return night.form.build(p, picked, []);
}

/** Whether the room switched on this option of this role (see RoleModule.options). */
export function roleOption(ctx: Pick<GameContext, 'settings'>, role: RoleId, key: string): boolean {
  return ctx.settings.roleOptions?.[role]?.[key] === true;
}
