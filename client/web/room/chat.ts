import type { ChatChannel, ChatMessage, GameView } from '../../../shared/views.ts';
import { CHAT_MAX } from '../../../shared/limits.ts';
import type { WerewolfClient } from '../../sdk/index.ts';
import type { Talk } from '../../../shared/talk.ts';
import { errorSlot, h, swap } from '../dom.ts';
import { quickTalk, reply } from './quicktalk.ts';

const LABEL: Record<ChatChannel, string> = { lobby: 'Room', day: 'Village', wolves: 'Pack', dead: 'Dead' };
const DAYTIME = new Set(['dawn', 'day', 'vote', 'execution', 'hunter']);

/** The channels this view can read: a tab is shown only when the view allows it (docs/rules.md R65). */
export function readable(v: GameView): ChatChannel[] {
  const over = v.phase === 'over';
  const has = (c: ChatChannel) => v.chat.some((m) => m.channel === c);
  const out: ChatChannel[] = [];
  if (v.phase === 'lobby' || over || has('lobby')) out.push('lobby');
  if (v.phase !== 'lobby') out.push('day');
  const you = v.you;
  if ((you?.pack !== undefined && v.settings.wolfChat) || has('wolves')) out.push('wolves');
  if ((you && !you.alive && v.settings.deadChat && v.phase !== 'lobby') || (!you && v.settings.spectatorsSeeDeadChat && v.settings.deadChat) || has('dead')) out.push('dead');
  return out;
}

/** Why the viewer cannot write in a channel now, or null when they can (mirrors the server's R60–R64). */
export function writeBlock(v: GameView, c: ChatChannel): string | null {
  const you = v.you;
  if (!you) return 'Spectators read but do not write.';
  const inGame = v.phase !== 'lobby' && v.phase !== 'over';
  switch (c) {
    case 'lobby': return inGame ? 'The room chat is closed during the game.' : null;
    case 'day':
      if (v.phase === 'over') return 'The game is over: talk in the room chat.';
      return !you.alive ? 'The dead do not speak to the living.' : DAYTIME.has(v.phase) ? null : v.phase === 'night' ? 'The village sleeps: no talking at night.' : 'The village chat opens when the game starts.';
    case 'wolves':
      if (you.pack === undefined || !v.settings.wolfChat) return 'This room has no pack chat for you.';
      return you.alive && v.phase === 'night' ? null : 'The pack talks at night.';
    case 'dead':
      if (!v.settings.deadChat) return 'This room has no dead chat.';
      return !you.alive && inGame ? null : 'Only the dead talk here, during the game.';
  }
}

/** The preferred channel for a phase: the room's outside a game, the pack at night, the dead once dead, else the village's. */
function preferred(v: GameView, tabs: ChatChannel[]): ChatChannel {
  if (v.phase === 'lobby' || v.phase === 'over') return 'lobby';
  if (v.phase === 'night' && tabs.includes('wolves')) return 'wolves';
  if (v.you && !v.you.alive && tabs.includes('dead')) return 'dead';
  return 'day';
}

