import { nameProblem, nameSkeleton, normalizeName } from '../names.ts';
import { applySettingsPatch, MIN_PLAYERS } from '../settings.ts';
import { roleSettingsProblem } from './catalogue.ts';
import { freshGame } from './context.ts';
import { deal } from './deal.ts';
import { patchProblem, presetRoles, startProblem, withPreset } from './presets.ts';
import { applyDeaths, player, secretShots } from './deaths.ts';
import { ROLE_MODULES } from './roles/index.ts';
import type { EventOf, GameContext, Patch, Player, Rejection } from './types.ts';

const inLobby = (ctx: GameContext) => ctx.phase === 'lobby' || ctx.phase === 'over';
const isHost = (ctx: GameContext, seat: number) => ctx.host === seat;

function lowestFreeSeat(ctx: GameContext): number {
  const taken = new Set(ctx.players.map((p) => p.seat));
  let seat = 0;
  while (taken.has(seat)) seat++;
  return seat;
}

/**
 * The next host (R12): the lowest connected human seat, else the lowest human seat, else the
 * lowest connected bot, else the lowest bot; never a player who left.
 */
function nextHost(players: Player[], leaving: number): number | null {
  const rest = players.filter((p) => p.seat !== leaving && !p.left);
  const humans = rest.filter((p) => !p.bot);
  const pool = humans.find((p) => p.connected) ?? humans[0] ?? rest.find((p) => p.connected) ?? rest[0];
  return pool ? pool.seat : null;
}

export function rejectLobby(ctx: GameContext, e: EventOf<'room.join' | 'room.settings' | 'room.kick' | 'room.host' | 'game.start' | 'game.reset'>): Rejection {
  switch (e.type) {
    case 'room.join': {
      if (!inLobby(ctx)) return 'room/started';
      const name = normalizeName(e.name);
      if (nameProblem(name)) return 'name/invalid';
      // Names that look alike are one name (R5): no player can pass for another.
      const skeleton = nameSkeleton(name);
      if (ctx.players.some((p) => nameSkeleton(p.name) === skeleton)) return 'name/taken';
      if (ctx.players.length >= ctx.settings.maxSeats) return 'room/full';
      return null;
    }
    case 'room.settings': {
      if (!isHost(ctx, e.seat)) return 'host/only';
      if (!inLobby(ctx)) return 'phase/wrong';
      return settingsReason(ctx, e) ? 'settings/invalid' : null;
    }
    case 'room.kick':
    case 'room.host':
      if (!isHost(ctx, e.seat)) return 'host/only';
      if (e.type === 'room.kick' && !inLobby(ctx)) return 'phase/wrong';
      if (e.target === e.seat || !player(ctx, e.target) || player(ctx, e.target)!.left) return 'host/invalid-target';
      return null;
    case 'game.start': {
      if (!isHost(ctx, e.seat)) return 'host/only';
      if (ctx.phase !== 'lobby') return 'phase/wrong';
      if (ctx.players.length < MIN_PLAYERS) return 'host/not-enough-players';
      if (startProblem(ctx.settings, ctx.players.length)) return 'host/invalid-roles';
      return null;
    }
    case 'game.reset':
      if (!isHost(ctx, e.seat)) return 'host/only';
      return ctx.phase === 'over' ? null : 'phase/wrong';
  }
}

/** Why a settings patch is refused (R2, R233), or null. */
function settingsReason(ctx: GameContext, e: EventOf<'room.settings'>): string | null {
  const merged = applySettingsPatch(ctx.settings, e.patch);
  if (!merged.ok) return merged.message;
  if (merged.settings.maxSeats < ctx.players.length) return `maxSeats: ${ctx.players.length} players are seated`;
  return roleSettingsProblem(merged.settings) ?? patchProblem(merged.settings, e.patch);
}

/**
 * The reason, in words, for a refusal of a lobby event that has one to give (the ack's message):
 * why the roles cannot play (R4, R232), why the settings are invalid. Undefined otherwise.
 */
export function refusalReason(ctx: GameContext, e: { type: string }): string | undefined {
  if (e.type === 'game.start') {
    const problem = startProblem(ctx.settings, ctx.players.length);
    return problem ? `The chosen roles cannot play: ${problem}.` : undefined;
  }
  if (e.type === 'room.settings') {
    const problem = settingsReason(ctx, e as EventOf<'room.settings'>);
    return problem ? `Those settings are not valid: ${problem}.` : undefined;
  }
  return undefined;
}

