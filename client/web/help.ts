import { ROLE_IDS, ROLES } from '../../shared/game/catalogue.ts';
import type { RoleId } from '../../shared/roles.ts';
import { h } from './dom.ts';
import { roleIcon, TEAM_LABEL } from './words.ts';

/**
 * How to play, with the role glossary: one dialog for the whole app, opened from the top bar on
 * every page, from `#how-to-play` or `#role-ID` in any address, and from a role's name wherever it
 * is linked. A dialog rather than a route, so it opens over a game without leaving it.
 */
let dialog: HTMLDialogElement | null = null;

function build(): HTMLDialogElement {
  const close = h('button', { type: 'button', class: 'secondary small help-close' }, 'Close');
  const el = h('dialog', { class: 'help', 'aria-labelledby': 'help-h' },
    h('div', { class: 'help-head' }, h('h2', { id: 'help-h', tabindex: '-1' }, 'How to play'), close),
    h('div', { class: 'help-body', tabindex: '0', role: 'region', 'aria-label': 'How to play' },
      h('p', null, 'A village hides werewolves. The village wins when every werewolf is dead; the werewolves win when they are as many as everyone else. Some roles play for themselves.'),
      h('h3', null, 'A round'),
      h('ol', null,
        h('li', null, h('strong', null, 'Night. '), 'Everyone sleeps. The werewolves choose a victim together; the other night roles act in secret. If you have nothing to do, press Sleep.'),
        h('li', null, h('strong', null, 'Dawn. '), 'The village learns who died in the night. The story panel keeps every dawn, so you can read it again.'),
        h('li', null, h('strong', null, 'Day. '), 'Everyone alive talks in the village chat. Press "Ready to vote" when you have heard enough.'),
        h('li', null, h('strong', null, 'Vote. '), 'Tap a player (on their card or in the vote box) to vote for their execution. You can change your vote until time runs out.')),
      h('h3', null, 'Your turn'),
      h('p', null, 'When it is your move, the header says so, the tab title starts with "Your move", and the phone vibrates. In the menu you can turn on a sound and notifications for when the tab is in the background.'),
      h('h3', null, 'Dying'),
      h('p', null, 'Dead players see the game but cannot talk to the living. Leaving a game that is under way kills your character.'),
      h('h3', { id: 'roles-h' }, 'The roles'),
      h('dl', { class: 'glossary' }, ROLE_IDS.map((r) => [
        h('dt', { id: `role-${r}`, tabindex: '-1' }, h('span', { class: 'role-icon', 'aria-hidden': 'true' }, roleIcon(r)), ' ', ROLES[r].name,
          h('span', { class: 'muted' }, ` · plays for ${TEAM_LABEL[ROLES[r].team]}`)),
        h('dd', null, ROLES[r].summary, ' ', ROLES[r].description),
      ]))),
  );
  close.addEventListener('click', () => el.close());
  el.addEventListener('close', () => { if (/^#(how-to-play|role-)/.test(location.hash)) history.replaceState(null, '', location.pathname + location.search); });
  // A click on the backdrop closes it, as people expect of a sheet.
  el.addEventListener('click', (ev) => { if (ev.target === el) el.close(); });
  document.body.append(el);
  return el;
}

export function openHelp(anchor?: string): void {
  dialog ??= build();
  if (!dialog.open) dialog.showModal();
  const target = anchor ? dialog.querySelector<HTMLElement>(`#${CSS.escape(anchor)}`) : null;
  (target ?? dialog.querySelector<HTMLElement>('#help-h'))?.focus();
  target?.scrollIntoView({ block: 'start' });
}

/** Open the help for `#how-to-play` and `#role-ID` addresses, and for links to them. */
export function watchHelpLinks(): void {
  const fromHash = () => {
    const m = /^#(how-to-play|role-[a-z]+)$/.exec(location.hash);
    if (m) openHelp(m[1] === 'how-to-play' ? undefined : m[1]);
  };
  window.addEventListener('hashchange', fromHash);
  document.addEventListener('click', (ev) => {
    const a = (ev.target as Element | null)?.closest?.('a[href^="#role-"], a[href="#how-to-play"]');
    if (!(a instanceof HTMLAnchorElement)) return;
    ev.preventDefault();
    const id = a.getAttribute('href')!.slice(1);
    openHelp(id === 'how-to-play' ? undefined : id);
  });
  fromHash();
}

/** A role's name, linked to its entry in the glossary. */
export function roleLink(role: RoleId, text: string = ROLES[role]?.name ?? role): HTMLAnchorElement {
  return h('a', { href: `#role-${role}`, class: 'role-link' }, text);
}
