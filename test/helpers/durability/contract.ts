import { expect, it } from 'vitest';
import type { Store, StoredRoom } from '../../../server/store/types.ts';
import { gameRecord, joinEvent, storedRoom } from './fixtures.ts';

/** Commit `n` join events to a room as the room actor does; a snapshot at every `every`th event. */
async function commitJoins(store: Store, room: StoredRoom, n: number, every = 20): Promise<StoredRoom> {
  let rec = room;
  for (let i = 0; i < n; i++) {
    const seq = rec.seq + 1;
    const snap = seq % every === 0;
    rec = { ...rec, seq, snapshotSeq: snap ? seq : rec.snapshotSeq, snapshot: snap ? { ...(rec.snapshot as object), at: seq } : rec.snapshot, updatedAt: 1000 + seq };
    await store.commit(rec, joinEvent(seq));
  }
  return rec;
}

/** What every Store must do, whatever keeps the data: run inside a describe() per kind. */
export function storeContract(make: () => Store): void {
  it('keeps the room as last committed and the events after its snapshot, in order', async () => {
    const store = make();
    const last = await commitJoins(store, storedRoom('a'), 45);
    const loaded = await store.loadRoom('a');
    expect(loaded).toEqual(last);
    expect(loaded!.snapshotSeq).toBe(40);
    expect(loaded!.snapshot).toMatchObject({ at: 40 });
    const tail = await store.events('a', loaded!.snapshotSeq);
    expect(tail.map((e) => e.seq)).toEqual([41, 42, 43, 44, 45]);
    expect(tail[0].event).toEqual(joinEvent(41));
  });

  it('saves a room without an event when the event is null, and lists every room', async () => {
    const store = make();
    await store.commit(storedRoom('a', { seq: 0 }), null);
    await commitJoins(store, storedRoom('b'), 3);
    expect(await store.events('a', 0)).toEqual([]);
    expect((await store.loadRooms()).map((r) => r.roomId).sort()).toEqual(['a', 'b']);
    expect(await store.loadRoom('nope')).toBeNull();
  });

  it('keeps the current game\'s events for its record even past later snapshots', async () => {
    const store = make();
    const started = await commitJoins(store, storedRoom('a'), 5);
    const withGame = { ...started, gameStart: { seq: 5, snapshot: started.snapshot } };
    await commitJoins(store, withGame, 50);
    expect((await store.events('a', 5)).map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 6 + i));
  });

  it('commits of many rooms at once are all kept, each in its own order', async () => {
    const store = make();
    const lasts = await Promise.all(Array.from({ length: 30 }, (_, i) => commitJoins(store, storedRoom(`r${i}`), 7, 3)));
    for (const last of lasts) {
      expect(await store.loadRoom(last.roomId)).toEqual(last);
      expect((await store.events(last.roomId, 0)).at(-1)!.seq).toBe(7);
    }
  });

  it('removes a room with its log', async () => {
    const store = make();
    await commitJoins(store, storedRoom('a'), 3);
    await store.removeRoom('a');
    expect(await store.loadRoom('a')).toBeNull();
    expect(await store.events('a', 0)).toEqual([]);
  });

  it('keeps game records, one per room and game number, and finds a player\'s latest games by name in any case', async () => {
    const store = make();
    await store.saveGame(gameRecord('g1', 'r1', 1, ['Ada', 'Bob'], 1_000));
    await store.saveGame(gameRecord('g2', 'r1', 2, ['ada', 'Cy'], 3_000));
    await store.saveGame(gameRecord('g3', 'r2', 1, ['Cy'], 2_000));
    // The same game saved again (a retry after a restart) under another id is ignored.
    await store.saveGame(gameRecord('g1-again', 'r1', 1, ['Ada', 'Bob'], 1_000));
    expect(await store.getGame('g1-again')).toBeNull();
    expect(await store.getGame('g2')).toEqual(gameRecord('g2', 'r1', 2, ['ada', 'Cy'], 3_000));
    expect(await store.getGame('nope')).toBeNull();
    expect((await store.recentGames('ADA', 10)).map((g) => g.gameId)).toEqual(['g2', 'g1']);
    expect((await store.recentGames('cy', 1)).map((g) => g.gameId)).toEqual(['g2']);
    expect(await store.recentGames('Bob', 10)).toEqual([{ gameId: 'g1', roomId: 'r1', name: 'Room r1', winner: 'village', players: 2, finishedAt: 1_000 }]);
    expect(await store.recentGames('nobody', 10)).toEqual([]);
  });
}
