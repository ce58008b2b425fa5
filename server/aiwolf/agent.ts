import type { Socket } from 'node:net';
import { Emitter } from '../../client/sdk/emitter.ts';
import { encode, NEEDS_REPLY, type Packet } from './packet.ts';

export interface AgentOptions {
  /** Time an agent has for each answer, in ms (the reference's default is 1000). */
  replyMs: number;
  /** Answers missed in a row after which the agent counts as gone and its socket is closed. */
  maxMisses: number;
  /** Every line both ways, for tests and logs. */
  trace?: (dir: 's2a' | 'a2s', line: string) => void;
}

type AgentEvents = { closed: (reason: string) => void };

/**
 * One agent's TCP connection: newline-framed JSON out, raw lines back. Requests are strictly
 * sequential (one outstanding at a time, as the reference does and the clients assume); a packet
 * that needs no answer waits its turn too, so nothing reaches the agent while it owes a reply.
 * A missed answer resolves as null (the caller substitutes Skip or the default choice); the late
 * line, when it comes, is thrown away rather than taken as the answer to a later request.
 */
export class AgentConnection extends Emitter<AgentEvents> {
  name = '';
  private buffer = '';
  private waiting: ((line: string) => void) | null = null;
  /** Late answers still to come, to be dropped. */
  private owed = 0;
  private misses = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private open = true;

  constructor(readonly socket: Socket, private opts: AgentOptions) {
    super();
    socket.setEncoding('utf8');
    socket.setNoDelay(true);
    socket.on('data', (chunk: string) => this.read(chunk));
    socket.on('close', () => this.shut('the agent closed the connection'));
    socket.on('error', () => this.shut('connection error'));
  }

  get connected(): boolean { return this.open; }

  /** Send a packet that needs an answer; resolves with the line, or null if none came in `ms`. */
  ask(packet: Packet, ms = this.opts.replyMs): Promise<string | null> {
    return this.enqueue(() => this.exchange(packet, ms));
  }

  /** Send a packet that needs no answer (INITIALIZE, DAILY_INITIALIZE, DAILY_FINISH, FINISH). */
  tell(packet: Packet): Promise<void> {
    return this.enqueue(async () => { this.write(encode(packet)); });
  }

  /** Resolves once everything queued so far has been sent and answered. */
  idle(): Promise<void> { return this.enqueue(async () => {}); }

  close(reason = 'closed by the bridge'): void {
    if (this.open) this.socket.end();
    this.shut(reason);
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => {});
    return run;
  }

  private exchange(packet: Packet, ms: number): Promise<string | null> {
    if (!NEEDS_REPLY.has(packet.request)) throw new Error(`${packet.request} takes no answer`);
    if (!this.open) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        this.owed++;
        if (++this.misses >= this.opts.maxMisses) this.close(`${this.misses} answers missed in a row`);
        resolve(null);
      }, ms);
      this.waiting = (line) => { clearTimeout(timer); this.waiting = null; this.misses = 0; resolve(line); };
      this.write(encode(packet));
    });
  }

  private write(line: string): void {
    if (!this.open) return;
    this.opts.trace?.('s2a', line);
    this.socket.write(line + '\n');
  }

  private read(chunk: string): void {
    this.buffer += chunk;
    // An agent that streams without end is not an agent.
    if (this.buffer.length > 1 << 20) { this.close('line too long'); return; }
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, '');
      this.buffer = this.buffer.slice(nl + 1);
      this.opts.trace?.('a2s', line);
      if (this.owed > 0) { this.owed--; continue; }
      // Agents only answer; a line nobody asked for is ignored.
      this.waiting?.(line);
    }
  }

  private shut(reason: string): void {
    if (!this.open) return;
    this.open = false;
    this.waiting?.('');
    this.fire('closed', reason);
  }
}
