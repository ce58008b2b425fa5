import type { Settings } from '../../shared/settings.ts';
import type { RoleCounts } from '../../shared/settings.ts';

/**
 * The villages the bridge opens itself, as near AIWolf's standard ones as our roles allow today:
 * 5 players = seer, werewolf, 3 villagers (AIWolf: seer, possessed, werewolf, 2 villagers);
 * 15 = seer, doctor (played as BODYGUARD), 3 werewolves, 10 villagers (AIWolf: seer, medium,
 * bodyguard, possessed, 3 werewolves, 8 villagers). Medium and possessed come with issue 13.
 */
export function aiwolfRoles(players: number): RoleCounts {
  if (players >= 15) return { werewolf: 3, seer: 1, doctor: 1 };
  if (players >= 8) return { werewolf: 2, seer: 1, doctor: 1 };
  return { werewolf: 1, seer: 1 };
}

/**
 * AIWolf's rules where ours have a setting for them: no role shown on death, public ballots,
 * a re-vote on a tie. Phases end early once everyone answered, so the long day only bounds a
 * talk of slow agents (20 turns of one second each).
 */
export function aiwolfSettings(players: number): Partial<Settings> {
  return {
    name: `AIWolf ${players}`,
    maxSeats: players,
    roles: aiwolfRoles(players),
    reveal: 'none',
    secretVotes: false,
    tieRule: 'revote',
    voteRule: 'plurality',
    durations: { night: 60, dawn: 1, day: Math.max(120, players * 25), vote: 60, execution: 1, hunter: 10 },
  };
}
