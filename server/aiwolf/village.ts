import type { RoleCounts, SettingsPatch } from '../../shared/settings.ts';

/**
 * AIWolf's standard villages (GameSetting.roleNumArray, AIWOLF.md §1), the rooms the bridge opens:
 * 5 players = seer, possessed, werewolf, 2 villagers; 15 = seer, medium, bodyguard, possessed,
 * 3 werewolves, 8 villagers. Other sizes (the bridge takes 5 to 20) get the nearer of the two,
 * with two wolves from 8 players on. Villagers fill the seats left.
 */
export function aiwolfRoles(players: number): RoleCounts {
  if (players >= 15) return { seer: 1, medium: 1, bodyguard: 1, possessed: 1, werewolf: 3 };
  if (players >= 8) return { seer: 1, medium: 1, bodyguard: 1, possessed: 1, werewolf: 2 };
  return { seer: 1, possessed: 1, werewolf: 1 };
}

/** AIWolf's own villages are presets (R237); other sizes are a Custom set on the same rules. */
export const aiwolfPreset = (players: number): 'aiwolf-5' | 'aiwolf-15' | 'custom' => (players === 5 ? 'aiwolf-5' : players === 15 ? 'aiwolf-15' : 'custom');

/**
 * The settings of the bridge's rooms, declared here once: AIWolf's rules where ours have a
 * setting for them. No role shown on death (`reveal: none`); public ballots (voteVisible); a tie
 * voted again among the tied, then drawn by lot (`revote-random`, R46); the wolves talk at night
 * (whispers); the bodyguard may guard the same player again (no `noRepeat`, R35). The possessed
 * counts as human for the wolves' parity by its own module (R101, R85). Phases end early once
 * everyone answered, so the long day only bounds a talk of slow agents (20 turns of one second).
 * At 5 and 15 players the room plays the AIWolf preset, which fixes the reveal and the tie rule
 * itself (R233); the same values are given here so the other sizes play by the same rules.
 */
export function aiwolfSettings(players: number): SettingsPatch {
  return {
    name: `AIWolf ${players}`,
    maxSeats: players,
    preset: aiwolfPreset(players),
    roles: aiwolfRoles(players),
    reveal: 'none',
    secretVotes: false,
    tieRule: 'revote-random',
    voteRule: 'plurality',
    wolfChat: true,
    roleOptions: { bodyguard: { noRepeat: false } },
    durations: { night: 60, dawn: 1, day: Math.max(120, players * 25), vote: 60, execution: 1, hunter: 10 },
  };
}
