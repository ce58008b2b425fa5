import { MAX_PLAYERS, MIN_PLAYERS, type RoleCounts, type Settings } from '../../shared/settings.ts';
import type { RoleId } from '../../shared/roles.ts';
import { shuffle } from './rng.ts';

/**
 * The automatic role sets (R3), by player count. Each line adds roles as the village grows; the
 * balance they give is measured by `npm run balance` and recorded in docs/rules.md.
 */
export function autoRoles(players: number): RoleCounts {
  const n = Math.max(MIN_PLAYERS, Math.min(MAX_PLAYERS, players));
  const werewolf = n <= 6 ? 1 : n <= 9 ? 2 : n <= 13 ? 3 : n <= 17 ? 4 : 5;
  const counts: RoleCounts = { werewolf, seer: 1 };
  if (n >= 6) counts.doctor = 1;
  if (n >= 8) counts.witch = 1;
  if (n >= 9) counts.hunter = 1;
  if (n >= 11) counts.cupid = 1;
  if (n >= 13) counts.tanner = 1;
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
