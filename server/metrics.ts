import client from 'prom-client';
import type { RoomMetrics } from './rooms/ports.ts';

/** The server's Prometheus metrics, on a registry of its own (several servers may share a test process). */
/** Who is in the rooms of this node right now, read when /metrics is scraped. */
export interface Census { humans: number; bots: number; spectators: number }

export function createMetrics() {
  const registry = new client.Registry();
  // Counted at scrape time (collect), so a scrape never sees a stale figure; the app supplies it.
  let census: () => Census = () => ({ humans: 0, bots: 0, spectators: 0 });
  client.collectDefaultMetrics({ register: registry });
  const rooms = new client.Gauge({ name: 'werewolf_rooms', help: 'Rooms alive on this node', registers: [registry] });
  const players = new client.Gauge({
    name: 'werewolf_players',
    help: 'Connected seats in the rooms of this node, by kind (human or bot)',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      const c = census();
      this.set({ kind: 'human' }, c.humans);
      this.set({ kind: 'bot' }, c.bots);
    },
  });
  const spectators = new client.Gauge({
    name: 'werewolf_spectators',
    help: 'Spectators in the rooms of this node',
    registers: [registry],
    collect() { this.set(census().spectators); },
  });
  const connections = new client.Gauge({ name: 'werewolf_connections', help: 'Open Socket.IO connections', registers: [registry] });
  const games = new client.Counter({ name: 'werewolf_games_finished_total', help: 'Games played to the end', registers: [registry] });
  const crashes = new client.Counter({ name: 'werewolf_room_crashes_total', help: 'Room crashes caught by the supervisor', registers: [registry] });
  const restarts = new client.Counter({ name: 'werewolf_room_restarts_total', help: 'Rooms restarted from their last good state', registers: [registry] });
  // Clustered mode: a connection served on another node than its room's costs a Redis round trip per call.
  const forwarded = new client.Counter({ name: 'werewolf_forwarded_room_calls_total', help: 'Room calls forwarded to the room\'s owner node (a connection not on its room\'s node; routing by node keeps this near zero)', registers: [registry] });
  const commands = new client.Histogram({
    name: 'werewolf_command_seconds',
    help: 'Time from a command entering its room queue to its ack',
    labelNames: ['command', 'ok'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const room: RoomMetrics = {
    crash: () => crashes.inc(),
    restart: () => restarts.inc(),
    gameFinished: () => games.inc(),
    command: (name, seconds, ok) => commands.observe({ command: name, ok: String(ok) }, seconds),
  };
  const setCensus = (fn: () => Census) => { census = fn; };
  return { registry, rooms, players, spectators, connections, forwarded, room, setCensus };
}

export type Metrics = ReturnType<typeof createMetrics>;
