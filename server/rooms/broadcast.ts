import type { RoomState } from '../../shared/protocol.ts';
import type { ChatMessage } from '../../shared/views.ts';
import { type Audience, type GameContext, type GameEffect, readable, ViewCache, viewFor } from '../../shared/game/index.ts';
import type { Clock } from './clock.ts';
import type { Outbox } from './ports.ts';
import { type AudienceKey, audienceKey, SPECTATORS, seatAudience } from './audience.ts';
import { ViewTracker } from './tracker.ts';

/** What the broadcaster reads of its room. */
export interface Broadcasting { readonly id: string; readonly code: string; readonly context: GameContext; readonly spectators: number }

/** What a player is told of a warning the machine announced. */
const WARNINGS = {
  afk: { code: 'afk/warning', message: 'You missed a vote. Miss the next one too and you will be removed from the game.' },
} as const;

/**
 * A room's outbound side: after every accepted event each audience whose view changed gets the
 * fields that changed (diffed by value: that is the transport's job), and what the machine
 * announced goes out: each posted chat message to those who may read it, each warning to its
 * seat. Nothing else about the game leaves the room.
 */
export class Broadcaster {
  private tracker: ViewTracker;
  /** The parts this room's views share between audiences and from one state to the next. */
  private views = new ViewCache();
  /** The audiences of the current players array: rebuilt only when the seats move, not per event. */
  private targets: { players: unknown; list: { key: AudienceKey; audience: Audience }[] } = { players: null, list: [] };

  constructor(private room: Broadcasting, private outbox: Outbox, private clock: Clock, versions: Record<string, number>) {
    this.tracker = new ViewTracker(versions);
  }

  versions(): Record<string, number> { return this.tracker.snapshot(); }

  /** After a committed event: the views that changed, and the effects the machine announced. */
  publish(effects: readonly GameEffect[]): void {
    const ctx = this.room.context;
    const serverTime = this.clock.now();
    // Most events post no chat: no list is built for them (this runs on every command).
    let fresh: ChatMessage[] | null = null;
    for (const fx of effects) if (fx.type === 'chat.posted') (fresh ??= []).push(fx.message);
    for (const { key, audience } of this.audiences()) {
      const body = viewFor(ctx, audience, this.views);
      const upd = this.tracker.update(key, body, readable(ctx, audience));
      if (upd) this.outbox.emit(this.room.id, audience, 'room:update', { roomId: this.room.id, serverTime, version: upd.version, changes: upd.changes });
      // A replaced chat list already holds the new messages.
      if (!fresh || upd?.changes.chat) continue;
      for (const message of fresh) if (body.chat.includes(message)) this.outbox.emit(this.room.id, audience, 'chat:message', { roomId: this.room.id, message });
    }
    for (const fx of effects) {
      if (fx.type === 'player.warned') this.outbox.emit(this.room.id, seatAudience(fx.seat), 'room:notice', { roomId: this.room.id, ...WARNINGS[fx.why] });
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
