import type { CommandName, CommandPayload } from '../../../shared/protocol.ts';
import { roleOfKind } from '../../../shared/game/roles/index.ts';
import type { DayAction, GameView, Prompt, RolePrompt } from '../../../shared/views.ts';
import type { WerewolfClient } from '../../sdk/index.ts';
import { confirmDialog } from '../confirm.ts';
import { type Child, errorSlot, h, swap } from '../dom.ts';
import { clock, namer, type Namer, plural } from '../words.ts';
import { idleText } from './idle.ts';
import { narrate } from './story.ts';

/** What tapping a player's card does now: the same as the prompt's button for that player. */
export interface CardAction { verb: string; pressed: boolean; busy: boolean; pick(): void }

/** Votes per candidate, from public ballots (none when votes are secret). */
export function tallyOf(v: GameView): Map<number, number> | null {
  const ballots = v.vote?.ballots;
  if (!ballots) return null;
  const t = new Map<number, number>();
  for (const target of Object.values(ballots)) if (target !== null) t.set(target, (t.get(target) ?? 0) + 1);
  return t;
}

/**
 * The one control for what the viewer must do now (`view.you.prompt`). Votes and wolf picks are
 * sent at once and stay changeable (a role form that is `instant`); final choices (other role
 * forms, the hunter) are selected first and then confirmed, since they cannot be taken back.
 */
