import type { GameView, SecretEntry } from '../../../shared/views.ts';
import { h, swap } from '../dom.ts';
import { describeSecret, namer } from '../words.ts';
import { narrate, storyWhen } from './story.ts';

const nightOf = (e: SecretEntry) => ('night' in e ? e.night : null);

/**
 * The story so far: each public timeline entry narrated, newest last, and at game over the
 * night's secrets too, each night's secrets just before that night's news. The list scrolls on
 * its own and takes the keyboard focus, so it can be reread with the arrow keys.
 */
export function timelinePanel() {
  const list = h('ol', { class: 'timeline' });
  const scroller = h('div', { class: 'timeline-scroll', tabindex: '0', role: 'region', 'aria-label': 'The story so far' }, list);
  const empty = h('p', { class: 'muted' }, 'Nothing has happened yet. The story of each dawn and each vote will be told here.');
  const el = h('section', { class: 'panel timeline-panel', 'aria-labelledby': 'timeline-h' }, h('h2', { id: 'timeline-h' }, 'The story'), empty, scroller);
  let shown = '';
  let latest = '';

  return {
    el,
    /** The newest line of the story, for a one-line reminder where the story is out of sight. */
    get latest() { return latest; },
    update(v: GameView) {
      const sig = `${v.timeline.length}:${v.secrets?.length ?? 0}:${v.players.map((p) => `${p.name}${p.role ?? ''}${p.team ?? ''}`).join()}`;
      if (sig === shown) return;
      shown = sig;
      const name = namer(v.players);
      const items: HTMLElement[] = [];
      const secrets = v.secrets ?? [];
      const told = new Set<SecretEntry>();
      const tellNight = (night: number) => {
        for (const s of secrets) {
          if (told.has(s) || nightOf(s) !== night) continue;
          told.add(s);
          const text = describeSecret(s, name);
          if (text) items.push(h('li', { class: 'secret' }, h('span', { class: 'tag tag-secret' }, 'secret'), ' ', text));
        }
      };
      latest = '';
      for (const e of v.timeline) {
        if (e.kind === 'night') tellNight(e.day);
        const line = narrate(e, v);
        latest = `${storyWhen(e)}: ${line}`;
        items.push(h('li', { 'data-kind': e.kind }, h('span', { class: 'when' }, storyWhen(e)), ' ', line));
      }
      for (let n = 1; n <= v.day; n++) tellNight(n);
      empty.hidden = items.length > 0;
      scroller.hidden = items.length === 0;
      swap(list, items);
      scroller.scrollTop = scroller.scrollHeight;
    },
  };
}
