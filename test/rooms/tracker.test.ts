import { describe, expect, it } from 'vitest';
import type { ViewBody } from '../../shared/game/index.ts';
import { sameJson, ViewTracker } from '../../server/rooms/tracker.ts';

// Only the fields the tracker looks at matter here; the cast keeps the fixture short.
const body = (over: Record<string, unknown>) => ({ phase: 'day', players: [{ seat: 0, alive: true }], chat: [], ...over }) as unknown as ViewBody;

describe('ViewTracker', () => {
  it('[P3] a view rebuilt as new objects but equal in value is no update: a secret event must not show as a version bump', () => {
    const t = new ViewTracker();
    expect(t.update('seat:0', body({}))).toMatchObject({ version: 1 });
    expect(t.update('seat:0', body({ players: [{ seat: 0, alive: true }] }))).toBeNull();
    expect(t.snapshot()).toEqual({ 'seat:0': 1 });
  });

  it('[P3] an update carries only the fields that changed, a field gone is sent as null, and versions count per audience', () => {
    const t = new ViewTracker({ 'seat:0': 7 });
    t.update('seat:0', body({ vote: { open: true } }));
    t.update('spectators', body({}));
    expect(t.update('seat:0', body({ phase: 'vote' }))).toEqual({ version: 9, changes: { phase: 'vote', vote: null } });
    expect(t.snapshot()).toEqual({ 'seat:0': 9, spectators: 1 });
    expect(t.full('seat:0')).toMatchObject({ phase: 'vote', version: 9 });
  });

  it('[P3] compares as JSON would send: key order does not matter, an undefined key counts as absent, arrays compare in order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: [] }, { a: {} })).toBe(false);
    expect(sameJson({ a: null }, { a: 0 })).toBe(false);
  });
});
