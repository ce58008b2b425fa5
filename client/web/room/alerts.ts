import { roleOfKind } from '../../../shared/game/roles/index.ts';
import type { GameView, Prompt } from '../../../shared/views.ts';
import { storage } from '../storage.ts';

/**
 * Never miss your turn. When a choice becomes due: the tab title and the favicon say so, a chime
 * plays (only if the player turned sound on), the phone vibrates, and when the tab is hidden a
 * system notification appears (only once the player allowed it, asked from a click, never on load).
 */

/** What the viewer still has to do, in two words, or null. Sleep and ready are not urgent. */
export function dueAction(v: GameView | null): string | null {
  const p: Prompt | null | undefined = v?.you?.prompt;
  if (!p) return null;
  switch (p.kind) {
    case 'vote': return p.current === undefined ? 'vote' : null;
    case 'hunter': return 'take your shot';
    case 'sleep': case 'ready': return null;
    default: {
      // A night role's prompt: its module's words; a changeable pick already made is not urgent.
      const role = roleOfKind(p.kind);
      if (role?.night?.form.instant && role.night.form.current?.(p) != null) return null;
      return role?.words.night?.due ?? 'act tonight';
    }
  }
}

let audio: AudioContext | null = null;

/** Two soft rising tones, made on the spot: no sound file to fetch. */
export function chime(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume();
    const t = audio.currentTime + 0.02;
    for (const [freq, at] of [[660, 0], [880, 0.16]] as const) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t + at);
      gain.gain.exponentialRampToValueAtTime(0.18, t + at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + at + 0.4);
      osc.connect(gain).connect(audio.destination);
      osc.start(t + at);
      osc.stop(t + at + 0.45);
    }
  } catch { /* no audio on this device: the other alerts remain */ }
}

const notifications = () => (typeof Notification === 'undefined' ? null : Notification);

export const alertSettings = {
  get sound() { return storage.sound; },
  /** Turned on from a click, which also lets the browser start audio. */
  setSound(on: boolean) { storage.sound = on; if (on) chime(); },
  get notify(): boolean { return storage.notify && notifications()?.permission === 'granted'; },
  get notifySupported(): boolean { return notifications() !== null && notifications()!.permission !== 'denied'; },
  /** Called from a click only: asks the browser's permission the first time. */
  async setNotify(on: boolean): Promise<boolean> {
    storage.notify = on;
    const N = notifications();
    if (!on || !N) return false;
    if (N.permission === 'default') await N.requestPermission().catch(() => 'denied');
    return N.permission === 'granted';
  },
};

const BADGE = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#141a2e"/><circle cx="40" cy="24" r="12" fill="#f4e7b0"/><circle cx="45" cy="20" r="11" fill="#141a2e"/><circle cx="48" cy="48" r="15" fill="#ff5a4e" stroke="#fff" stroke-width="3"/></svg>');

export function turnAlerts() {
  let lastDue: string | null = null;
  let lastKey = '';
  const icon = () => document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  const plainIcon = icon()?.href ?? '/favicon.svg';
  let note: Notification | null = null;

  const setBadge = (on: boolean) => {
    const link = icon();
    if (link) link.href = on ? BADGE : plainIcon;
  };

  return {
    /** The document title for `base`, with "your move" in front while a choice is due. */
    title(base: string): string { return lastDue ? `● Your move: ${lastDue} · ${base}` : base; },
    get due() { return lastDue; },
    update(v: GameView | null, roomName: string) {
      const due = dueAction(v);
      const key = due && v ? `${v.phaseId}:${due}` : '';
      setBadge(due !== null);
      lastDue = due;
      if (!due) { note?.close(); note = null; lastKey = ''; return; }
      if (key === lastKey) return;
      lastKey = key;
      if (storage.sound) chime();
      try { navigator.vibrate?.([180, 90, 180]); } catch { /* not on this device */ }
      if (document.visibilityState === 'hidden' && alertSettings.notify) {
        try {
          note = new Notification(`Your move: ${due}`, { body: `${roomName}: it is your turn.`, tag: 'werewolf-turn', icon: '/favicon.svg' });
          note.onclick = () => { window.focus(); note?.close(); };
        } catch { /* some browsers allow notifications only from a service worker */ }
      }
    },
    dispose() { setBadge(false); note?.close(); },
  };
}
