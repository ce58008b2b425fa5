import { applyDeaths, player, secretShots } from './deaths.ts';
import { NIGHT_ORDER, ROLE_MODULES } from './roles/index.ts';
import type { NightResolution } from './roles/role.ts';
import type { EventOf, GameContext, Patch, Player, Rejection } from './types.ts';

export function rejectNightAction(ctx: GameContext, e: EventOf<'night.act'>): Rejection {
  if (ctx.phase !== 'night') return 'phase/wrong';
  const p = player(ctx, e.seat);
  if (!p) return 'room/not-member';
  if (!p.alive) return 'player/dead';
  if (e.action.kind === 'sleep') {
    if (ctx.night.actions[e.seat] !== undefined) return 'action/already-done';
    return sleeper(ctx, p) ? null : 'action/not-allowed';
  }
  const night = p.role ? ROLE_MODULES[p.role].night : undefined;
  if (!night || night.kind !== e.action.kind) return 'action/not-allowed';
  return night.validate(ctx, e.seat, e.action);
}

/**
 * A living player with no role action due tonight answers the night by sleeping (R7): villagers,
 * hunters, tanners, a cupid after the first night. So every living player answers, and the
 * night's length tells nobody which roles are still in play.
 */
export function sleeper(ctx: GameContext, p: Player): boolean {
  if (!p.alive || !p.role || p.role === 'werewolf') return false;
  const night = ROLE_MODULES[p.role].night;
  return !night || !night.due(ctx, p.seat);
}

export function act(ctx: GameContext, e: EventOf<'night.act'>): Patch {
  if (e.action.kind === 'sleep') return { night: { ...ctx.night, actions: { ...ctx.night.actions, [e.seat]: e.action } } };
  const night = ROLE_MODULES[player(ctx, e.seat)!.role!].night!;
  return { night: night.record(ctx.night, e.seat, e.action) };
}

/** The night ends early once no living seat owes an action (R7). */
export function nightComplete(ctx: GameContext): boolean {
  for (const p of ctx.players) {
    if (!p.alive || !p.role) continue;
    const night = ROLE_MODULES[p.role].night;
    if (night && night.due(ctx, p.seat)) return false;
    if (p.role !== 'werewolf' && ctx.night.actions[p.seat] === undefined) return false;
  }
  return true;
}

/** Dawn (R20–R29): every role's action takes effect in priority order; the dead are announced as 'night' deaths. */
export function resolveNight(ctx: GameContext): Patch {
  const res: NightResolution = {
    protectedSeats: new Set(),
    wolfTarget: null,
    deaths: new Map(),
    secrets: [],
    rng: ctx.rng,
    lovers: null,
    lastProtected: {},
    potions: {},
  };
  for (const role of NIGHT_ORDER) if (ctx.players.some((p) => p.role === role.id)) role.night!.resolve(ctx, res);
  let players = ctx.players;
  if (res.lovers) {
    const [a, b] = res.lovers;
    players = players.map((p) => (p.seat === a ? { ...p, lover: b } : p.seat === b ? { ...p, lover: a } : p));
  }
  const deaths = [...res.deaths].sort((x, y) => x[0] - y[0]).map(([seat, cause]) => ({ seat, cause, publicCause: 'night' as const }));
  const [after, died] = applyDeaths({ players, pendingShots: ctx.pendingShots, secrets: [...ctx.secrets, ...res.secrets], day: ctx.day }, deaths, 'night', secretShots(ctx));
  const entry = { kind: 'night' as const, day: ctx.day, deaths: died.map((d) => d.seat).sort((x, y) => x - y) };
  return {
    ...after,
    rng: res.rng,
    lastProtected: { ...ctx.lastProtected, ...res.lastProtected },
    potions: { ...ctx.potions, ...res.potions },
    timeline: [...ctx.timeline, entry],
    next: 'day',
  };
}
