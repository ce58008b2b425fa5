import { assign, emit, enqueueActions, setup } from 'xstate';
import type { Settings } from '../settings.ts';
import type { Phase } from '../views.ts';
import { initialContext } from './context.ts';
import { allReady, allVoted, openVote, tally } from './day.ts';
import type { Patch } from './types.ts';
import { fire } from './hunter.ts';
import { player, secretShots, shooter } from './deaths.ts';
import { effectsOf, type GameEffect, phaseEntered, warnedBy } from './effects.ts';
import { hostsOnJoin, leave, seatNamed } from './lobby.ts';
import { nightComplete, resolveNight } from './night.ts';
import { enterPhase } from './phases.ts';
import { apply, reject } from './rules.ts';
import type { GameContext, GameEvent } from './types.ts';
import { checkOutcome } from './win.ts';

/** Bump when the context's shape changes; the store refuses or migrates older snapshots. */
export const MACHINE_VERSION = 2;

export interface GameInput { settings?: Settings }

const nowOf = (e: GameEvent | { type: string }) => ('now' in e && typeof e.now === 'number' ? e.now : 0);

const isCurrent = (ctx: GameContext, e: GameEvent) => e.type === 'timer.expired' && e.phaseId === ctx.phaseId;

/**
 * A vote's close, computed once per state: the timer's transition must know whether it opens a
 * re-vote (its target) before its action applies the count, and both read this same context.
 */
const tallies = new WeakMap<GameContext, Patch>();
function tallied(ctx: GameContext): Patch {
  let patch = tallies.get(ctx);
  if (!patch) { patch = tally(ctx); tallies.set(ctx, patch); }
  return patch;
}

/** A guard's params: also ask that the event is the current phase's timer. */
type OnTimer = { timer?: boolean } | undefined;
const ON_TIMER = { timer: true } as const;
const timerOk = (ctx: GameContext, e: GameEvent, p: OnTimer) => !p?.timer || isCurrent(ctx, e);

/**
 * Where the settled deaths lead (R10): shots first, then the win check, then the next phase. The
 * `settle` state asks this after a hunter's shot; a phase whose timer settles (dawn, execution)
 * asks it in the timer's own transition, which saves XState a microstep through `settle`.
 */
const TIMER_SETTLES = [
  { guard: { type: 'hunterDue', params: ON_TIMER }, target: 'hunter' },
  { guard: { type: 'decided', params: ON_TIMER }, target: 'over' },
  { guard: { type: 'nightNext', params: ON_TIMER }, target: 'night' },
  { guard: 'current', target: 'day' },
] as const;

/** A join, announced without `enqueueActions`: which joins also announce a new host, the guards tell. */
const JOIN = [
  { guard: 'joinHosts', actions: ['apply', 'seatGranted', 'hostChanged'] },
  { guard: 'accepted', actions: ['apply', 'seatGranted'] },
] as const;

/**
 * One game of Werewolf (docs/rules.md). Pure: no timers (a phase ends on `timer.expired` with
 * the current phase id, sent by the room at the stored deadline), no clock (events carry `now`),
 * no Math.random (a seeded PRNG lives in the context). What the room must act on it announces
 * with `emit()` (effects.ts); the room takes steps with XState's pure `transition()` and reads
 * the emitted events off its actions (decide.ts).
 */
