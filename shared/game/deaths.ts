import type { DeathCause, PublicCause } from '../views.ts';
import { seatOf } from './derived.ts';
import { become } from './become.ts';
import { ROLE_LIST, ROLE_MODULES } from './roles/index.ts';
import type { Death, DeathPatch, DeathState, GameContext, Player } from './types.ts';

export type { Death, DeathPatch, DeathState } from './types.ts';

/**
 * Kill these seats at once (R28–R30): the roles' reactions add deaths (lovers follow in grief), dead
 * shooters (hunters) queue their shot unless they left or idled out. Returns the changed fields
 * and every seat that died, in order; the players who live on keep their very objects.
 */
export function applyDeaths(ctx: DeathState, deaths: Death[], griefCause: PublicCause = 'grief', decoys = false): [DeathPatch, Death[]] {
  let players = ctx.players;
  let pendingShots = ctx.pendingShots;
  let secrets = ctx.secrets;
  let roles = ctx.roles;
  const queue = deaths.slice();
  const died: Death[] = [];
  while (queue.length > 0) {
    const d = queue.shift()!;
    const i = players.findIndex((p) => p.seat === d.seat);
    if (i < 0 || !players[i].alive) continue;
    if (died.length === 0) { players = players.slice(); pendingShots = pendingShots.slice(); secrets = secrets.slice(); }
    const p: Player = { ...players[i], alive: false, death: { day: ctx.day, cause: d.cause, publicCause: d.publicCause } };
    players[i] = p;
    died.push(d);
    secrets.push({ kind: 'death', day: ctx.day, seat: p.seat, cause: d.cause });
    // With secret shots every death that would give a hunter his shot gets a hunter phase, a decoy for the others (R33).
    if (p.role && (decoys || shoots(p.role)) && d.cause !== 'afk' && d.cause !== 'left') pendingShots.push(p.seat);
    // The roles' reactions (the lovers' grief, R83's changes of role), asked of every role in the game.
    for (const role of reacting(players)) {
      for (const r of role.on!.death!({ players, pendingShots, secrets, roles, day: ctx.day }, p, d, griefCause)) {
        if (r.kind === 'die') queue.push({ seat: r.seat, cause: r.cause, publicCause: r.publicCause });
        else if (r.kind === 'state') roles = { ...roles, [r.seat]: r.value };
        else ({ players, roles, secrets } = become({ players, roles, secrets }, r.seat, r.role, ctx.day));
      }
    }
  }
  return [{ players, pendingShots, secrets, roles }, died];
}

/**
 * Secret shots (R33): when the dead are not fully revealed and the deal holds a hunter (public:
 * the settings say which roles are dealt), a hunter phase alone must not tell that a hunter died.
 */
export function secretShots(ctx: Pick<GameContext, 'settings' | 'players'>): boolean {
  return ctx.settings.reveal !== 'full' && ctx.players.some((p) => p.role !== null && shoots(p.role));
}

export function shooter(ctx: GameContext, seat: number): boolean {
  const role = player(ctx, seat)?.role;
  return role != null && shoots(role);
}

const shoots = (role: string) => ROLE_MODULES.get(role)?.shoots === true;
const REACTING = ROLE_LIST.filter((r) => r.on?.death);
/** The roles with a death reaction that are dealt in this game. */
function reacting(players: Player[]) {
  return REACTING.filter((r) => players.some((p) => p.role === r.id));
}

export function player(ctx: GameContext, seat: number): Player | undefined {
  return seatOf(ctx, seat);
}
