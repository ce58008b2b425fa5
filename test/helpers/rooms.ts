import pino from 'pino';
import { DEFAULT_SETTINGS } from '../../shared/defaults.ts';
import type { Settings } from '../../shared/settings.ts';
import { ManualClock } from '../../server/rooms/clock.ts';
import type { FaultPoint, FaultPort, Outbox, OutEvent, RoomDeps } from '../../server/rooms/ports.ts';
import { Registry } from '../../server/rooms/registry.ts';
import { type Audience, audienceKey } from '../../server/rooms/audience.ts';
import { MemoryStore } from '../../server/store/memory.ts';
import type { Store } from '../../server/store/types.ts';

export interface Sent { roomId: string; audience: Audience | 'all'; event: OutEvent; payload: unknown }

const keyOf = (a: Audience | 'all') => (a === 'all' ? a : audienceKey(a));

/** An Outbox that keeps every message, for asserting who received what. */
export class RecordingOutbox implements Outbox {
  sent: Sent[] = [];
  emit(roomId: string, audience: Audience | 'all', event: OutEvent, payload: unknown): void {
    this.sent.push({ roomId, audience, event, payload });
  }
  to(audience: Audience | 'all'): Sent[] { return this.sent.filter((s) => keyOf(s.audience) === keyOf(audience)); }
}

/** Faults armed by tests: the next `times` passes through `point` (optionally in one room) throw. */
export class Faults implements FaultPort {
  private armed: { point: FaultPoint; roomId?: string; times: number }[] = [];
  fired = 0;
  arm(point: FaultPoint, opts: { roomId?: string; times?: number } = {}): void {
    this.armed.push({ point, roomId: opts.roomId, times: opts.times ?? 1 });
  }
  at(point: FaultPoint, roomId: string): void {
    const f = this.armed.find((a) => a.point === point && a.times > 0 && (!a.roomId || a.roomId === roomId));
    if (!f) return;
    f.times--;
    this.fired++;
    throw new Error(`injected fault at ${point}`);
  }
}

let counter = 0;

export function roomDeps(over: Partial<RoomDeps> = {}): RoomDeps & { clock: ManualClock; outbox: RecordingOutbox; faults: Faults; store: Store } {
  let seed = 42;
  return {
    clock: new ManualClock(),
    store: new MemoryStore(),
    outbox: new RecordingOutbox(),
    log: pino({ level: 'silent' }),
    metrics: { crash() {}, restart() {}, gameFinished() {}, command() {} },
    faults: new Faults(),
    newToken: () => `tok-${++counter}`,
    newSeed: () => seed++,
    newGameId: () => `game-${++counter}`,
    ...over,
  } as RoomDeps & { clock: ManualClock; outbox: RecordingOutbox; faults: Faults; store: Store };
}

export function registryFor(deps: RoomDeps, opts: { maxRestarts?: number } = {}): Registry {
  return new Registry(deps, { intensity: { maxRestarts: opts.maxRestarts ?? 3, withinMs: 60_000 }, emptyGraceMs: 60_000, maxRooms: 100 }, { summary() {}, removed() {} }, pino({ level: 'silent' }));
}

export const fastSettings = (over: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  maxSeats: 20,
  durations: { night: 30, dawn: 5, day: 60, vote: 30, execution: 5, hunter: 10 },
  ...over,
});

/** Let queued room work (promises, microtasks) run to completion. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}
