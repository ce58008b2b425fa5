import type { Durations, Settings } from './settings.ts';

/**
 * The protocol's and the game's fixed numbers and defaults, apart from the schemas that check
 * them, so that the browser app and bots can use them without bundling the validation library.
 */
export const PROTOCOL_VERSION = 1;

export const MIN_PLAYERS = 5;
export const MAX_PLAYERS = 20;
export const NAME_MAX = 24;
export const CHAT_MAX = 500;

export const DEFAULT_DURATIONS: Durations = { night: 60, dawn: 5, day: 120, vote: 45, execution: 5, hunter: 20 };

export const DEFAULT_SETTINGS: Settings = {
  name: 'Village',
  visibility: 'public',
  maxSeats: 10,
  allowSpectators: true,
  roles: 'auto',
  durations: DEFAULT_DURATIONS,
  reveal: 'full',
  voteRule: 'plurality',
  tieRule: 'revote',
  secretVotes: false,
  wolfChat: true,
  deadChat: true,
  spectatorsSeeDeadChat: false,
};