export function promptPanel(client: WerewolfClient, onLocal: () => void) {
  const body = h('div', { class: 'prompt-body' });
  const err = errorSlot();
  // The time left, where the player acts (the header has it too, but may be out of sight).
  const timeLeft = h('p', { class: 'prompt-time', hidden: true });
  const el = h('section', { class: 'panel prompt', 'aria-labelledby': 'prompt-h' }, timeLeft, body, err.el);
  let key = '';
  let picked: number[] = [];
  let checked: string[] = [];
  let pending = false;
  let view: GameView | null = null;

  const send = async <C extends CommandName>(cmd: C, payload: CommandPayload<C>) => {
    if (pending) return;
    pending = true;
    render();
    const res = await client.send(cmd, payload);
    pending = false;
    err.show(res.ok ? null : res.error.message);
    render();
    onLocal();
  };

  const targets = (seats: number[], name: Namer, o: { pressed(s: number): boolean; pick(s: number): void; note?(s: number): Child }) =>
    h('div', { class: 'targets', role: 'group', 'aria-labelledby': 'prompt-h' }, seats.map((s) =>
      h('button', { type: 'button', class: 'target', 'data-seat': s, 'data-key': `t-${s}`, 'aria-pressed': String(o.pressed(s)), 'aria-disabled': busy(), onClick: () => o.pick(s) },
        h('span', { class: 'check', 'aria-hidden': 'true' }, o.pressed(s) ? '✓' : ''), h('span', null, name(s)), o.note ? o.note(s) : null)));

  // While a command is on its way, controls say so but stay focusable: a disabled button would drop the keyboard focus.
  const busy = () => (pending ? 'true' : null);
  const toggle = (s: number, max: number) => {
    if (pending) return;
    picked = picked.includes(s) ? picked.filter((x) => x !== s) : [...picked, s].slice(-max);
    render();
    onLocal();
  };
  const confirm = (label: string, ready: boolean, go: () => void) =>
    h('button', { type: 'button', class: 'primary confirm', 'data-key': 'confirm', 'aria-disabled': pending || !ready ? 'true' : null, onClick: () => { if (!pending && ready) go(); } }, pending ? 'Sending…' : label);

  function promptBody(v: GameView, p: Prompt): Child[] {
    const name = namer(v.players);
    const heading = (text: string) => h('h2', { id: 'prompt-h', tabindex: '-1' }, text);
    switch (p.kind) {
      case 'vote': {
        const voted = v.vote?.voted.length ?? 0;
        const living = v.players.filter((x) => x.alive).length;
        const me = v.you?.seat;
        const order = [...p.targets.filter((s) => s !== me), ...p.targets.filter((s) => s === me)];
        return [
          heading(v.vote?.round === 2 ? 'Re-vote: choose among the tied' : 'Vote: who should be executed?'),
          h('p', { class: 'current' }, p.current === undefined ? 'You have not voted yet.' : p.current === null ? 'You abstain.' : ['Your vote: ', h('strong', null, name(p.current)), '.'], ' You can change it until the vote closes.'),
          targets(order, name, { pressed: (s) => p.current === s, pick: (s) => void send('vote:cast', { target: s }), note: (s) => (s === me ? h('small', { class: 'note' }, 'you') : null) }),
          h('button', { type: 'button', class: 'abstain', 'data-key': 'abstain', 'aria-pressed': String(p.current === null), 'aria-disabled': busy(), onClick: () => void send('vote:cast', { target: null }) }, p.current === null ? '✓ Abstaining' : 'Abstain'),
          tallyBar(v, name, voted, living),
          dayActions(v),
        ];
      }
      case 'ready': {
        const ready = v.ready.length;
        const living = v.players.filter((x) => x.alive).length;
        return [
          heading(`Day ${v.day}: talk it over`),
          h('p', null, 'Discuss in the village chat. When everyone is ready, the vote opens early.'),
          p.done ? h('p', { class: 'current' }, '✓ You are ready to vote.') : h('button', { type: 'button', class: 'primary', 'data-key': 'ready', 'aria-disabled': busy(), onClick: () => void send('day:ready', {}) }, 'Ready to vote'),
          h('p', { class: 'hint' }, `${ready} of ${living} are ready.`),
          dayActions(v),
        ];
      }
      case 'sleep':
        return [
          heading(`Night ${v.day}: close your eyes`),
          h('p', null, 'You have nothing to do tonight. Say you are asleep: the night ends early once everyone has answered.'),
          h('button', { type: 'button', class: 'primary', 'data-key': 'sleep', 'aria-disabled': busy(), onClick: () => void send('night:act', { action: { kind: 'sleep' } }) }, 'Sleep'),
        ];
      case 'hunter':
        return [
          heading('You are dying: take your shot'),
          targets(p.targets, name, { pressed: (s) => picked.includes(s), pick: (s) => toggle(s, 1) }),
          confirm(picked.length ? `Shoot ${name(picked[0])}` : 'Shoot nobody', true, () => void send('hunter:shoot', { target: picked[0] ?? null })),
        ];
      default: return roleBody(v, p, heading);
    }
  }

  /**
   * The day actions this seat may take now (`you.dayActions`, R82), one button each with its
   * role's words. Every one is public and cannot be taken back, so each asks first.
   */
  function dayActions(v: GameView): HTMLElement | null {
    const offers = v.you?.dayActions ?? [];
    if (!offers.length) return null;
    return h('div', { class: 'day-actions', role: 'group', 'aria-label': 'Your role\'s move' }, offers.map((a) =>
      h('div', { class: 'day-action' },
        h('button', {
          type: 'button', class: 'secondary', 'data-key': `day-${a.kind}`, 'aria-disabled': busy(),
          onClick: async () => {
            if (pending) return;
            const yes = await confirmDialog({ title: `${a.label}?`, text: `${a.hint} Everyone will see it, and it cannot be undone.`, yes: a.label, no: 'Not now' });
            if (yes) void send('day:act', { action: { kind: a.kind } as DayAction });
          },
        }, a.label),
        h('p', { class: 'hint' }, a.hint))));
  }

  /** A night role's prompt, drawn from what its module declares (shared/game/roles: `form`, `words.night`). */
  function roleBody(v: GameView, p: RolePrompt, heading: (text: string) => HTMLElement): Child[] {
    const role = roleOfKind(p.kind);
    const form = role?.night?.form;
    const words = role?.words.night;
    if (!role || !form || !words || !v.you) return [heading(`Night ${v.day}`), h('p', null, 'This client does not know this role.')];
    const name = namer(v.players);
    const you = v.you;
    const seats = 'targets' in p ? (p as { targets: number[] }).targets : [];
    const lines = (words.lines?.(p, you, name) ?? []).map((t) => h('p', null, t));
    const note = (s: number) => { const n = words.note?.(you, s, name); return n ? h('small', { class: 'note' }, n) : null; };
    if (form.instant) {
      const current = form.current?.(p) ?? null;
      // Checks of an instant form (the alpha's bite) go with the pick: sent at once once there is one, else with the next tap.
      const on = current !== null && form.checked ? form.checked(p) : checked;
      const tick = (key: string, yes: boolean) => {
        checked = ticked(on, form.checks?.(p, name) ?? [], key, yes);
        if (current !== null) void send('night:act', { action: form.build(p, [current], checked) });
        render();
      };
      return [
        heading(words.heading(v.day)), ...lines,
        ...(form.checks?.(p, name) ?? []).map((c) => h('label', { class: 'field check' }, h('input', { type: 'checkbox', checked: on.includes(c.key), 'data-key': c.key, disabled: pending, onChange: (e: Event) => tick(c.key, (e.target as HTMLInputElement).checked) }), c.label)),
        h('p', { class: 'current' }, current === null ? 'You have not chosen yet.' : ['Your choice: ', h('strong', null, name(current)), '.'], ' You can change it until dawn.'),
        targets(seats, name, { pressed: (s) => current === s, pick: (s) => void send('night:act', { action: form.build(p, [s], on) }), note }),
      ];
    }
    const checks = form.checks?.(p, name) ?? [];
    const pickable = form.pickable?.(p) ?? true;
    const ready = form.optional || picked.length === form.picks;
    return [
      heading(words.heading(v.day)), ...lines,
      ...checks.map((c) => h('label', { class: 'field check' }, h('input', { type: 'checkbox', checked: checked.includes(c.key), 'data-key': c.key, disabled: pending, onChange: (e: Event) => { checked = ticked(checked, checks, c.key, (e.target as HTMLInputElement).checked); render(); } }), c.label)),
      pickable ? targets(seats, name, { pressed: (s) => picked.includes(s), pick: (s) => toggle(s, form.picks), note }) : null,
      confirm(words.confirm?.(picked, name, checked) ?? words.verb, ready, () => void send('night:act', { action: form.build(p, picked, checked) })),
      form.optional ? h('p', { class: 'hint' }, 'You act once per night.') : null,
    ];
  }

  function render(): void {
    const v = view!;
    const p = v.you?.prompt ?? null;
    el.dataset.prompt = p?.kind ?? 'none';
    el.hidden = v.phase === 'over';
    if (p) { swap(body, promptBody(v, p)); return; }
    const last = v.timeline.at(-1);
    const news = (v.phase === 'dawn' || v.phase === 'execution') && last ? narrate(last, v) : null;
    swap(body, h('h2', { id: 'prompt-h', tabindex: '-1' }, idleText(v).title), h('p', { class: 'idle-text' }, idleText(v).text), news ? h('p', { class: 'news' }, news) : null,
      v.vote && !p ? tallyBar(v, namer(v.players), v.vote.voted.length, v.players.filter((x) => x.alive).length) : null);
  }

  /** The seats the prompt can name now, and what a tap on each does. */
  function cardAction(seat: number): CardAction | null {
    const v = view;
    const p = v?.you?.prompt;
    if (!v || !p || !('targets' in p) || !p.targets.includes(seat)) return null;
    const b = pending;
    switch (p.kind) {
      case 'vote': return { verb: 'Vote', pressed: p.current === seat, busy: b, pick: () => void send('vote:cast', { target: seat }) };
      case 'hunter': return { verb: 'Shoot', pressed: picked.includes(seat), busy: b, pick: () => toggle(seat, 1) };
      default: {
        const role = roleOfKind(p.kind);
        const form = role?.night?.form;
        const verb = role?.words.night?.verb;
        if (!form || !verb || !(form.pickable?.(p) ?? true)) return null;
        if (form.instant) {
          const current = form.current?.(p) ?? null;
          const on = current !== null && form.checked ? form.checked(p) : checked;
          return { verb, pressed: current === seat, busy: b, pick: () => void send('night:act', { action: form.build(p, [seat], on) }) };
        }
        return { verb, pressed: picked.includes(seat), busy: b, pick: () => toggle(seat, form.picks) };
      }
    }
  }

  return {
    el,
    cardAction,
    /** The prompt's heading, for the focus to land on when what it held is gone. */
    focus() { el.querySelector<HTMLElement>('#prompt-h')?.focus({ preventScroll: false }); },
    tick(ms: number | null) {
      const show = ms !== null && !!view?.you?.prompt && view.deadline !== null;
      timeLeft.hidden = !show;
      if (show) timeLeft.textContent = `${clock(ms)} left`;
    },
    update(v: GameView) {
      view = v;
      const p = v.you?.prompt;
      const k = p ? `${v.phaseId}:${p.kind}:${v.vote?.round ?? 0}` : '';
      // A new prompt starts clean: no stale selection, no stale error.
      if (k !== key) { key = k; picked = []; checked = []; err.show(null); }
      render();
    },
  };
}

