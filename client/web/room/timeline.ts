import type { GameView, SecretEntry } from '../../../shared/views.ts';
import { h, swap } from '../dom.ts';
import { describeSecret, describeTimeline, namer } from '../words.ts';

const nightOf = (e: SecretEntry) => ('night' in e ? e.night : null);

/**
 * What happened, in words: the public timeline, and at game over the night's secrets too, each
 * night's secrets just before that night's public news.
 */
export function timelinePanel() {
  const list = h('ol', { class: 'timeline' });
  const el = h('section', { class: 'panel timeline-panel', 'aria-labelledby': 'timeline-h' }, h('h2', { id: 'timeline-h' }, 'What happened'), list);
  let shown = '';

  return {
    el,
    update(v: GameView) {
      const sig = `${v.timeline.length}:${v.secrets?.length ?? 0}:${v.players.map((p) => p.name).join()}`;
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
      for (const e of v.timeline) {
        if (e.kind === 'night') tellNight(e.day);
        items.push(h('li', { 'data-kind': e.kind }, describeTimeline(e, name)));
      }
      for (let n = 1; n <= v.day; n++) tellNight(n);
      el.hidden = items.length === 0;
      swap(list, items);
      list.scrollTop = list.scrollHeight;
    },
  };
}
