import { type Ack, type ErrorCode, fail } from '../../shared/errors.ts';
import type { RoomCommand } from './commands.ts';

/** What the mailbox asks of the room it serves. */
export interface MailboxOwner {
  /** Whether the next command may run now (not while restarting, never once ended). */
  runs(): boolean;
  /** The room has ended: queued commands are refused with `refusal()`. */
  ended(): boolean;
  refusal(): ErrorCode;
  /** Run one command to its ack; a throw is a crash. */
  step(cmd: RoomCommand): Promise<Ack<unknown>>;
  crash(err: unknown): void;
  /** Time from arrival to ack, per command. */
  measured(cmd: RoomCommand, seconds: number, ok: boolean): void;
}

interface Queued { cmd: RoomCommand; resolve: (ack: Ack<unknown>) => void; at: number }

/**
 * A room's inbound queue, as an Erlang process's mailbox: one command at a time, in arrival order.
 * The command in flight during a crash is refused with `room/unavailable` and not retried (the
 * SDK retries it); the ones behind it wait for the restart.
 */
export class Mailbox {
  private queue: Queued[] = [];
  private running = false;
  /** Who waits for the queue to run dry (a drain). */
  private waiters: (() => void)[] = [];

  constructor(private owner: MailboxOwner) {}

  push(cmd: RoomCommand): Promise<Ack<unknown>> {
    return new Promise((resolve) => {
      this.queue.push({ cmd, resolve, at: performance.now() });
      void this.pump();
    });
  }

  async pump(): Promise<void> {
    if (this.running || !this.owner.runs()) return;
    this.running = true;
    try {
      while (this.queue.length > 0 && this.owner.runs()) {
        const item = this.queue.shift()!;
        let ack: Ack<unknown>;
        try {
          ack = await this.owner.step(item.cmd);
        } catch (err) {
          ack = fail('room/unavailable');
          this.owner.crash(err);
        }
        this.owner.measured(item.cmd, (performance.now() - item.at) / 1000, ack.ok);
        item.resolve(ack);
      }
    } finally {
      this.running = false;
    }
    if (this.owner.ended()) this.refuseAll();
    if (this.idle()) this.wake();
  }

  /** The room ended: every queued command is refused, and a drain waiting on a quiet queue returns. */
  ended(): void {
    this.refuseAll();
    if (!this.running) this.wake();
  }

  idle(): boolean { return this.queue.length === 0 && !this.running; }

  /** Resolves once the queue has run dry. */
  whenIdle(): Promise<void> {
    return this.idle() ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  private refuseAll(): void {
    const code = this.owner.refusal();
    for (const item of this.queue.splice(0)) item.resolve(fail(code));
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}
