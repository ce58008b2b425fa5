import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GameEvent } from '../../../shared/game/index.ts';
import type { GameRecord, StoredRoom } from '../../../server/store/types.ts';
import { DEFAULT_SETTINGS } from '../../../shared/defaults.ts';
import { MACHINE_VERSION } from '../../../shared/game/index.ts';

/** A temporary data directory, removed by `done()`. */
export function tempDir(): { dir: string; done(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ww-durability-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A stored room shaped as the room actor writes it; the snapshot is a stand-in, not a real game. */
export function storedRoom(roomId: string, over: Partial<StoredRoom> = {}): StoredRoom {
  return {
    roomId,
    code: `C-${roomId}`,
    machineVersion: MACHINE_VERSION,
    snapshot: { status: 'active', value: 'lobby', context: { players: [], phase: 'lobby', phaseId: 0 }, at: 0 },
    snapshotSeq: 0,
    seats: {},
    viewVersions: {},
    hostedBots: {},
    seq: 0,
    gameStart: null,
    createdAt: 1000,
    updatedAt: 1000,
    ...over,
  };
}

export const joinEvent = (n: number): GameEvent => ({ type: 'room.join', now: 1000 + n, name: `P${n}` });

export function gameRecord(gameId: string, roomId: string, gameNo: number, names: string[], finishedAt: number): GameRecord {
  return {
    gameId,
    roomId,
    gameNo,
    machineVersion: MACHINE_VERSION,
    settings: { ...DEFAULT_SETTINGS, name: `Room ${roomId}` },
    seed: 7,
    players: names.map((name, seat) => ({ seat, name, bot: false, role: 'villager' })),
    outcome: { winner: 'village', seats: [0], reason: 'test' },
    startSnapshot: { status: 'active' },
    events: [joinEvent(0)],
    startedAt: finishedAt - 100,
    finishedAt,
  };
}
