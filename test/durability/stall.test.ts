import { afterEach, describe, expect, it } from 'vitest';
import { killAll, signalServer } from '../helpers/process.ts';
import { FAST, restartableServer } from '../helpers/durability/restartable.ts';
import { Table } from '../helpers/durability/table.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0)) await f();
  await killAll();
});

describe('[H11] a stalled server process', () => {
  it('[D4] SIGSTOP past a night\'s deadline, then SIGCONT: the night ends one restore grace later, not at once', { timeout: 30_000 }, async () => {
    // RESTORE_GRACE_S is 1 s for these servers; a timer 1 s late counts as a stall.
    const server = await restartableServer((f) => cleanups.push(f), { STALL_DETECT_S: '1' });
    const table = await Table.open(server.url, 5, `S${Date.now() % 1e6}-`, FAST, 41, true);
    cleanups.unshift(() => table.close());
    // Nobody acts: only the timer can end the night.
    await table.waitFor(() => table.phase === 'night', 5_000, 'the night');
    const deadline = table.clients[0].view!.deadline!;
    signalServer(server.proc, 'SIGSTOP');
    await new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now()) + 2_500));
    signalServer(server.proc, 'SIGCONT');
    const woke = Date.now();
    await table.waitFor(() => table.clients.every((c) => c.view?.phase === 'dawn'), 8_000, 'dawn after the stall');
    const after = Date.now() - woke;
    expect(after, server.proc.output()).toBeGreaterThanOrEqual(800);
    expect(after).toBeLessThan(4_000);
  });
});
