import type { GameView } from '../../shared/views.ts';
import type { Audience, ViewBody } from '../game/index.ts';

/** One audience of a room: a seat (alive or dead), or all its spectators together. */
export type AudienceKey = `seat:${number}` | 'spectators';

export const seatKey = (seat: number): AudienceKey => `seat:${seat}`;

export function audienceOf(key: AudienceKey): Audience {
  return key === 'spectators' ? { kind: 'spectator' } : { kind: 'seat', seat: Number(key.slice(5)) };
}

interface Sent { version: number; fields: Map<string, string>; body: ViewBody }

/**
 * Per-audience view versions and what each audience last received, so that an update carries
 * only the fields that changed, and only to the audiences whose view changed: a villager's
 * view does not move when the wolves whisper, so neither does the villager's message count.
 */
export class ViewTracker {
  private sent = new Map<AudienceKey, Sent>();
  constructor(private versions: Record<string, number> = {}) {}

  /** Record the audience's current view; the changed fields and the new version, or null when unchanged. */
  update(key: AudienceKey, body: ViewBody): { version: number; changes: Partial<ViewBody> } | null {
    const prev = this.sent.get(key);
    const fields = new Map<string, string>();
    const changes: Record<string, unknown> = {};
    let changed = !prev;
    const last = prev?.body as Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(body)) {
      if (k === 'chat') continue;
      // Views are built from immutable parts reused while unchanged: the same object needs no serialising again.
      const json = last && last[k] === v && prev!.fields.has(k) ? prev!.fields.get(k)! : JSON.stringify(v) ?? 'undefined';
      fields.set(k, json);
      if (!prev || prev.fields.get(k) !== json) { changes[k] = v; changed = true; }
    }
    if (prev) for (const k of prev.fields.keys()) if (!fields.has(k)) { changes[k] = null; changed = true; }
    const version = changed ? (this.versions[key] ?? 0) + 1 : prev!.version;
    this.versions[key] = version;
    this.sent.set(key, { version, fields, body });
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
