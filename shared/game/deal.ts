import { MAX_PLAYERS, MIN_PLAYERS } from '../limits.ts';
import type { RoleCounts, Settings } from '../settings.ts';
import type { RoleId } from '../roles.ts';
import { shuffle } from './rng.ts';

/**
 * The automatic role sets (R3), by player count, tuned with `npm run balance` so that the reasoning
 * bots (the smart strategy) give the village 40–60% of the wins at every count (docs/bots.md). Roles
 * come in as the village grows; from 10 players every role is dealt and a werewolf comes with
 * every three seats.
 */
export function autoRoles(players: number): RoleCounts {
  const n = Math.max(MIN_PLAYERS, Math.min(MAX_PLAYERS, players));
  if (n === 5) return { werewolf: 1, seer: 1 };
  const counts: RoleCounts = { werewolf: 2, seer: 1, doctor: 1, witch: 1 };
  if (n >= 8) counts.tanner = 1;
  if (n >= 9) counts.cupid = 1;
  if (n >= 10) { counts.hunter = 1; counts.werewolf = Math.floor((n - 1) / 3); }
  return counts;
}

/** Why a hand-chosen role set does not fit `players` seats, or null when it does (R4). */
export function rolesProblem(counts: RoleCounts, players: number): string | null {
  const wolves = counts.werewolf ?? 0;
  const special = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  if (wolves < 1) return 'at least one werewolf is needed';
  if (wolves * 2 >= players) return 'werewolves must be fewer than the others';
  if (special > players) return `${special} roles for ${players} players`;
  if ((counts.cupid ?? 0) > 1) return 'at most one cupid';
  return null;
}

export function rolesFor(settings: Settings, players: number): RoleCounts {
  return settings.roles === 'auto' ? autoRoles(players) : settings.roles;
}

/** Deal the roles to `players` seats, villagers filling the rest, shuffled by the seeded PRNG. */
export function deal(counts: RoleCounts, players: number, rng: number): [RoleId[], number] {
  const deck: RoleId[] = [];
  for (const [role, n] of Object.entries(counts) as [RoleId, number][]) for (let i = 0; i < n; i++) deck.push(role);
  while (deck.length < players) deck.push('villager');
  return shuffle(deck, rng);
}
