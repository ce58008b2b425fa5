import type { CommandPayload, EventCommand, GameView } from '../sdk/index.ts';
import type { Rng } from './rng.ts';

/** The commands a strategy answers prompts with (docs/protocol.md §6), plus chat: machine events of the command table. */
export type PlayCommand = OfTable<'night:act' | 'day:act' | 'vote:cast' | 'day:ready' | 'hunter:shoot' | 'chat:send'>;
type OfTable<C extends EventCommand> = C;

/** One command a bot wants to send now, with its payload as the command table types it. */
export type Decision = { [C in PlayCommand]: { command: C; payload: CommandPayload<C> } }[PlayCommand];

export interface Turn {
  /**
   * Random numbers for this call. The runner seeds it from the bot's seed and the phase id, so
   * asking twice in one phase gives the same draws: a decision changes only when the view does.
   */
  rng: Rng;
  /** The phase is about to end: a strategy that was waiting (a witch waiting for the victim) answers now. */
  urgent: boolean;
}

/**
 * A playing strategy: a pure function of the bot's own view (what its seat may know, including
 * `view.you.prompt`, what it is asked to do now) to the commands to send, in order. Returning
 * nothing is fine: the runner asks again whenever the view changes, and once more, urgently,
 * shortly before the deadline. The same strategy plays over sockets and in process.
 */
export type Strategy = (view: GameView, turn: Turn) => Decision[];

export const act = (action: CommandPayload<'night:act'>['action']): Decision => ({ command: 'night:act', payload: { action } });
/** A day action (R82) this seat's view offers in `you.dayActions`: the mayor's reveal, the pacifist's truce. */
export const dayAct = (action: CommandPayload<'day:act'>['action']): Decision => ({ command: 'day:act', payload: { action } });
export const vote = (target: number | null): Decision => ({ command: 'vote:cast', payload: { target } });
export const ready = (): Decision => ({ command: 'day:ready', payload: {} });
export const shoot = (target: number | null): Decision => ({ command: 'hunter:shoot', payload: { target } });
export const say = (text: string, channel: 'day' | 'wolves' | 'dead' | 'lobby' = 'day'): Decision => ({ command: 'chat:send', payload: { channel, text } });
