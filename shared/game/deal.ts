import { MAX_PLAYERS, MIN_PLAYERS } from '../limits.ts';
import type { RoleCounts } from '../settings.ts';
import type { RoleId } from '../roles.ts';
import { ROLE_LIST, ROLE_MODULES, teamOf } from './roles/index.ts';
import { shuffle } from './rng.ts';
import { inPack } from './derived.ts';

/**
 * The Classic role sets (R3, the preset `classic`, shared/game/presets.ts), by player count: each role module says how many of it come at a
 * count (`deal.auto`), tuned with `npm run balance` so that the reasoning bots (the smart strategy)
 * give the village 40–60% of the wins at every count (docs/bots.md). A role that declares no
 * `auto` is dealt only by hand.
 */
export function autoRoles(players: number): RoleCounts {
  const n = Math.max(MIN_PLAYERS, Math.min(MAX_PLAYERS, players));
  const counts: RoleCounts = {};
  for (const r of ROLE_LIST) {
    const k = r.deal?.auto?.(n) ?? 0;
    if (k > 0) counts[r.id] = k;
  }
  return counts;
}

/** Why a hand-chosen role set does not fit `players` seats, or null when it does (R4). */
export function rolesProblem(counts: RoleCounts, players: number): string | null {
  let wolves = 0;
  let pack = 0;
  let special = 0;
  for (const [role, n] of Object.entries(counts)) {
    special += n ?? 0;
    // The wolves' side and the pack's members (the white werewolf is of the pack, with a team of his own, R124).
    if (teamOf(role) === 'wolves' || inPack(role)) wolves += n ?? 0;
    if (inPack(role)) pack += n ?? 0;
  }
  for (const role of Object.keys(counts)) if ((counts[role] ?? 0) > 0 && !ROLE_MODULES.has(role)) return `no role '${role}' on this server`;
  // Someone must pick the victim: a human on the wolves' side alone is no pack (R120).
  if (pack < 1) return 'at least one werewolf is needed';
  if (wolves * 2 >= players) return 'werewolves must be fewer than the others';
  if (special > players) return `${special} roles for ${players} players`;
  for (const [role, n] of Object.entries(counts)) {
    const max = ROLE_MODULES.get(role)?.deal?.max;
    if (max !== undefined && (n ?? 0) > max) return `at most ${max === 1 ? 'one' : max} ${ROLE_MODULES.get(role)!.words.name.toLowerCase()}`;
  }
  return null;
}

/** Deal the roles to `players` seats, villagers filling the rest, shuffled by the seeded PRNG. */
export function deal(counts: RoleCounts, players: number, rng: number): [RoleId[], number] {
  const deck: RoleId[] = [];
  for (const [role, n] of Object.entries(counts)) for (let i = 0; i < (n ?? 0); i++) deck.push(role);
  while (deck.length < players) deck.push('villager');
  return shuffle(deck, rng);
}
