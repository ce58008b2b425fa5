import type { RoomState } from '../../../shared/protocol.ts';
import type { Phase } from '../../../shared/views.ts';
import { h } from '../dom.ts';
import { openHelp } from '../help.ts';
import { clock, PHASE_ICON, phaseTitle, plural } from '../words.ts';
import { alertSettings } from './alerts.ts';

const TIMED: Phase[] = ['night', 'dawn', 'day', 'vote', 'execution', 'hunter'];

const ANNOUNCE: Partial<Record<Phase, (day: number) => string>> = {
  night: (d) => `Night ${d} falls.`,
  dawn: (d) => `Dawn of day ${d}.`,
  day: (d) => `Day ${d}: the village talks.`,
  vote: (d) => `Day ${d}: the vote is open.`,
  execution: () => 'The vote is closed.',
  // Neutral: with secret shots (rules R33) a hunter phase follows deaths of any role.
  hunter: () => 'A last shot may be fired.',
  over: () => 'The game is over.',
};

export interface HeaderActions {
  leave(): void;
  /** Take the player to what is due (the prompt). */
  goToAction(): void;
}

/**
 * The room's header, sticky on every screen: the room's name and a menu (help, sound,
 * notifications, and leaving, kept away from a stray tap), then the phase, the time left and
 * what is due from me. Screen readers hear each new phase.
 */
export function roomHeader(mode: 'seat' | 'spectator', actions: HeaderActions) {
  const title = h('h1', { tabindex: '-1' });
  const watchers = h('span', { class: 'watchers' });
  const phase = h('p', { class: 'phase-pill', tabindex: '-1' });
  const time = h('span', { class: 'time' });
  const bar = h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span'));
  const timer = h('div', { class: 'timer', role: 'timer', 'aria-label': 'Time left in this phase', hidden: true }, time, bar);
  const due = h('button', { type: 'button', class: 'due', hidden: true, onClick: () => actions.goToAction() });
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'assertive' });

  // The menu: a disclosure button and a short list of buttons.
  const menuBtn = h('button', { type: 'button', class: 'secondary small menu-btn', 'aria-expanded': 'false', 'aria-controls': 'room-menu' }, h('span', { 'aria-hidden': 'true' }, '☰'), ' Menu');
  const soundBtn = h('button', { type: 'button', class: 'menu-item', 'aria-pressed': 'false' });
  const notifyBtn = h('button', { type: 'button', class: 'menu-item', 'aria-pressed': 'false' });
  const helpBtn = h('button', { type: 'button', class: 'menu-item' }, 'How to play');
  const leaveBtn = h('button', { type: 'button', class: 'menu-item danger-item' });
  const menu = h('div', { id: 'room-menu', class: 'menu-panel', hidden: true }, helpBtn, soundBtn, notifyBtn, leaveBtn);
  const showToggles = () => {
    soundBtn.setAttribute('aria-pressed', String(alertSettings.sound));
    soundBtn.textContent = alertSettings.sound ? '♪ Sound on your turn: on' : '♪ Sound on your turn: off';
    notifyBtn.hidden = !alertSettings.notifySupported || mode === 'spectator';
    notifyBtn.setAttribute('aria-pressed', String(alertSettings.notify));
    notifyBtn.textContent = alertSettings.notify ? '✉ Notify me in the background: on' : '✉ Notify me in the background: off';
  };
  const setMenu = (open: boolean, focus = true) => {
    menu.hidden = !open;
    menuBtn.setAttribute('aria-expanded', String(open));
    if (open) { showToggles(); if (focus) helpBtn.focus(); } else if (focus) menuBtn.focus();
  };
  menuBtn.addEventListener('click', () => setMenu(menu.hidden));
  menu.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { ev.preventDefault(); setMenu(false); } });
  document.addEventListener('click', (ev) => { if (!menu.hidden && !menu.contains(ev.target as Node) && !menuBtn.contains(ev.target as Node)) setMenu(false, false); });
  helpBtn.addEventListener('click', () => { setMenu(false); openHelp(); });
  soundBtn.addEventListener('click', () => { alertSettings.setSound(!alertSettings.sound); showToggles(); });
  notifyBtn.addEventListener('click', async () => { await alertSettings.setNotify(!alertSettings.notify); showToggles(); });
  leaveBtn.addEventListener('click', () => { setMenu(false); actions.leave(); });

  let phaseId = -1;
  let total = 0;

  return {
    el: h('div', { class: 'room-head' },
      h('div', { class: 'room-title' }, title, watchers, h('div', { class: 'menu' }, menuBtn, menu)),
      h('div', { class: 'room-meta' }, phase, timer, due),
      announcer),
    update(st: RoomState, dueText: string | null) {
      const v = st.view;
      title.textContent = v.settings.name;
      phase.textContent = `${PHASE_ICON[v.phase]} ${phaseTitle(v.phase, v.day)}`;
      phase.dataset.phase = v.phase;
      watchers.textContent = v.settings.allowSpectators && st.spectators ? `◎ ${plural(st.spectators, 'spectator')}` : '';
      const inGame = v.phase !== 'lobby' && v.phase !== 'over';
      leaveBtn.textContent = mode === 'spectator' ? 'Stop watching' : inGame && v.you?.alive ? 'Leave the game…' : 'Leave the room';
      const timed = TIMED.includes(v.phase) && v.deadline !== null;
      timer.hidden = !timed;
      if (timed) total = v.settings.durations[v.phase as keyof typeof v.settings.durations] * 1000;
      due.hidden = !dueText;
      due.textContent = dueText ? `● Your move: ${dueText}` : '';
      if (v.phaseId !== phaseId) {
        if (phaseId !== -1) announcer.textContent = ANNOUNCE[v.phase]?.(v.day) ?? '';
        phaseId = v.phaseId;
      }
    },
    /** Called a few times a second with the SDK's server-corrected remaining time. */
    tick(ms: number | null) {
      if (ms === null || timer.hidden) return;
      time.textContent = clock(ms);
      // Short pauses (dawn, execution) are not emergencies.
      timer.classList.toggle('urgent', ms < 10_000 && total > 15_000);
      (bar.firstElementChild as HTMLElement).style.width = `${total ? Math.min(100, (ms / total) * 100) : 0}%`;
    },
    phaseEl: phase,
  };
}

export type RoomHeader = ReturnType<typeof roomHeader>;
