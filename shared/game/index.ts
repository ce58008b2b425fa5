/** The rules of Werewolf: a pure XState machine plus the functions the room needs around it. */
export { gameMachine, MACHINE_VERSION, type GameInput, type GameMachine } from './machine.ts';
export { reject } from './rules.ts';
export { refusalReason } from './lobby.ts';
export { Decider, type Decision, type GameSnapshot } from './decide.ts';
export type { GameEffect, GameEffectType } from './effects.ts';
export { readable, viewFor, type Audience, type ViewBody } from './views.ts';
export { ViewCache } from './views-cache.ts';
export { initialContext } from './context.ts';
export { autoRoles, rolesProblem } from './deal.ts';
export { PRESETS, PRESET_LIST, presetOf, presetRoles, startProblem, withPreset } from './presets.ts';
export { checkOutcome } from './win.ts';
export { ABANDONED } from './abandon.ts';
export type { GameContext, GameEvent, NightAction, Player } from './types.ts';
