import type { Durations, Settings } from './settings.ts';

// The settings a new room starts with. Apart from settings.ts (which validates with zod) so that
// the browser can use them without bundling the validation library, and apart from limits.ts so
// that limits.ts (which settings.ts reads) does not read settings.ts back.

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