/** Whether this joiner becomes the host: a room without one gets it, but a bot only hosts the room it opened itself (R5: the AIWolf bridge's own rooms). */
export function hostsOnJoin(ctx: GameContext, e: EventOf<'room.join'>): boolean {
  return ctx.host === null && (!e.bot || e.creates === true);
}

export function join(ctx: GameContext, e: EventOf<'room.join'>): Patch {
  const seat = lowestFreeSeat(ctx);
  const p: Player = { seat, name: normalizeName(e.name), bot: e.bot ?? false, connected: true, role: null, alive: true, death: null, lover: null, missedVotes: 0 };
  const players = [...ctx.players, p].sort((a, b) => a.seat - b.seat);
  return { players, host: hostsOnJoin(ctx, e) ? seat : ctx.host };
}

/** The seat a player of this name holds (names are unique, R5): a joiner's, once joined. */
export function seatNamed(ctx: GameContext, name: string): number {
  const normal = normalizeName(name);
  return ctx.players.find((p) => p.name === normal)!.seat;
}

/**
 * Before the game a leaver frees the seat; during it the seat stays, dead, marked as left (R13).
 * A leaver's queued hunter shot is forfeited (R32); the shot being taken right now is skipped by
 * the machine, which sees the shooter has left.
 */
export function leave(ctx: GameContext, seat: number): Patch {
  const host = ctx.host === seat ? nextHost(ctx.players, seat) : ctx.host;
  if (inLobby(ctx)) return { host, players: ctx.players.filter((p) => p.seat !== seat) };
  const [after, died] = applyDeaths(ctx, [{ seat, cause: 'left', publicCause: 'left' }], 'grief', secretShots(ctx));
  const timeline = [...ctx.timeline, ...died.map((d) => ({ kind: 'death' as const, day: ctx.day, seat: d.seat, cause: d.publicCause }))];
  const players = after.players.map((p) => (p.seat === seat ? { ...p, connected: false, left: true } : p));
  const shooting = ctx.phase === 'hunter' ? ctx.pendingShots[0] : undefined;
  const pendingShots = after.pendingShots.filter((s, i) => s !== seat || (i === 0 && s === shooting));
  return { secrets: after.secrets, host, timeline, players, pendingShots };
}

export function transfer(target: number): Patch {
  return { host: target };
}

export function start(ctx: GameContext, e: EventOf<'game.start'>): Patch {
  const n = ctx.players.length;
  // The preset's roles, drawn from the seed when it draws them (R234); Classic draws nothing, so its deal is as before.
  const [counts, drawn] = presetRoles(ctx.settings, n, e.seed >>> 0);
  const [roles, rng] = deal(counts, n, drawn);
  const players = ctx.players.map((p, i) => ({ ...p, role: roles[i], alive: true, death: null, lover: null, missedVotes: 0 }));
  // Each role's own state starts at the deal (the witch's potions).
  const roleState: GameContext['roles'] = {};
  for (const p of players) {
    const state = ROLE_MODULES.get(p.role!)?.state;
    if (state) roleState[p.seat] = state.initial();
  }
  return {
    settings: withPreset(ctx.settings),
    players,
    gameNo: ctx.gameNo + 1,
    seed: e.seed >>> 0,
    rng,
    day: 0,
    roles: roleState,
    pendingShots: [],
    executed: null,
    vote: null,
    ready: [],
    timeline: [],
    secrets: [{ kind: 'deal', roles: Object.fromEntries(players.map((p) => [p.seat, p.role!])) }],
    outcome: null,
  };
}

/** Play again: same seats (leavers gone), roles cleared, back to the lobby (R14). */
export function reset(ctx: GameContext): Patch {
  const players = ctx.players
    .filter((p) => !p.left)
    .map((p) => ({ seat: p.seat, name: p.name, bot: p.bot, connected: p.connected, role: null, alive: true, death: null, lover: null, missedVotes: 0 }));
  return { players, ...freshGame() };
}

export const MIN_TO_START = MIN_PLAYERS;