export const gameMachine = setup({
  types: {
    context: {} as GameContext,
    events: {} as GameEvent,
    input: {} as GameInput,
    emitted: {} as GameEffect,
  },
  guards: {
    accepted: ({ context, event }) => reject(context, event) === null,
    // An accepted join that makes the joiner host (R5), announced with the seat.
    joinHosts: ({ context, event }) => event.type === 'room.join' && hostsOnJoin(context, event) && reject(context, event) === null,
    current: ({ context, event }) => isCurrent(context, event),
    nightDone: ({ context }) => nightComplete(context),
    allReady: ({ context }) => allReady(context),
    allVoted: ({ context }) => allVoted(context),
    // After the count (in `tally`), or with the timer, before it: the count opens a re-vote (R46).
    revote: ({ context, event }, p: OnTimer) => (p?.timer ? isCurrent(context, event) && tallied(context).vote !== null : context.vote !== null),
    hunterDue: ({ context, event }, p: OnTimer) => timerOk(context, event, p) && context.pendingShots.length > 0,
    // A secret shot (R33) is aimed, and the phase runs to its deadline whoever acts.
    aimOnly: ({ context, event }) => secretShots(context) && reject(context, event) === null,
    decided: ({ context, event }, p: OnTimer) => timerOk(context, event, p) && checkOutcome(context) !== null,
    nightNext: ({ context, event }, p: OnTimer) => timerOk(context, event, p) && context.next === 'night',
    // A departure that decides the game ends it at once, unless a hunter's shot is still due (R13, R56).
    leaveDecides: ({ context, event }) => {
      if (event.type !== 'room.leave' || context.phase === 'lobby' || context.phase === 'over') return false;
      if (reject(context, event) !== null) return false;
      const after = { ...context, ...leave(context, event.seat) };
      // Only a real hunter's shot holds the game open: a decoy turn (R33) is skipped by the end itself.
      return !after.pendingShots.some((s) => shooter(context, s)) && checkOutcome(after) !== null;
    },
    shooterLeft: ({ context }) => context.pendingShots.length > 0 && player(context, context.pendingShots[0])?.left === true,
  },
  actions: {
    // Each action assigns once (each assign costs XState a fresh snapshot). What the room must act on
    // is emitted with `emit` where the new context tells it (a phase entered, a join's seat, a chat
    // message); `enqueueActions`, which costs XState a queue and a dozen closures per call, only where
    // an effect is computed from the state before the event (effectsOf, warnedBy). `apply` is for the
    // moves, which announce nothing (test/game/effects.test.ts holds it to effectsOf), and for joins
    // and chat, with their emits after it; every other event goes by `applyAnnounced`.
    apply: assign(({ context, event }) => apply(context, event)),
    applyAnnounced: enqueueActions(({ context, event, enqueue }) => {
      const patch = apply(context, event);
      enqueue.assign(patch);
      for (const fx of effectsOf(context, event, patch)) enqueue.emit(fx);
    }),
    enter: assign(({ context, event }, params: { phase: Phase }) => enterPhase(context, params.phase, nowOf(event))),
    enterDawn: assign(({ context, event }) => Object.assign(resolveNight(context), enterPhase(context, 'dawn', nowOf(event)))),
    enterVote: assign(({ context, event }) => Object.assign(context.vote === null ? openVote(context) : {}, enterPhase(context, 'vote', nowOf(event)))),
    entered: emit(({ context }) => phaseEntered(context)),
    // Announced from the context after `apply` (effects.ts): the joiner's seat, the new host, the message kept last.
    seatGranted: emit(({ context, event }) => ({ type: 'seat.granted', seat: seatNamed(context, (event as { name: string }).name) })),
    hostChanged: emit(({ context }) => ({ type: 'host.changed', host: context.host })),
    chatPosted: emit(({ context }) => ({ type: 'chat.posted', message: context.chat[context.chat.length - 1] })),
    // The game's end is announced after the phase is, when it has an outcome.
    announceOver: enqueueActions(({ context, enqueue }) => { if (context.outcome) enqueue.emit({ type: 'game.over', outcome: context.outcome }); }),
    tally: enqueueActions(({ context, enqueue }) => {
      const patch = tallied(context);
      enqueue.assign(patch);
      for (const fx of warnedBy(context, patch)) enqueue.emit(fx);
    }),
    fire: assign(({ context }) => fire(context)),
  },
}).createMachine({
  id: 'werewolf',
  context: ({ input }) => initialContext(input?.settings),
  initial: 'lobby',
  on: {
    'chat.send': { guard: 'accepted', actions: ['apply', 'chatPosted'] },
    'player.connection': { guard: 'accepted', actions: 'applyAnnounced' },
    'room.leave': [
      { guard: 'leaveDecides', target: '.over', actions: 'applyAnnounced' },
      { guard: 'accepted', actions: 'applyAnnounced' },
    ],
    'room.host': { guard: 'accepted', actions: 'applyAnnounced' },
    'grace.expired': { guard: 'accepted', actions: 'applyAnnounced' },
    'game.abandon': { guard: 'accepted', target: '.over', actions: 'applyAnnounced' },
  },
  states: {
    lobby: {
      on: {
        'room.join': JOIN,
        'room.settings': { guard: 'accepted', actions: 'applyAnnounced' },
        'room.kick': { guard: 'accepted', actions: 'applyAnnounced' },
        'game.start': { guard: 'accepted', target: 'night', actions: 'applyAnnounced' },
      },
    },
    night: {
      entry: [{ type: 'enter', params: { phase: 'night' } }, 'entered'],
      always: { guard: 'nightDone', target: 'dawn' },
      on: {
        'night.act': { guard: 'accepted', actions: 'apply' },
        'timer.expired': { guard: 'current', target: 'dawn' },
      },
    },
    dawn: {
      entry: ['enterDawn', 'entered'],
      on: { 'timer.expired': [...TIMER_SETTLES] },
    },
    day: {
      entry: [{ type: 'enter', params: { phase: 'day' } }, 'entered'],
      always: { guard: 'allReady', target: 'vote' },
      on: {
        'day.ready': { guard: 'accepted', actions: 'apply' },
        'day.act': { guard: 'accepted', actions: 'apply' },
        'timer.expired': { guard: 'current', target: 'vote' },
      },
    },
    // Opened from the day with every living player as a candidate, or again by a tie (R46).
    vote: {
      entry: ['enterVote', 'entered'],
      always: { guard: 'allVoted', target: 'tally' },
      on: {
        'vote.cast': { guard: 'accepted', actions: 'apply' },
        'day.act': { guard: 'accepted', actions: 'apply' },
        // The count and the next state in one transition (a re-vote enters the vote anew).
        'timer.expired': [
          { guard: { type: 'revote', params: ON_TIMER }, target: 'vote', reenter: true, actions: 'tally' },
          { guard: 'current', target: 'execution', actions: 'tally' },
        ],
      },
    },
    // The vote closed by its last ballot (the timer's close goes straight on, above).
    tally: {
      entry: 'tally',
      always: [{ guard: 'revote', target: 'vote' }, { target: 'execution' }],
    },
    execution: {
      entry: [{ type: 'enter', params: { phase: 'execution' } }, 'entered'],
      on: { 'timer.expired': [...TIMER_SETTLES] },
    },
    hunter: {
      entry: [{ type: 'enter', params: { phase: 'hunter' } }, 'entered'],
      // A hunter who leaves before shooting forfeits the shot (R32).
      always: { guard: 'shooterLeft', target: 'settle', actions: 'fire' },
      on: {
        'hunter.shoot': [{ guard: 'aimOnly', actions: 'apply' }, { guard: 'accepted', target: 'settle', actions: 'apply' }],
        'timer.expired': { guard: 'current', target: 'settle', actions: 'fire' },
      },
    },
    // Deaths are settled after a hunter's shot: shots first, then the win check, then the next phase (R10).
    settle: {
      always: [{ guard: 'hunterDue', target: 'hunter' }, { guard: 'decided', target: 'over' }, { guard: 'nightNext', target: 'night' }, { target: 'day' }],
    },
    over: {
      entry: [{ type: 'enter', params: { phase: 'over' } }, 'entered', 'announceOver'],
      on: {
        'room.join': JOIN,
        'room.kick': { guard: 'accepted', actions: 'applyAnnounced' },
        'room.settings': { guard: 'accepted', actions: 'applyAnnounced' },
        'game.reset': { guard: 'accepted', target: 'lobby', actions: ['applyAnnounced', { type: 'enter', params: { phase: 'lobby' } }, 'entered'] },
      },
    },
  },
});

export type GameMachine = typeof gameMachine;
