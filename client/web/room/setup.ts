import { ROLES } from '../../../shared/game/catalogue.ts';
import { PRESETS } from '../../../shared/game/presets.ts';
import type { GameView, SetupView } from '../../../shared/views.ts';
import { h, swap } from '../dom.ts';
import { paths } from '../router.ts';
import { plural, roleIcon, roleName } from '../words.ts';

const CATEGORY: Record<keyof NonNullable<SetupView['categories']>, { name: string; icon: string; text: string }> = {
  village: { name: 'Village', icon: '⌂', text: 'Roles that win with the village, when every werewolf is dead.' },
  wolves: { name: 'Wolves', icon: '☾', text: 'Roles that win with the werewolves, when they are as many as the rest.' },
  solo: { name: 'Solo', icon: '✦', text: 'Roles that play for themselves and win alone.' },
};

let tips = 0;

/**
 * One entry of the setup: a button that shows its description in a tip on hover, on keyboard
 * focus and on a tap (which toggles it, for phones); the tip also describes the button for
 * screen readers. Escape closes it.
 */
function chip(key: string, icon: string, label: string, count: number, text: string): HTMLElement {
  const id = `setup-tip-${++tips}`;
  const tip = h('span', { role: 'tooltip', id, class: 'setup-tip' }, text);
  const btn = h('button', { type: 'button', class: 'role-chip', 'data-key': `setup-${key}`, 'aria-describedby': id, 'aria-expanded': 'false' },
    h('span', { class: 'role-icon', 'aria-hidden': 'true' }, icon), ' ', label, h('span', { class: 'chip-count' }, ` × ${count}`));
  btn.addEventListener('click', () => btn.setAttribute('aria-expanded', String(btn.getAttribute('aria-expanded') !== 'true')));
  btn.addEventListener('blur', () => btn.setAttribute('aria-expanded', 'false'));
  btn.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') btn.setAttribute('aria-expanded', 'false'); });
  return h('li', { class: 'setup-item' }, btn, tip);
}

/** The chips of a setup: each role with its count, or only the categories (docs/rules.md R240–R242). */
export function setupChips(s: SetupView): HTMLElement[] {
  if (s.roles) {
    return Object.entries(s.roles).map(([role, k]) => chip(role, roleIcon(role), roleName(role), k, ROLES[role] ? `${ROLES[role].summary} ${ROLES[role].description}` : role));
  }
  if (s.categories) {
    return (Object.keys(CATEGORY) as (keyof typeof CATEGORY)[]).filter((c) => s.categories![c] > 0)
      .map((c) => chip(c, CATEGORY[c].icon, CATEGORY[c].name, s.categories![c], CATEGORY[c].text));
  }
  return [];
}

/** What the panel says above the chips. */
export function setupLine(s: SetupView): string {
  const preset = PRESETS[s.preset];
  const who = plural(s.players, 'player');
  if (s.dealt) return s.roles ? `${preset.words.name}: the roles dealt to ${who}.` : `${preset.words.name}: the sides dealt to ${who}; which roles is secret.`;
  if (!s.roles && !s.categories) return `${preset.words.name}: roles drawn at random when the game starts (always at least one werewolf).`;
  return `${preset.words.name}, for ${who}:`;
}

/** The public setup panel, for the waiting room, the table and the spectators. */
export function setupPanel(opts: { headingId: string; compact?: boolean }) {
  const line = h('p', { class: 'hint setup-line' });
  const list = h('ul', { class: 'setup-list', 'aria-labelledby': opts.headingId });
  const note = h('p', { class: 'hint warn', 'aria-live': 'polite' });
  const glossary = h('a', { href: paths.roles(), target: '_blank', rel: 'noopener', class: 'small' }, 'Every role, explained');
  const el = h('section', { class: `panel setup-panel${opts.compact ? ' compact' : ''}`, 'aria-labelledby': opts.headingId },
    h('h2', { id: opts.headingId }, 'Roles in play'), line, list, note, h('p', { class: 'hint' }, glossary));
  let last = '';
  return {
    el,
    update(v: Pick<GameView, 'setup'>) {
      const s = v.setup;
      // The view changes with every vote; the setup rarely: rebuild only when it did (the tips keep their state).
      const key = JSON.stringify(s);
      if (key === last) return;
      last = key;
      line.textContent = setupLine(s);
      swap(list, setupChips(s));
      const missing = s.missing.length ? `Not on this server yet, dealt as villagers: ${s.missing.join(', ')}.` : '';
      note.textContent = [s.problem ? `Cannot start: ${s.problem}.` : '', missing].filter(Boolean).join(' ');
      note.hidden = !note.textContent;
    },
  };
}
