import { applyDeaths, player, secretShots } from './deaths.ts';
import { become } from './become.ts';
import { actionSchema, DAWN_ORDER, ROLE_MODULES } from './roles/index.ts';
import { apply, newResolution, tonight } from './roles/effects.ts';
import { recordAction, type NightRole } from './roles/role.ts';
import type { EventOf, GameContext, Patch, Player, Rejection } from './types.ts';

const nightOf = (p: Player): NightRole | undefined => (p.role ? ROLE_MODULES.get(p.role)?.night : undefined);

export function rejectNightAction(ctx: GameContext, e: EventOf<'night.act'>): Rejection {
  // The protocol checks only the envelope: the shape of an action is its role's (shared/game/roles).
  if (!actionSchema(e.action.kind)?.safeParse(e.action).success) return 'input/invalid';
  if (ctx.phase !== 'night') return 'phase/wrong';
  const p = player(ctx, e.seat);
  if (!p) return 'room/not-member';
  if (!p.alive) return 'player/dead';
  if (e.action.kind === 'sleep') {
    // The pack never sleeps (R7); its answers are kept in `actions` too (R121), so ask this first.
    if (nightOf(p)?.pack) return 'action/not-allowed';
    if (ctx.night.actions[e.seat] !== undefined) return 'action/already-done';
    return sleeper(ctx, p) ? null : 'action/not-allowed';
  }
  const night = nightOf(p);
  if (!night || night.kind !== e.action.kind) return 'action/not-allowed';
  return night.validate(ctx, e.seat, e.action);
}

/**
 * A living player with no role action due tonight answers the night by sleeping (R7): villagers,
 * hunters, tanners, a cupid after the first night. So every living player answers, and the
 * night's length tells nobody which roles are still in play. The pack never sleeps: it picks.
 */
export function sleeper(ctx: GameContext, p: Player): boolean {
  if (!p.alive || !p.role) return false;
  const night = nightOf(p);
  if (night?.pack) return false;
  return !night || !night.due(ctx, p.seat);
}

export function act(ctx: GameContext, e: EventOf<'night.act'>): Patch {
  const night = e.action.kind === 'sleep' ? undefined : nightOf(player(ctx, e.seat)!);
  return { night: (night?.record ?? recordAction)(ctx.night, e.seat, e.action, ctx) };
}

/** The night ends early once no living seat owes an action (R7). */
export function nightComplete(ctx: GameContext): boolean {
  for (const p of ctx.players) {
    if (!p.alive || !p.role) continue;
    const night = nightOf(p);
    if (night && night.due(ctx, p.seat)) return false;
    if (!night?.pack && ctx.night.actions[p.seat] === undefined) return false;
  }
  return true;
}

/**
 * Dawn (R20–R29): every dealt night role gives its effects in priority order, applied the same way
 * for every role (./roles/effects.ts); the dead are announced as 'night' deaths.
 */
export function resolveNight(ctx: GameContext): Patch {
  const res = newResolution(ctx);
  const t = tonight(res);
  // The roles dealt, once for the night's steps (DAWN_ORDER holds every role's).
  const dealt = new Set<string | null>();
  for (const p of ctx.players) dealt.add(p.role);
  for (const step of DAWN_ORDER) if (dealt.has(step.role.id)) apply(ctx, res, step.resolve(ctx, t));
  let players = ctx.players;
  if (res.lovers) {
    const [a, b] = res.lovers;
    players = players.map((p) => (p.seat === a ? { ...p, lover: b } : p.seat === b ? { ...p, lover: a } : p));
  }
  let changed = { players, roles: Object.keys(res.roles).length ? { ...ctx.roles, ...res.roles } : ctx.roles, secrets: [...ctx.secrets, ...res.secrets] };
  // Roles change before the deaths, so a death's reactions (R83) see the night's new roles.
  for (const [seat, role] of res.become) changed = become(changed, seat, role, ctx.day);
  const deaths = [...res.deaths].sort((x, y) => x[0] - y[0]).map(([seat, d]) => ({ seat, cause: d.cause, publicCause: 'night' as const }));
  const [after, died] = applyDeaths({ ...changed, pendingShots: ctx.pendingShots, day: ctx.day }, deaths, 'night', secretShots(ctx));
  const entry = { kind: 'night' as const, day: ctx.day, deaths: died.map((d) => d.seat).sort((x, y) => x - y) };
  return {
    ...after,
    rng: res.rng,
    timeline: [...ctx.timeline, entry],
    next: 'day',
  };
}
