import type { RoleId } from '../roles.ts';
import type { SecretEntry } from '../views.ts';
import { ROLE_MODULES } from './roles/index.ts';
import type { Player } from './types.ts';

/** The fields a change of role touches. */
export interface RoleChange { players: Player[]; roles: Record<number, unknown>; secrets: SecretEntry[] }

/**
 * The seat takes another role (R83): the new role's initial state replaces the old role's, the
 * record keeps what it was, and a public reveal ends (it showed the old role). Returns fresh
 * arrays and objects; the caller's are not touched. Nobody is told but through their views: the
 * seat sees its new role, a pack that gains a member sees it in its pack.
 */
export function become(s: RoleChange, seat: number, role: RoleId, day: number): RoleChange {
  const i = s.players.findIndex((p) => p.seat === seat);
  const p = s.players[i];
  if (!p || !p.role || p.role === role || !ROLE_MODULES.has(role)) return s;
  const players = s.players.slice();
  const { revealed: _shown, ...rest } = p;
  players[i] = { ...rest, role };
  const roles = { ...s.roles };
  const initial = ROLE_MODULES.get(role)!.state?.initial();
  if (initial === undefined) delete roles[seat];
  else roles[seat] = initial;
  return { players, roles, secrets: [...s.secrets, { kind: 'became', day, seat, from: p.role, role }] };
}
