import { viewFor } from '../../../shared/game/index.ts';
import type { GameMove } from '../../../server/rooms/commands.ts';
import type { ManualClock } from '../../../server/rooms/clock.ts';
import type { Registry } from '../../../server/rooms/registry.ts';
import type { Room } from '../../../server/rooms/room.ts';
import type { Settings } from '../../../shared/settings.ts';
import { fastSettings } from '../rooms.ts';
import { Dice, randomMove } from '../sim.ts';

/** Let the room finish what it has queued (commits included: they are fsynced on the writer thread), bounded. */
export async function idle(room: Room): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    await new Promise((r) => (i < 50 ? setImmediate(r) : setTimeout(r, 2)));
    if (room.idle()) return;
  }
  throw new Error('room did not become idle');
}

/** A room of `n` players named `${prefix}${seat}`, game started by the host. */
export async function startedRoom(registry: Registry, roomId: string, n: number, prefix: string, settings: Partial<Settings> = {}): Promise<Room> {
  const room = registry.create(roomId, fastSettings(settings))!;
  for (let i = 0; i < n; i++) {
    const ack = await room.submit({ type: 'join', name: `${prefix}${i}` });
    if (!ack.ok) throw new Error(`join: ${ack.error.code}`);
  }
  const ack = await room.submit({ type: 'game', event: { type: 'game.start', seat: 0 } });
  if (!ack.ok) throw new Error(`start: ${ack.error.code}`);
  return room;
}

/**
 * Random legal players answering their prompts in process, with the odd chat line and the clock
 * run to the deadline when nobody has anything to do. Stops at game over, at `until`, or after
 * `maxSteps` inputs.
 */
export async function play(room: Room, clock: ManualClock, dice: Dice, opts: { until?: () => boolean; maxSteps?: number } = {}): Promise<void> {
  for (let step = 0; step < (opts.maxSteps ?? 3000); step++) {
    const ctx = room.context;
    if (ctx.phase === 'over' || opts.until?.()) return;
    const moves = ctx.players.flatMap((p) => {
      const move = randomMove(p.seat, viewFor(ctx, { kind: 'seat', seat: p.seat }), dice);
      return move ? [move] : [];
    });
    if (moves.length === 0 || dice.next() < 0.05) {
      clock.advance(Math.max(0, (ctx.deadline ?? clock.now()) - clock.now()));
    } else if (dice.next() < 0.1) {
      const living = ctx.players.filter((p) => p.alive);
      if (living.length) await room.submit({ type: 'game', event: { type: 'chat.send', seat: dice.pick(living).seat, channel: ctx.phase === 'night' ? 'wolves' : 'day', text: 'hm' } });
    } else {
      clock.advance(100 + dice.int(900));
      await room.submit({ type: 'game', event: dice.pick(moves) as GameMove });
    }
    await idle(room);
  }
  if (room.context.phase !== 'over' && !opts.until?.()) throw new Error('game did not end within maxSteps');
}
