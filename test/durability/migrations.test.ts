import { describe, expect, it } from 'vitest';
import { MACHINE_VERSION } from '../../shared/game/index.ts';
import { type Migration, upgrade, upgradeRecord } from '../../server/store/migrations.ts';
import type { LoggedEvent } from '../../server/store/types.ts';
import { gameRecord, joinEvent, storedRoom } from '../helpers/durability/fixtures.ts';

const tail = (from: number, to: number): LoggedEvent[] => Array.from({ length: to - from }, (_, i) => ({ roomId: 'a', seq: from + 1 + i, event: joinEvent(from + 1 + i) }));
const tag = (v: number): Migration => ({
  note: `to ${v + 1}`,
  snapshot: (s) => ({ ...(s as object), steps: [...((s as { steps?: number[] }).steps ?? []), v] }),
  event: (e) => ({ ...e, now: e.now + 1 }),
});

describe('snapshot versions', () => {
  it('[D7] a room of the current version passes untouched', () => {
    const room = storedRoom('a', { seq: 2 });
    expect(upgrade(room, tail(0, 2), MACHINE_VERSION, {})).toEqual({ ok: true, room, tail: tail(0, 2), migrated: false });
  });

  it('[D7] an older room runs every step in order, on both snapshots and on the log tail', () => {
    const room = storedRoom('a', { machineVersion: 1, seq: 1, gameStart: { seq: 0, snapshot: storedRoom('x').snapshot } });
    const up = upgrade(room, tail(0, 1), 3, { 1: tag(1), 2: tag(2) });
    if (!up.ok) throw new Error(up.reason);
    expect(up.migrated).toBe(true);
    expect(up.room.machineVersion).toBe(3);
    expect(up.room.snapshot).toMatchObject({ steps: [1, 2] });
    expect(up.room.gameStart!.snapshot).toMatchObject({ steps: [1, 2] });
    expect(up.tail[0].event.now).toBe(joinEvent(1).now + 2);
  });

  it('[D7] refuses a missing step, a newer version, and a log that does not reach the room\'s last seq', () => {
    expect(upgrade(storedRoom('a', { machineVersion: 1 }), [], 3, { 1: tag(1) })).toEqual({ ok: false, reason: expect.stringMatching(/no migration from version 2 to 3/) });
    expect(upgrade(storedRoom('a', { machineVersion: MACHINE_VERSION + 1 }), [], MACHINE_VERSION, {})).toEqual({ ok: false, reason: expect.stringMatching(/newer/) });
    expect(upgrade(storedRoom('a', { seq: 3 }), tail(0, 2), MACHINE_VERSION, {})).toEqual({ ok: false, reason: expect.stringMatching(/without gaps/) });
  });
});

describe('version 1 to 2', () => {
  it('[D7] renames the lobby events after the wire commands, in the log tail and in game records', () => {
    const old = { type: 'host.kick', now: 5, seat: 0, target: 1 } as unknown as LoggedEvent['event'];
    const up = upgrade(storedRoom('a', { machineVersion: 1, seq: 1 }), [{ roomId: 'a', seq: 1, event: old }], 2);
    if (!up.ok) throw new Error(up.reason);
    expect(up.tail[0].event).toEqual({ type: 'room.kick', now: 5, seat: 0, target: 1 });
    const record = upgradeRecord({ ...gameRecord('g', 'a', 1, ['A'], 100), machineVersion: 1, events: [{ type: 'player.join', now: 1, name: 'A' } as unknown as LoggedEvent['event']] }, 2);
    expect(record.events).toEqual([{ type: 'room.join', now: 1, name: 'A' }]);
    expect(record.machineVersion).toBe(2);
  });

  it("moves the witch's potions and the doctor's last protection into the seats' role state", () => {
    const snap = storedRoom('x').snapshot as { context: Record<string, unknown> };
    const { roles: _, ...v1 } = snap.context;
    const old = { ...snap, context: { ...v1, potions: { 2: { heal: false, poison: true } }, lastProtected: { 4: 1 } } };
    const up = upgrade(storedRoom('a', { machineVersion: 1, snapshot: old as never }), [], 2);
    if (!up.ok) throw new Error(up.reason);
    const ctx = (up.room.snapshot as { context: Record<string, unknown> }).context;
    expect(ctx.roles).toEqual({ 2: { heal: false, poison: true }, 4: { last: 1 } });
    expect(ctx).not.toHaveProperty('potions');
    expect(ctx).not.toHaveProperty('lastProtected');
  });
});
