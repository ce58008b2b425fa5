import { afterEach, describe, expect, it } from 'vitest';
import { killAll } from '../helpers/process.ts';
import { checkRecord, FAST, restartableServer } from '../helpers/durability/restartable.ts';
import { type AckedMove, Table } from '../helpers/durability/table.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0)) await f();
  await killAll();
});

describe('SIGTERM drain', () => {
  it('[D8] mid-vote: commands in flight are acked or refused, acked ones are kept, clients are told and come back to their seats', { timeout: 60_000 }, async () => {
    const server = await restartableServer((f) => cleanups.push(f));
    const table = await Table.open(server.url, 7, `D${Date.now() % 1e6}-`, FAST, 41);
    cleanups.unshift(() => table.close());
    const notices: string[][] = table.clients.map(() => []);
    table.clients.forEach((c, i) => c.on('notice', (n) => notices[i].push(n.code)));
    let termAt: AckedMove[] | null = null;
    let refusedAt = 0;
    let sentAt = 0;
    table.onAck = (move) => {
      if (termAt || move.type !== 'vote.cast') return;
      // The other players' votes are on their way as the signal lands.
      termAt = [...table.acked];
      refusedAt = table.refused.length;
      sentAt = Date.now();
      server.proc.child.kill('SIGTERM');
    };
    table.resume();
    await table.waitFor(() => termAt !== null, 30_000, 'an acked vote');
    expect(await server.proc.exited).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(5_000);
    expect(notices.every((n) => n.includes('server/draining')), JSON.stringify(notices)).toBe(true);
    // Votes that were on their way were answered while draining: applied and acked, or refused as busy.
    const answered = table.acked.length - termAt!.length + table.refused.slice(refusedAt).filter((r) => r.startsWith('server/busy')).length;
    expect(answered).toBeGreaterThan(0);

    await server.start();
    await table.waitFor(() => table.phase === 'over', 40_000, 'the end of the game');
    await checkRecord(server.url, table, table.acked);
  });
});
