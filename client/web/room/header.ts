import type { RoomState } from '../../../shared/protocol.ts';
import type { Phase } from '../../../shared/views.ts';
import { h } from '../dom.ts';
import { clock, PHASE_ICON, phaseTitle, plural } from '../words.ts';

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

/**
 * The room's title bar: name, phase and day, a countdown to the server's deadline, the spectator
 * count, and a screen-reader announcement at each new phase.
 */
export function roomHeader(leave: { label: string; onClick(): void }) {
  const title = h('h1', { tabindex: '-1' });
  const phase = h('p', { class: 'phase-pill' });
  const time = h('span', { class: 'time' });
  const bar = h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span'));
  const timer = h('div', { class: 'timer', role: 'timer', 'aria-label': 'Time left in this phase', hidden: true }, time, bar);
  const watchers = h('p', { class: 'watchers' });
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'assertive' });
  const leaveBtn = h('button', { type: 'button', class: 'secondary small', onClick: () => leave.onClick() }, leave.label);
  let phaseId = -1;
  let total = 0;

  return {
    el: h('div', { class: 'room-head' }, h('div', { class: 'room-title' }, title, leaveBtn), h('div', { class: 'room-meta' }, phase, timer, watchers), announcer),
    update(st: RoomState) {
      const v = st.view;
      title.textContent = v.settings.name;
      phase.textContent = `${PHASE_ICON[v.phase]} ${phaseTitle(v.phase, v.day)}`;
      phase.dataset.phase = v.phase;
      watchers.textContent = v.settings.allowSpectators ? `◎ ${plural(st.spectators, 'spectator')}` : '';
      const timed = TIMED.includes(v.phase) && v.deadline !== null;
      timer.hidden = !timed;
      if (timed) total = v.settings.durations[v.phase as keyof typeof v.settings.durations] * 1000;
      if (v.phaseId !== phaseId) {
        if (phaseId !== -1) announcer.textContent = ANNOUNCE[v.phase]?.(v.day) ?? '';
        phaseId = v.phaseId;
      }
    },
    setLeave(label: string) { leaveBtn.textContent = label; },
    /** Called a few times a second with the SDK's server-corrected remaining time. */
    tick(ms: number | null) {
      if (ms === null || timer.hidden) return;
      time.textContent = clock(ms);
      // Short pauses (dawn, execution) are not emergencies.
      timer.classList.toggle('urgent', ms < 10_000 && total > 15_000);
      (bar.firstElementChild as HTMLElement).style.width = `${total ? Math.min(100, (ms / total) * 100) : 0}%`;
    },
  };
}

export type RoomHeader = ReturnType<typeof roomHeader>;
