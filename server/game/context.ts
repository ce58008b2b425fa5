import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings.ts';
import type { GameContext } from './types.ts';

export function initialContext(settings: Settings = DEFAULT_SETTINGS): GameContext {
  return {
    settings,
    players: [],
    host: null,
    gameNo: 0,
    phase: 'lobby',
    phaseId: 0,
    deadline: null,
    day: 0,
    rng: 0,
    seed: null,
    night: { picks: {}, actions: {} },
    vote: null,
    ready: [],
    pendingShots: [],
    next: 'day',
    potions: {},
    lastProtected: {},
    executed: null,
    timeline: [],
    secrets: [],
    chat: [],
    chatSeq: 0,
    outcome: null,
    version: 0,
  };
}
