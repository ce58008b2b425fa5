import { MIN_PLAYERS } from '../limits.ts';
import type { RoleId } from '../roles.ts';
import type { RoleCounts, Settings } from '../settings.ts';
import type { SetupView } from '../views.ts';
import { type Category, categoryOf, missingRoles, presetOf, presetRoles, startProblem } from './presets.ts';
import { ROLE_MODULES } from './roles/index.ts';
import type { GameContext } from './types.ts';

/*
 * The public setup (R240–R242): what every audience is told of the roles in play, read from the
 * presets (presets.ts) and, once dealt, from the deal's record.
 */

/** Seats of each category in a deck of roles, villagers filling up to `players`. */
export function categories(counts: RoleCounts, players: number): Record<Category, number> {
  const out: Record<Category, number> = { village: 0, wolves: 0, solo: 0 };
  let dealt = 0;
  for (const [id, k] of Object.entries(counts)) { out[categoryOf(id)] += k ?? 0; dealt += k ?? 0; }
  out.village += Math.max(0, players - dealt);
  return out;
}

/** The whole deck by role, villagers included, in catalogue order. */
export function withVillagers(counts: RoleCounts, players: number): RoleCounts {
  const dealt = Object.values(counts).reduce<number>((a, k) => a + (k ?? 0), 0);
  const all: RoleCounts = { ...counts };
  if (players > dealt) all.villager = (all.villager ?? 0) + players - dealt;
  const order = (id: RoleId) => ROLE_MODULES.get(id)?.order ?? 999;
  return Object.fromEntries(Object.entries(all).filter(([, k]) => (k ?? 0) > 0).sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : 1)));
}

/** Kept per deal record, and per settings by the seated count (the lobby's joins and leaves come back to counts seen). */
const dealtSetups = new WeakMap<object, SetupView>();
const lobbySetups = new WeakMap<Settings, Map<number, SetupView>>();

/**
 * The public setup (R240–R242), the same for every audience: before the deal the preset's roles
 * at the seated count (none for a drawing preset), after it the counts dealt, from the deal's
 * record; a preset that shows categories shows only those. Kept per deal / per settings and count.
 */
export function setupOf(ctx: GameContext): SetupView {
  const dealt = ctx.phase !== 'lobby' ? ctx.secrets.find((e) => e.kind === 'deal') : undefined;
  if (dealt) {
    const kept = dealtSetups.get(dealt);
    if (kept) return kept;
  }
  const players = dealt ? Object.keys(dealt.roles).length : Math.max(MIN_PLAYERS, ctx.players.length);
  let byCount = dealt ? undefined : lobbySetups.get(ctx.settings);
  const cached = byCount?.get(players);
  if (cached) return cached;
  const preset = presetOf(ctx.settings);
  let counts: RoleCounts | null = null;
  if (dealt) {
    counts = {};
    for (const role of Object.values(dealt.roles)) counts[role] = (counts[role] ?? 0) + 1;
  } else if (!preset.drawn) {
    counts = withVillagers(presetRoles(ctx.settings, players, 0)[0], players);
  }
  const setup: SetupView = {
    preset: preset.id,
    players,
    dealt: dealt !== undefined,
    roles: counts && preset.shows === 'roles' ? withVillagers(counts, players) : null,
    categories: counts ? categories(counts, players) : null,
    missing: missingRoles(preset, ctx.settings),
    problem: dealt ? null : ctx.players.length < MIN_PLAYERS ? `at least ${MIN_PLAYERS} players are needed` : startProblem(ctx.settings, ctx.players.length),
  };
  if (dealt) dealtSetups.set(dealt, setup);
  else {
    if (!byCount) lobbySetups.set(ctx.settings, (byCount = new Map()));
    byCount.set(players, setup);
  }
  return setup;
}
