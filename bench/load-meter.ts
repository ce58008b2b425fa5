import type { Socket } from 'socket.io-client';
import { Histogram } from './load-stats.ts';

/** What a fleet process counts during a measuring window; one instance per process. */
export const meter = {
  hist: new Histogram(),
  commands: 0,
  refused: 0,
  messages: 0,
  bytes: 0,
  sampled: 0,
  games: 0,
  reset(): void {
    this.hist.clear();
    this.commands = this.refused = this.messages = this.bytes = this.sampled = this.games = 0;
  },
};

export const now = () => performance.now();

/** Count every event a socket receives; sizes are sampled, since serialising all would cost more than the server. */
export function countInbound(socket: Socket): void {
  socket.onAny((_event: string, payload: unknown) => {
    meter.messages++;
    if (meter.messages % 25 === 0) { meter.bytes += JSON.stringify(payload ?? null).length; meter.sampled++; }
  });
}
