import { sameJson } from '../../shared/game/json.ts';
import type { GameView } from '../../shared/views.ts';
import type { ViewBody } from '../../shared/game/index.ts';
import type { AudienceKey } from './audience.ts';

export type { AudienceKey };

/** `mask`: the chat channels the audience read when it was sent (R65). */
interface Sent { version: number; body: ViewBody; mask: number }

/**
 * Per-audience view versions and what each audience last received, so that an update carries
 * only the fields that changed, and only to the audiences whose view changed: a villager's
 * view does not move when the wolves whisper, so neither does the villager's message count.
 * Fields are compared by value, not by reference: a part rebuilt after a secret event but equal
 * to what was sent must not show up as an update.
 */
export class ViewTracker {
  private sent = new Map<AudienceKey, Sent>();
  constructor(private versions: Record<string, number> = {}) {}

  /**
   * Record the audience's current view; the changed fields and the new version, or null when
   * unchanged. New chat goes out as `chat:message`, so `chat` is left out, except when the
   * channels the audience reads (`mask`) changed and its chat list with them (a death opens
   * `dead`, game over opens every channel, R65): then `changes.chat` replaces the list whole.
   */
  update(key: AudienceKey, body: ViewBody, mask = -1): { version: number; changes: Partial<ViewBody> } | null {
    const prev = this.sent.get(key);
    const last = prev?.body as Record<string, unknown> | undefined;
    const next = body as Record<string, unknown>;
    const changes: Record<string, unknown> = {};
    let changed = !prev;
    for (const k in next) {
      if (k === 'chat') continue;
      if (!last || !sameJson(last[k], next[k])) { changes[k] = next[k]; changed = true; }
    }
    if (last) for (const k in last) if (k !== 'chat' && last[k] !== undefined && next[k] === undefined) { changes[k] = null; changed = true; }
    if (prev && prev.mask !== mask && !sameJson(prev.body.chat, body.chat)) { changes.chat = body.chat; changed = true; }
    const version = changed ? (this.versions[key] ?? 0) + 1 : prev!.version;
    this.versions[key] = version;
    // The audience's record is kept and overwritten: one object per audience, not one per update.
    if (prev) { prev.version = version; prev.body = body; prev.mask = mask; } else this.sent.set(key, { version, body, mask });
    return changed ? { version, changes } : null;
  }

  /** The full view as last recorded, for a subscriber that (re)joins. */
  full(key: AudienceKey): GameView | null {
    const s = this.sent.get(key);
    return s ? { ...s.body, version: s.version } : null;
  }

  /** Forget what was sent (after a restart everyone gets a full view again). */
  clear(): void { this.sent.clear(); }

  snapshot(): Record<string, number> { return { ...this.versions }; }
}

export { sameJson } from '../../shared/game/json.ts';
