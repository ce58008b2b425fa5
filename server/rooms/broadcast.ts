import type { RoomState } from '../../shared/protocol.ts';
import { type Audience, type GameContext, readable, ViewCache, viewFor } from '../../shared/game/index.ts';
import type { Clock } from './clock.ts';
import type { Outbox } from './ports.ts';
import { type AudienceKey, audienceKey, SPECTATORS, seatAudience } from './audience.ts';
import { ViewTracker } from './tracker.ts';

/** What the broadcaster reads of its room. */
export interface Broadcasting { readonly id: string; readonly code: string; readonly context: GameContext; readonly spectators: number }

/**
 * A room's outbound side: after every accepted event each audience whose view changed gets the
 * fields that changed, and each new chat message goes to those who may read it. Nothing else
 * about the game leaves the room.
 */
export class Broadcaster {
  private tracker: ViewTracker;
  /** The parts this room's views share between audiences and from one state to the next. */
  private views = new ViewCache();
  private lastChat = 0;
  /** The audiences of the current players array: rebuilt only when the seats move, not per event. */
  private targets: { players: unknown; list: { key: AudienceKey; audience: Audience }[] } = { players: null, list: [] };

  constructor(private room: Broadcasting, private outbox: Outbox, private clock: Clock, versions: Record<string, number>) {
    this.tracker = new ViewTracker(versions);
  }

  /** The room's actor was (re)built: messages already in its log count as sent. */
  rebased(ctx: GameContext): void { this.lastChat = ctx.chatSeq; }

  versions(): Record<string, number> { return this.tracker.snapshot(); }

  publish(): void {
    const ctx = this.room.context;
    const serverTime = this.clock.now();
    // The log only grows at its end (and is trimmed at its start), so the new messages are its last ones.
    const fresh = ctx.chatSeq > this.lastChat ? ctx.chat.slice(Math.max(0, ctx.chat.length - (ctx.chatSeq - this.lastChat))) : [];
    for (const { key, audience } of this.audiences()) {
      const body = viewFor(ctx, audience, this.views);
      const upd = this.tracker.update(key, body, readable(ctx, audience));
      if (upd) this.outbox.emit(this.room.id, audience, 'room:update', { roomId: this.room.id, serverTime, version: upd.version, changes: upd.changes });
      // A replaced chat list already holds the new messages.
      if (upd?.changes.chat) continue;
      for (const message of fresh) if (body.chat.includes(message)) this.outbox.emit(this.room.id, audience, 'chat:message', { roomId: this.room.id, message });
    }
    this.lastChat = ctx.chatSeq;
  }

  /** A first missed vote earns a warning; the second removes the player (R40). */
  warnIdle(before: GameContext, after: GameContext): void {
    if (after.players === before.players) return;
    for (const p of after.players) {
      const was = before.players.find((q) => q.seat === p.seat);
      if (p.alive && p.missedVotes === 1 && was && was.missedVotes === 0) {
        this.outbox.emit(this.room.id, seatAudience(p.seat), 'room:notice', { roomId: this.room.id, code: 'afk/warning', message: 'You missed a vote. Miss the next one too and you will be removed from the game.' });
      }
    }
  }

  /** The full state for one audience, e.g. for a socket that just joined it. */
  stateFor(audience: Audience): RoomState {
    const key = audienceKey(audience);
    let view = this.tracker.full(key);
    if (!view) {
      this.tracker.update(key, viewFor(this.room.context, audience, this.views), readable(this.room.context, audience));
      view = this.tracker.full(key)!;
    }
    return { roomId: this.room.id, code: this.room.code, spectators: this.room.spectators, serverTime: this.clock.now(), view };
  }

  /** Everyone gets a full fresh state (after a restart or a takeover) and a notice saying why. */
  announce(message: string): void {
    this.tracker.clear();
    for (const { audience } of this.audiences()) this.outbox.emit(this.room.id, audience, 'room:state', this.stateFor(audience));
    this.outbox.emit(this.room.id, 'all', 'room:notice', { roomId: this.room.id, code: 'room/restarted', message });
  }

  private audiences(): { key: AudienceKey; audience: Audience }[] {
    const players = this.room.context.players;
    if (this.targets.players !== players) {
      const audiences = [...players.map((p) => seatAudience(p.seat)), SPECTATORS];
      this.targets = { players, list: audiences.map((audience) => ({ key: audienceKey(audience), audience })) };
    }
    return this.targets.list;
  }
}
