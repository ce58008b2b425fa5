import { afterEach, describe, expect, it } from 'vitest';
import { killAll } from '../helpers/process.ts';
import { Dice } from '../helpers/sim.ts';
import { checkRecord, FAST, restartableServer } from '../helpers/durability/restartable.ts';
import { type AckedMove, Table } from '../helpers/durability/table.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0)) await f();
  await killAll();
});
const durableServer = () => restartableServer((f) => cleanups.push(f));

describe('kill -9 and restart', () => {
  it('[D1] right after an acked night action and right after an acked vote: the game finishes, every acked command is in its record', { timeout: 60_000 }, async () => {
    const server = await durableServer();
    // The day and the vote end as soon as everyone has acted, so long ones cost nothing here; with
    // FAST's 3 s, a loaded box could let both run out while the clients reconnected after the first
    // kill, and the game end at a night with no vote ever acked (seen once in CI).
    const table = await Table.open(server.url, 6, `K${Date.now() % 1e6}-`, { durations: { ...FAST.durations, day: 10, vote: 10 } }, 11);
    cleanups.unshift(() => table.close());
    const kills: { at: string; phase: string; acked: AckedMove[] }[] = [];
    let next: 'night.act' | 'vote.cast' | null = 'night.act';
    let restarting: Promise<void> = Promise.resolve();
    table.onAck = (move) => {
      if (move.type !== next) return;
      next = next === 'night.act' ? 'vote.cast' : null;
      kills.push({ at: move.type, phase: move.phase, acked: [...table.acked] });
      restarting = server.crashAndRestart();
    };
    table.resume();
    await table.waitFor(() => next === null, 30_000, 'an acked vote');
    await restarting;
    await table.waitFor(() => table.phase === 'over', 40_000, 'the end of the game');
    expect(kills.map((k) => [k.at, k.phase])).toEqual([['night.act', 'night'], ['vote.cast', 'vote']]);
    await checkRecord(server.url, table, table.acked);
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { rooms: number };
    expect(health.rooms).toBe(1);
  });

  it('[D1] [D5] at random moments of two games at once: both finish, each once, with every acked command', { timeout: 60_000 }, async () => {
    const server = await durableServer();
    const stamp = Date.now() % 1e6;
    const tables = [await Table.open(server.url, 5, `A${stamp}-`, FAST, 21), await Table.open(server.url, 7, `B${stamp}-`, FAST, 22)];
    cleanups.unshift(() => tables.forEach((t) => t.close()));
    const dice = new Dice(stamp);
    for (const t of tables) t.resume();
    const killedIn: string[] = [];
    for (let k = 0; k < 3 && tables.some((t) => t.phase !== 'over'); k++) {
      await new Promise((r) => setTimeout(r, 300 + dice.int(1200)));
      killedIn.push(...tables.map((t) => t.phase ?? '?'));
      await server.crashAndRestart(dice.int(300));
    }
    expect(killedIn.some((p) => p !== 'over' && p !== 'lobby'), `kills landed mid-game (${killedIn})`).toBe(true);
    for (const t of tables) await t.waitFor(() => t.phase === 'over', 40_000, 'the end of the game');
    for (const t of tables) await checkRecord(server.url, t, t.acked);
  });

  it('[D3] timers resume from the stored deadline: a night that ran out while the server was down ends after the restore grace', { timeout: 30_000 }, async () => {
    const server = await durableServer();
    const table = await Table.open(server.url, 5, `T${Date.now() % 1e6}-`, FAST, 31);
    cleanups.unshift(() => table.close());
    table.paused = true; // nobody acts: only the timer can end the night
    await table.waitFor(() => table.phase === 'night', 5_000, 'the night');
    const deadline = table.clients[0].view!.deadline!;
    await server.crashAndRestart(3_200); // the 3 s night runs out while the server is down
    const ready = Date.now();
    await table.waitFor(() => table.clients.every((c) => c.view?.phase === 'dawn'), 8_000, 'dawn after the restart');
    const after = Date.now() - ready;
    expect(Date.now()).toBeGreaterThan(deadline);
    // Not at once (players get RESTORE_GRACE_S = 1 s to reconnect), and not much later.
    expect(after).toBeGreaterThanOrEqual(700);
    expect(after).toBeLessThan(4_000);
  });
});
