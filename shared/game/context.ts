import { DEFAULT_SETTINGS } from '../defaults.ts';
import type { Settings } from '../settings.ts';
import type { GameContext } from './types.ts';

/** The per-game part of the context, as before a first game and after a reset (R14). */
export function freshGame() {
  return {
    day: 0,
    seed: null,
    night: { picks: {}, actions: {} },
    vote: null,
    ready: [] as number[],
    pendingShots: [] as number[],
    aim: null,
    next: 'day' as const,
    roles: {},
    executed: null,
    timeline: [],
    secrets: [],
    outcome: null,
  } satisfies Partial<GameContext>;
}

export function initialContext(settings: Settings = DEFAULT_SETTINGS): GameContext {
  return fastShape({
    settings,
    players: [],
    host: null,
    gameNo: 0,
    phase: 'lobby',
    phaseId: 0,
    deadline: null,
    rng: 0,
    ...freshGame(),
    chat: [],
    chatSeq: 0,
    chatIds: { lobby: 0, day: 0, wolves: 0, dead: 0 },
    version: 0,
  });
}

/**
 * XState copies the context on every assign with `Object.assign({}, context, patch)`. V8 copies a
 * 24-field object quickly only when the source's shape can be cloned; a plain object literal's
 * cannot, and the copy falls back to a slow dictionary-mode object, which every later copy and
 * every field read then pays for (five times slower per event, measured by bench/engine.ts). A
 * spread copy has a clonable shape, and the contexts XState derives from it keep it.
 */
function fastShape(ctx: GameContext): GameContext {
  return { ...ctx };
}
