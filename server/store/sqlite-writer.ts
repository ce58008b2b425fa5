/**
 * The SQLite store's writer, run on its own thread: a transaction's fsync (synchronous=FULL)
 * blocks this thread, not the game server's event loop, and writes that arrive while one
 * transaction is being synced share the next one (group commit grows with the load by itself).
 * Ops arrive already serialised to strings and numbers, so nothing here knows a game.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { GroupCommit } from './group.ts';
import { statements } from './schema.ts';

export type WriteOp =
  | {
    kind: 'commit'; roomId: string; seq: number; updatedAt: number; seats: string; viewVersions: string; hostedBots: string; event: string | null;
    /** The whole row, when the snapshot moved or this row was not written by this process yet. */
    row: { code: string; machineVersion: number; snapshot: string; snapshotSeq: number; gameStart: string | null; createdAt: number; keepAfter: number } | null;
  }
  | { kind: 'remove'; roomId: string }
  | { kind: 'game'; gameId: string; roomId: string; gameNo: number; name: string; winner: string; players: number; finishedAt: number; record: string; names: string[] };

export interface WriterConfig { file: string; synchronous: 'FULL' | 'NORMAL'; maxBatch: number }

export type ToWriter = { type: 'write'; jobs: { id: number; op: WriteOp }[] } | { type: 'close' };
export type FromWriter =
  | { type: 'ready' }
  /** `transactions` and `writes` count those since the last report. */
  | { type: 'done'; ok: number[]; failed: [number, string][]; transactions: number; writes: number }
  | { type: 'closed' };

function apply(st: ReturnType<typeof statements>, op: WriteOp): void {
  if (op.kind === 'remove') { st.deleteRoom.run(op.roomId); st.deleteEvents.run(op.roomId); return; }
  if (op.kind === 'game') {
    const { names, ...game } = op;
    if (st.insertGame.run(game).changes === 0) return; // this room's game was already kept
    for (const name of names) st.insertPlayer.run(name, op.finishedAt, op.gameId);
    return;
  }
  if (op.event !== null) st.insertEvent.run(op.roomId, op.seq, op.event);
  const small = { roomId: op.roomId, seq: op.seq, updatedAt: op.updatedAt, seats: op.seats, viewVersions: op.viewVersions, hostedBots: op.hostedBots };
  if (op.row === null) {
    // The row was written by this process earlier: only the small columns move. A row that is not
    // there fails this write (its caller then sends the whole row), rather than losing it quietly.
    if (st.touchRoom.run(small).changes === 0) throw new Error(`room ${op.roomId}: no stored row to update`);
    return;
  }
  const { keepAfter, ...row } = op.row;
  st.upsertRoom.run({ ...small, ...row });
  st.pruneEvents.run(op.roomId, keepAfter);
}

function start(config: WriterConfig): void {
  const port = parentPort!;
  const db = new Database(config.file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${config.synchronous}`);
  db.pragma('busy_timeout = 5000');
  const st = statements(db);
  const tx = db.transaction((ops: WriteOp[]) => { for (const op of ops) apply(st, op); });
  const group = new GroupCommit<WriteOp>((ops) => tx(ops), { windowMs: 0, maxBatch: config.maxBatch });

  // Outcomes are gathered while a flush settles its promises and sent together, one message per flush.
  let ok: number[] = [];
  let failed: [number, string][] = [];
  let replying = false;
  let reported = { transactions: 0, writes: 0 };
  const reply = () => {
    if (!replying) return;
    replying = false;
    const { transactions, writes } = group.stats;
    port.postMessage({ type: 'done', ok, failed, transactions: transactions - reported.transactions, writes: writes - reported.writes } satisfies FromWriter);
    reported = { transactions, writes };
    ok = [];
    failed = [];
  };
  const settled = () => { if (!replying) { replying = true; setImmediate(reply); } };

  port.postMessage({ type: 'ready' } satisfies FromWriter);
  port.on('message', (msg: ToWriter) => {
    if (msg.type === 'close') {
      group.flush();
      // After the flush's promises have settled (microtasks), report them, then close.
      setImmediate(() => {
        reply();
        db.close();
        port.postMessage({ type: 'closed' } satisfies FromWriter);
      });
      return;
    }
    for (const { id, op } of msg.jobs) {
      group.push(op).then(
        () => { ok.push(id); settled(); },
        (err: Error) => { failed.push([id, err.message]); settled(); },
      );
    }
  });
}

start(workerData as WriterConfig);
