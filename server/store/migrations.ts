import { MACHINE_VERSION } from '../../shared/game/index.ts';
import type { GameRecord, LoggedEvent, StoredRoom } from './types.ts';

/**
 * One step of the machine's snapshot format: from `from` to `from + 1`. It rewrites the stored
 * snapshots (current and game start) and the logged events still to be replayed.
 */
export interface Migration {
  note: string;
  snapshot(snapshot: unknown): unknown;
  event?(event: LoggedEvent['event']): LoggedEvent['event'];
}

/** Version 1 named the lobby's events after their subject; version 2 names them as the wire commands do. */
const RENAMED_EVENTS: Record<string, string> = {
  'player.join': 'room.join',
  'player.leave': 'room.leave',
  'settings.update': 'room.settings',
  'host.kick': 'room.kick',
  'host.transfer': 'room.host',
};

/**
 * Migrations keyed by the version they upgrade from: when a change of the context's shape or of
 * the events bumps MACHINE_VERSION, add the step here, or stored rooms of the older version are
 * refused (kept in the store, not restored) with a log line.
 */
export const MIGRATIONS: Record<number, Migration> = {
  1: {
    note: 'machine events renamed after the wire commands (room:join is room.join); role state moved into ctx.roles',
    snapshot: moveRoleState,
    event: (e) => {
      const renamed = RENAMED_EVENTS[(e as { type: string }).type];
      return renamed ? ({ ...e, type: renamed } as typeof e) : e;
    },
  },
};

/**
 * Version 1 kept the witch's potions and the doctor's last protection as fields of the context;
 * version 2 keeps each seat's role state in `roles[seat]`, owned by its role module (shapes as
 * shared/game/roles/witch.ts and doctor.ts declare them).
 */
function moveRoleState(s: unknown): unknown {
  const snap = s as { context?: Record<string, unknown> } | null;
  const ctx = snap?.context;
  if (!ctx || typeof ctx !== 'object' || 'roles' in ctx) return s;
  const { potions, lastProtected, ...rest } = ctx as { potions?: Record<string, unknown>; lastProtected?: Record<string, number | null> };
  const roles: Record<string, unknown> = {};
  for (const [seat, left] of Object.entries(potions ?? {})) roles[seat] = left;
  for (const [seat, last] of Object.entries(lastProtected ?? {})) roles[seat] = { last };
  return { ...snap, context: { ...rest, roles } };
}

export type Upgrade =
  | { ok: true; room: StoredRoom; tail: LoggedEvent[]; migrated: boolean }
  | { ok: false; reason: string };

/**
 * Check a stored room and its log tail, and bring them to the current machine version. Never
 * guesses: an unknown version, a missing step, a gap in the log or a snapshot that is not a game
 * snapshot is a refusal with a reason, not a half-restored room.
 */
export function upgrade(stored: StoredRoom, tail: LoggedEvent[], current = MACHINE_VERSION, migrations = MIGRATIONS): Upgrade {
  const problem = checkShape(stored, tail);
  if (problem) return { ok: false, reason: problem };
  if (stored.machineVersion > current) return { ok: false, reason: `written by machine version ${stored.machineVersion}, newer than this server's ${current}` };
  let room = stored;
  let events = tail;
  for (let v = stored.machineVersion; v < current; v++) {
    const m = migrations[v];
    if (!m) return { ok: false, reason: `machine version ${stored.machineVersion} and no migration from version ${v} to ${v + 1}` };
    room = {
      ...room,
      machineVersion: v + 1,
      snapshot: m.snapshot(room.snapshot),
      gameStart: room.gameStart ? { ...room.gameStart, snapshot: m.snapshot(room.gameStart.snapshot) } : null,
    };
    const step = m.event;
    if (step) events = events.map((e) => ({ ...e, event: step(e.event) }));
  }
  return { ok: true, room, tail: events, migrated: room !== stored };
}

function checkShape(r: StoredRoom, tail: LoggedEvent[]): string | null {
  if (!Number.isInteger(r.machineVersion)) return 'no machine version';
  if (!isGameSnapshot(r.snapshot)) return 'the snapshot is not a game snapshot';
  if (r.gameStart && !isGameSnapshot(r.gameStart.snapshot)) return 'the game-start snapshot is not a game snapshot';
  if (!Number.isInteger(r.seq) || !Number.isInteger(r.snapshotSeq) || r.snapshotSeq > r.seq) return `bad sequence numbers (snapshot ${r.snapshotSeq}, last ${r.seq})`;
  // The tail must be exactly the events after the snapshot: a gap would restore a different game.
  if (tail.length !== r.seq - r.snapshotSeq || tail.some((e, i) => e.seq !== r.snapshotSeq + 1 + i)) {
    return `the log after the snapshot (seq ${r.snapshotSeq}) does not run to seq ${r.seq} without gaps`;
  }
  if (tail.some((e) => typeof e.event !== 'object' || e.event === null || typeof (e.event as { type?: unknown }).type !== 'string')) return 'a logged event is not an event';
  return null;
}

function isGameSnapshot(s: unknown): boolean {
  if (typeof s !== 'object' || s === null) return false;
  const snap = s as { status?: unknown; value?: unknown; context?: { players?: unknown; phase?: unknown; phaseId?: unknown } };
  const ctx = snap.context;
  return (snap.status === 'active' || snap.status === 'done') && snap.value !== undefined && typeof ctx === 'object' && ctx !== null
    && Array.isArray(ctx.players) && typeof ctx.phase === 'string' && typeof ctx.phaseId === 'number';
}

/**
 * A finished game's record brought to the current machine version, so the browser's replay runs
 * it on today's rules; a record no migration reaches is returned as it is (the replay says so).
 */
export function upgradeRecord(game: GameRecord, current = MACHINE_VERSION, migrations = MIGRATIONS): GameRecord {
  let out = game;
  for (let v = game.machineVersion ?? 1; v < current; v++) {
    const m = migrations[v];
    if (!m) return game;
    const step = m.event;
    out = { ...out, machineVersion: v + 1, startSnapshot: m.snapshot(out.startSnapshot), events: step ? out.events.map(step) : out.events };
  }
  return out;
}