/** Chat with one tab per readable channel; messages are text, never HTML. */
export function chatPanel(client: WerewolfClient) {
  const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Chat channels' });
  // A list of messages inside the live region: role=log on the <ol> itself would hide its list semantics.
  const list = h('ol', { class: 'message-list' });
  const log = h('div', { id: 'chat-log', class: 'messages', role: 'log', 'aria-live': 'polite', 'aria-label': 'Messages', tabindex: '0' }, list);
  const input = h('input', { name: 'chat', maxlength: CHAT_MAX, autocomplete: 'off', 'aria-label': 'Write a message' });
  const sendBtn = h('button', { type: 'submit' }, 'Send');
  const note = h('small', { class: 'hint' });
  const err = errorSlot();
  const form = h('form', { class: 'chat-form' }, input, sendBtn);
  let active: ChatChannel = 'lobby';
  let phaseId = -1;
  let alive: boolean | null = null;
  let shown = -1;
  const seen: Partial<Record<ChatChannel, number>> = {};
  let view: GameView | null = null;

  // Quick talk sends a structure; the server writes its words (docs/protocol.md, Talk).
  const sendTalk = async (talk: Talk) => {
    const res = await client.send('chat:send', { channel: active, talk });
    err.show(res.ok ? null : res.error.message);
  };
  const quick = quickTalk((t) => void sendTalk(t));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    sendBtn.disabled = true;
    const res = await client.send('chat:send', { channel: active, text });
    sendBtn.disabled = false;
    if (res.ok) { input.value = ''; err.show(null); } else err.show(res.error.message);
    input.focus();
  });

  /** A message; one sent as talk has a small mark, and others' messages can be agreed with while one may talk. */
  const message = (m: ChatMessage, mine: boolean, canReply: boolean) => h('li', { class: mine ? 'mine' : '', 'data-id': m.id },
    h('span', { class: 'who' }, m.name), ' ',
    h('time', { datetime: new Date(m.at).toISOString() }, new Date(m.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })), ' ',
    m.talk ? h('span', { class: 'talk-mark', title: 'Said with quick talk', 'aria-label': 'quick talk' }, '◆ ') : null,
    h('span', { class: 'text' }, m.text),
    canReply && !mine ? h('span', { class: 'replies' },
      h('button', { type: 'button', class: 'reply', 'data-key': `agree-${m.id}`, 'aria-label': `Agree with ${m.name}`, onClick: () => void sendTalk(reply(m, true)) }, '👍'),
      h('button', { type: 'button', class: 'reply', 'data-key': `disagree-${m.id}`, 'aria-label': `Disagree with ${m.name}`, onClick: () => void sendTalk(reply(m, false)) }, '👎')) : null);

  const render = () => {
    const v = view!;
    const tabs = readable(v);
    if (!tabs.includes(active)) active = preferred(v, tabs);
    const last = (c: ChatChannel) => v.chat.filter((m) => m.channel === c).at(-1)?.id ?? 0;
    seen[active] = last(active);
    swap(tablist, tabs.map((c) => {
      const unread = v.chat.filter((m) => m.channel === c && m.id > (seen[c] ?? 0)).length;
      return h('button', { type: 'button', role: 'tab', 'aria-controls': 'chat-log', 'data-key': `tab-${c}`, 'data-channel': c, 'aria-selected': String(c === active), tabindex: c === active ? '0' : '-1', onClick: () => { active = c; render(); } },
        LABEL[c], unread ? h('span', { class: 'unread' }, ` ${unread} new`) : null);
    }));
    const msgs = v.chat.filter((m) => m.channel === active);
    const newest = msgs.at(-1)?.id ?? 0;
    const block = writeBlock(v, active);
    const canReply = block === null && active === 'day';
    if (newest !== shown || log.dataset.channel !== active || log.dataset.reply !== String(canReply)) {
      const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      swap(list, msgs.length ? msgs.map((m) => message(m, m.seat === v.you?.seat, canReply)) : h('li', { class: 'muted' }, 'No messages yet.'));
      log.dataset.channel = active;
      log.dataset.reply = String(canReply);
      shown = newest;
      if (atBottom || newest) log.scrollTop = log.scrollHeight;
    }
    quick.update(v, active, block === null);
    // Spectators never write: no form at all. Players see why a channel is closed.
    form.hidden = !v.you;
    input.disabled = sendBtn.disabled = block !== null;
    input.placeholder = block ? 'Closed' : `Write to ${LABEL[active].toLowerCase()} chat…`;
    note.textContent = block ?? '';
    unread = tabs.reduce((n, c) => n + v.chat.filter((m) => m.channel === c && m.id > (seen[c] ?? 0)).length, 0);
  };
  let unread = 0;

  // Arrow keys move between tabs, as in any tab list.
  tablist.addEventListener('keydown', (ev) => {
    if (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft') return;
    const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    const i = tabs.findIndex((t) => t.dataset.channel === active);
    const next = tabs[(i + (ev.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (next) { active = next.dataset.channel as ChatChannel; render(); tablist.querySelector<HTMLElement>(`[data-channel="${active}"]`)?.focus(); }
  });

  return {
    /** Messages not yet shown, over every readable channel. */
    get unread() { return unread; },
    el: h('section', { class: 'panel chat', 'aria-labelledby': 'chat-h' }, h('h2', { id: 'chat-h' }, 'Chat'), tablist, log, form, quick.el, note, err.el),
    update(v: GameView) {
      // What was said before this page opened counts as read.
      if (!view) for (const m of v.chat) seen[m.channel] = Math.max(seen[m.channel] ?? 0, m.id);
      view = v;
      const nowAlive = v.you?.alive ?? null;
      // A new phase or a death may open a new channel: show it, once.
      if (v.phaseId !== phaseId || nowAlive !== alive) {
        // What was on screen as the phase changed was read; and at game over the conversation
        // the player was following stays in front (the room chat gets its own "new" mark).
        const keep = v.phase === 'over' && phaseId !== -1 && readable(v).includes(active);
        const last = (c: ChatChannel) => v.chat.filter((m) => m.channel === c).at(-1)?.id ?? 0;
        if (phaseId !== -1) seen[active] = Math.max(seen[active] ?? 0, last(active));
        if (!keep) active = preferred(v, readable(v));
        phaseId = v.phaseId; alive = nowAlive;
      }
      render();
    },
  };
}

export type ChatPanel = ReturnType<typeof chatPanel>;