/** The vote so far: a bar per candidate with public ballots, else only how many have voted. */
function tallyBar(v: GameView, name: Namer, voted: number, living: number): HTMLElement {
  const tally = tallyOf(v);
  const rows = tally ? [...tally].sort((a, b) => b[1] - a[1]) : [];
  return h('div', { class: 'tally' },
    h('p', { class: 'hint' }, `${voted} of ${living} have voted.`, tally ? '' : ' The votes are secret until the end.'),
    rows.length ? h('ul', { class: 'tally-list', 'aria-label': 'Votes so far' }, rows.map(([seat, n]) =>
      h('li', null, h('span', { class: 'tally-name' }, name(seat)), h('span', { class: 'tally-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.round((n / Math.max(1, living)) * 100)}%` })), h('span', { class: 'tally-n' }, plural(n, 'vote'))))) : null);
}

/** The ticked checks after ticking or unticking `key`: ticking one unticks the others of its group (the witch heals one victim). */
function ticked(on: string[], checks: { key: string; group?: string }[], key: string, yes: boolean): string[] {
  const group = checks.find((c) => c.key === key)?.group;
  const rest = on.filter((k) => k !== key && (group === undefined || checks.find((c) => c.key === k)?.group !== group));
  return yes ? [...rest, key] : rest;
}
