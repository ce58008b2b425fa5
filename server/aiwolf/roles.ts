import type { RoleId } from '../../shared/roles.ts';
import type { RoleCounts } from '../../shared/settings.ts';
import type { GameView } from '../../shared/views.ts';
import type { AiRole } from './packet.ts';
import { ROLE_NUM_KEYS } from './packet.ts';

/**
 * How our roles appear to an AIWolf agent. Villager, werewolf, seer, medium, bodyguard and
 * possessed are AIWolf's own. The doctor plays AIWolf's BODYGUARD: each night it shields one
 * player from the wolves, which is the bodyguard's whole role; our doctor may also shield himself
 * and may not shield the same player two nights running, so a GUARD answer that our rules refuse
 * falls back to a legal one (docs/aiwolf.md). The other roles have no AIWolf form: an agent dealt
 * one is told VILLAGER and the bridge gives that role's night the default answer (nothing, or a
 * random legal choice).
 */
const AI_ROLES: Record<string, AiRole> = {
  villager: 'VILLAGER',
  werewolf: 'WEREWOLF',
  seer: 'SEER',
  medium: 'MEDIUM',
  bodyguard: 'BODYGUARD',
  possessed: 'POSSESSED',
  doctor: 'BODYGUARD',
};

/** The AIWolf role of one of ours, or null when AIWolf has none (talk naming it is left out). */
export const aiRoleOf = (role: string): AiRole | null => AI_ROLES[role] ?? null;

/** The AIWolf role an agent dealt `role` is told it has (VILLAGER for roles AIWolf lacks). */
export const aiRole = (role: RoleId): AiRole => aiRoleOf(role) ?? 'VILLAGER';

/**
 * Our role an AIWolf role name stands for in a room that deals `dealt`: the dealt one of ours that
 * plays it (BODYGUARD is the doctor in a doctor's room), else the one of its own name; null for
 * the names we have no role for (FOX, FREEMASON, ANY).
 */
export function roleOfAi(ai: string, dealt: Iterable<string>): string | null {
  const ours = Object.keys(AI_ROLES).filter((r) => AI_ROLES[r] === ai);
  const d = new Set(dealt);
  return ours.find((r) => d.has(r)) ?? ours.find((r) => r === ai.toLowerCase()) ?? ours[0] ?? null;
}

/** roleNumMap for a deal: every one of the nine keys, villagers filling the seats left. */
export function roleNumMap(counts: RoleCounts, players: number): Record<(typeof ROLE_NUM_KEYS)[number], number> {
  const out = Object.fromEntries(ROLE_NUM_KEYS.map((k) => [k, 0])) as Record<(typeof ROLE_NUM_KEYS)[number], number>;
  let special = 0;
  for (const [role, n] of Object.entries(counts) as [RoleId, number][]) {
    if (!n || role === 'villager') continue;
    out[aiRole(role)] += n;
    special += n;
  }
  out.VILLAGER += Math.max(0, players - special);
  return out;
}

/** existingRoleList: the roles present, alphabetically, without counts. */
export function existingRoles(map: Record<string, number>): AiRole[] {
  return (Object.keys(map) as AiRole[]).filter((k) => k !== ('ANY' as AiRole) && map[k] > 0).sort();
}

/**
 * Agent indices 1..N: the seated players in seat order. Seats may have gaps (a player left the
 * lobby), indices never do. The same public list gives every seat the same mapping.
 */
export class Indices {
  private bySeat = new Map<number, number>();
  private byIdx = new Map<number, number>();
  constructor(view: GameView) {
    [...view.players].sort((a, b) => a.seat - b.seat).forEach((p, i) => { this.bySeat.set(p.seat, i + 1); this.byIdx.set(i + 1, p.seat); });
  }
  get size(): number { return this.bySeat.size; }
  of(seat: number): number { return this.bySeat.get(seat) ?? -1; }
  seat(idx: number): number | null { return this.byIdx.get(idx) ?? null; }
}
