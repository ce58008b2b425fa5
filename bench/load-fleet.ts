/**
 * One process of the load benchmark's fleet (forked by bench/load.ts): rooms of 10 players over
 * websockets, playing the real game at a human pace ('game') or, against the bare Socket.IO
 * baseline, sending commands at the same pace that are relayed to the room ('relay'). All ten
 * players of a room live in this process, so a command's send time and each recipient's arrival
 * time are read on one clock. No per-message logging: counters and a histogram only.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { meter, now } from './load-meter.ts';
import { fleet, GameRoom, RelayRoom } from './load-rooms.ts';
import type { FleetInit, WindowReport } from './load-stats.ts';

type Msg = FleetInit | { type: 'rooms'; count: number } | { type: 'window-start' } | { type: 'window-stop' } | { type: 'stop' };

const loop = monitorEventLoopDelay({ resolution: 10 });
let windowStart = 0;
let cpuStart = process.cpuUsage();
const rooms: (GameRoom | RelayRoom)[] = [];

async function grow(count: number): Promise<void> {
  // A few rooms at a time: a burst of thousands of handshakes would measure the ramp, not the load.
  while (rooms.length < count) {
    const batch: Promise<void>[] = [];
    for (let i = 0; i < 5 && rooms.length < count; i++) {
      const room = fleet.init.mode === 'game' ? new GameRoom() : new RelayRoom(`r${fleet.init.worker}.${rooms.length}`);
      rooms.push(room);
      fleet.rooms = rooms.length;
      batch.push(room.open());
    }
    await Promise.all(batch);
  }
}

function connectedPlayers(): number {
  let n = 0;
  for (const r of rooms) {
    if (r instanceof GameRoom) { for (const p of r.players) if (p.client.socket.connected) n++; }
    else for (const s of r.sockets) if (s.connected) n++;
  }
  return n;
}

process.on('message', (msg: Msg) => {
  switch (msg.type) {
    case 'init': fleet.init = msg; loop.enable(); break;
    case 'rooms':
      grow(msg.count).then(
        () => process.send!({ type: 'ready', rooms: rooms.length, players: connectedPlayers() }),
        (err) => process.send!({ type: 'failed', message: String(err?.message ?? err) }),
      );
      break;
    case 'window-start':
      meter.reset();
      loop.reset();
      cpuStart = process.cpuUsage();
      windowStart = now();
      break;
    case 'window-stop': {
      const cpu = process.cpuUsage(cpuStart);
      const report: WindowReport = {
        players: connectedPlayers(), rooms: rooms.length, commands: meter.commands, refused: meter.refused,
        messages: meter.messages, bytes: meter.bytes, sampledMessages: meter.sampled, latency: meter.hist.entries(),
        cpuSeconds: (cpu.user + cpu.system) / 1e6, loopDelayP99: loop.percentile(99) / 1e6, seconds: (now() - windowStart) / 1000, games: meter.games,
      };
      process.send!({ type: 'report', report });
      break;
    }
    case 'stop':
      for (const r of rooms) r.close();
      setTimeout(() => process.exit(0), 200);
      break;
  }
});
process.on('disconnect', () => process.exit(0));
