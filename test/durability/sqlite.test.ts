import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../server/store/schema.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';
import { joinEvent, storedRoom, tempDir } from '../helpers/durability/fixtures.ts';

const cleanups: (() => void)[] = [];
afterEach(() => { for (const f of cleanups.splice(0)) f(); });

function open(opts: { windowMs?: number } = {}) {
  const tmp = tempDir();
  const store = new SqliteStore({ dir: tmp.dir, ...opts });
  cleanups.push(() => { void store.close(); tmp.done(); });
  return { store, dir: tmp.dir, raw: () => { const db = new Database(store.file); cleanups.unshift(() => db.close()); return db; } };
}

describe('SQLite store', () => {
  it('[D1] a commit is in the file once it resolves: a second connection sees it without any close', async () => {
    const { store, raw } = open();
    await store.commit(storedRoom('a', { seq: 1 }), joinEvent(1));
    const db = raw();
    expect(db.prepare('SELECT seq FROM rooms WHERE room_id = ?').get('a')).toEqual({ seq: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('[D2] commits arriving together share one transaction (group commit), and all of them are kept', async () => {
    const { store } = open();
    const before = { ...store.stats };
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.commit(storedRoom(`r${i}`, { seq: 1 }), joinEvent(i))));
    expect(store.stats.writes - before.writes).toBe(40);
    expect(store.stats.transactions - before.transactions).toBe(1);
    expect(await store.loadRooms()).toHaveLength(40);
  });

  it('[D2] a failing write fails only its own commit, not the others of its group', async () => {
    const { store } = open({ windowMs: 5 });
    await store.commit(storedRoom('a', { seq: 1 }), joinEvent(1));
    const results = await Promise.allSettled([
      store.commit(storedRoom('b', { seq: 1 }), joinEvent(1)),
      store.commit(storedRoom('a', { seq: 1 }), joinEvent(1)), // seq 1 of room a is already logged
      store.commit(storedRoom('c', { seq: 1 }), joinEvent(1)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.loadRooms()).map((r) => r.roomId).sort()).toEqual(['a', 'b', 'c']);
  });

  it('[D1] commits run on a writer thread; if it dies, a write still queued goes to the next one, and each caller learns whether its write is in the file', async () => {
    // A wide batching window, so the first writer is surely gone before `queued` leaves the queue
    // even on a loaded machine (with 50 ms it was sometimes handed over first, then refused).
    const { store } = open({ windowMs: 500 });
    await store.commit(storedRoom('a', { seq: 1 }), joinEvent(1));
    const first = store.writerThread!;
    expect(first.threadId).toBeGreaterThan(0);
    const queued = store.commit(storedRoom('b', { seq: 1 }), joinEvent(1)); // waits 500 ms for company
    await first.terminate();
    await queued;
    expect(store.writerThread!.threadId).not.toBe(first.threadId);
    // A write handed over just before its writer dies: acked only if it is in the file, refused only if it is not.
    const handed = store.commit(storedRoom('a', { seq: 2 }), joinEvent(2));
    await new Promise((r) => setTimeout(r, 510));
    await store.writerThread!.terminate();
    const outcome = await handed.then(() => 'acked', () => 'refused');
    const seqA = (await store.loadRoom('a'))!.seq;
    expect(outcome === 'acked' ? seqA === 2 : seqA === 1).toBe(true);
    await store.commit(storedRoom('c', { seq: 1 }), joinEvent(1));
    expect((await store.loadRooms()).map((r) => r.roomId).sort()).toEqual(['a', 'b', 'c']);
    expect((await store.events('b', 0)).map((e) => e.seq)).toEqual([1]);
  });

  it('a commit that would only touch a room row that is not there fails, and the retry writes the whole row', async () => {
    const { store, raw } = open();
    await store.commit(storedRoom('a', { seq: 1 }), joinEvent(1));
    raw().prepare("DELETE FROM rooms WHERE room_id = 'a'").run();
    await expect(store.commit(storedRoom('a', { seq: 2 }), joinEvent(2))).rejects.toThrow('room a: no stored row to update');
    await store.commit(storedRoom('a', { seq: 2 }), joinEvent(2));
    expect((await store.loadRoom('a'))!.seq).toBe(2);
  });

  it('[D6] a corrupt room row is reported and skipped; the other rooms load', async () => {
    const { store, raw } = open();
    await store.commit(storedRoom('good', { seq: 1 }), joinEvent(1));
    await store.commit(storedRoom('bad', { seq: 1 }), joinEvent(1));
    raw().prepare("UPDATE rooms SET snapshot = '{not json' WHERE room_id = 'bad'").run();
    const broken: string[] = [];
    const rooms = await store.loadRooms((roomId) => broken.push(roomId));
    expect(rooms.map((r) => r.roomId)).toEqual(['good']);
    expect(broken).toEqual(['bad']);
  });

  it('[D6] a corrupt event row makes reading that room\'s log fail with the room and seq named', async () => {
    const { store, raw } = open();
    await store.commit(storedRoom('a', { seq: 1 }), joinEvent(1));
    raw().prepare("UPDATE events SET event = 'garbage' WHERE room_id = 'a'").run();
    await expect(store.events('a', 0)).rejects.toThrow('room a: logged event 1 is not valid JSON');
  });

  it('[D7] refuses to open a file written by a newer store schema', async () => {
    const { store, dir } = open();
    await store.close();
    const db = new Database(path.join(dir, 'werewolf.sqlite'));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteStore({ dir })).toThrow(`store schema ${SCHEMA_VERSION + 1}`);
  });

  it('[D7] [H11.3] a schema-1 file (no hosted_bots column) is upgraded in place: its rooms load, hosting no bots', async () => {
    const { store, dir } = open();
    await store.commit(storedRoom('a', { seq: 1 }), joinEvent(1));
    await store.close();
    const db = new Database(path.join(dir, 'werewolf.sqlite'));
    db.exec('ALTER TABLE rooms DROP COLUMN hosted_bots');
    db.pragma('user_version = 1');
    db.close();
    const again = new SqliteStore({ dir });
    try {
      expect((await again.loadRoom('a'))).toMatchObject({ seq: 1, hostedBots: {} });
      await again.commit(storedRoom('a', { seq: 2, hostedBots: { 3: 'random' } }), joinEvent(2));
      expect((await again.loadRoom('a'))!.hostedBots).toEqual({ 3: 'random' });
    } finally {
      await again.close();
    }
  });

  it('[D8] close writes what is pending; commits after close are refused', async () => {
    const { store, dir } = open({ windowMs: 1_000 });
    const pending = store.commit(storedRoom('a', { seq: 1 }), joinEvent(1));
    await store.close();
    await pending;
    await expect(store.commit(storedRoom('a', { seq: 2 }), joinEvent(2))).rejects.toThrow('closed');
    const again = new SqliteStore({ dir });
    expect((await again.loadRoom('a'))!.seq).toBe(1);
    await again.close();
  });
});
