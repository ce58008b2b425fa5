import type { GameRecord } from '../../../shared/game/record.ts';
import type { GameContext } from '../../../shared/game/index.ts';
import type { App, Page } from '../app.ts';
import { h, swap } from '../dom.ts';
import { playerHead } from '../room/players.ts';
import { deathLine, listNames, namer, PHASE_ICON, phaseTitle, roleIcon, roleName, winsLine } from '../words.ts';
import type { Step } from './engine.ts';

/**
 * A finished game (/game/ID), replayed in the browser step by step with every role shown:
 * one step per action, vote and phase change; jumps by phase; a slider; the arrow keys.
 */
export function replayPage(_app: App, gameId: string): Page {
  const title = h('h1', { tabindex: '-1' }, 'Replay');
  const summary = h('div', { class: 'replay-summary' });
  const content = h('div', { class: 'replay-body' }, h('p', { 'aria-live': 'polite' }, 'Loading the game…'));
  const el = h('div', { class: 'replay' }, h('div', { class: 'panel' }, title, summary), content);
  let onKey: ((ev: KeyboardEvent) => void) | null = null;

  void (async () => {
    const res = await fetch(`/api/games/${encodeURIComponent(gameId)}`).catch(() => null);
    if (!res?.ok) { swap(content, h('p', { role: 'alert' }, res?.status === 404 ? 'No finished game has that id.' : 'Could not load the game.'), h('a', { href: '/', 'data-link': true }, 'Go to the lobby')); return; }
    const game = ((await res.json()) as { game: GameRecord }).game;
    const name = namer(game.players);
    title.textContent = `Replay: ${game.settings.name}, game ${game.gameNo}`;
    swap(summary,
      h('p', null, h('strong', null, winsLine(game.outcome.winner)), ' ', game.outcome.reason),
      h('p', { class: 'muted' }, `${game.players.length} players · ${new Date(game.finishedAt).toLocaleString()} · winners: ${listNames(game.outcome.seats, name) || 'none'}`));
    let steps: Step[];
    try {
      // The rules machine is loaded only here: the rest of the app never needs it.
      const { replaySteps } = await import('./engine.ts');
      steps = replaySteps(game).steps;
    } catch (err) {
      swap(content, h('p', { role: 'alert' }, `This game cannot be replayed in the browser: ${(err as Error).message}`),
        h('ul', null, game.players.map((p) => h('li', null, `${p.name}: ${roleName(p.role)}`))));
      return;
    }
    const { describeStep } = await import('./describe.ts');
    onKey = mountStepper(content, steps, describeStep);
  })();

  return { el, title: 'Replay', dispose() { if (onKey) document.removeEventListener('keydown', onKey); } };
}

function mountStepper(content: HTMLElement, steps: Step[], describe: (e: Step['event'], b: GameContext, a: GameContext) => string[]) {
  const texts = steps.map((s) => describe(s.event, s.before, s.after));
  let at = 0;
  const position = h('p', { class: 'position' });
  const slider = h('input', { type: 'range', min: 0, max: Math.max(0, steps.length - 1), value: '0', 'aria-label': 'Step' });
  const now = h('div', { class: 'panel step-now', 'aria-live': 'polite' });
  const table = h('ul', { class: 'players' });
  const log = h('ol', { class: 'step-log', tabindex: '0', 'aria-label': 'Every step, scrollable' });
  const chat = h('ol', { class: 'messages', tabindex: '0', 'aria-label': 'Chat so far, scrollable' });
  const phaseStart = (i: number) => i === 0 || steps[i].before.phase !== steps[i - 1].before.phase;
  const go = (i: number) => { at = Math.max(0, Math.min(steps.length - 1, i)); render(); };
  const jump = (dir: 1 | -1) => {
    let i = at + dir;
    while (i > 0 && i < steps.length - 1 && !(steps[i].after.phase !== steps[i].before.phase)) i += dir;
    go(i);
  };
  const btn = (label: string, aria: string, fn: () => void) => h('button', { type: 'button', class: 'secondary', 'aria-label': aria, onClick: fn }, label);
  slider.addEventListener('input', () => go(Number(slider.value)));

  function render(): void {
    const s = steps[at];
    const ctx = s.after;
    const name = namer(ctx.players);
    position.textContent = `Step ${at + 1} of ${steps.length}`;
    slider.value = String(at);
    document.body.dataset.phase = ctx.phase;
    swap(now, h('h2', null, `${PHASE_ICON[ctx.phase]} ${phaseTitle(ctx.phase, ctx.day)}`), texts[at].map((t) => h('p', null, t)));
    swap(table, ctx.players.map((p) => {
      const pick = ctx.phase === 'night' ? ctx.night.picks[p.seat] : undefined;
      const ballot = ctx.vote?.ballots[p.seat];
      return h('li', { class: `player${p.alive ? '' : ' dead'}`, 'data-seat': p.seat, 'data-alive': String(p.alive) },
        playerHead(p),
        p.role ? h('span', { class: 'prole' }, `${roleIcon(p.role)} ${roleName(p.role)}`) : null,
        p.death ? h('span', { class: 'death' }, deathLine(p.death)) : null,
        pick !== undefined ? h('span', { class: 'ballot' }, `picks ${name(pick)}`) : null,
        ballot !== undefined ? h('span', { class: 'ballot' }, ballot === null ? 'abstains' : `votes ${name(ballot)}`) : null);
    }));
    swap(log, steps.map((st, i) => h('li', { class: phaseStart(i) ? 'phase-start' : '', ...(i === at ? { 'aria-current': 'step' } : {}) },
      h('button', { type: 'button', class: 'link', 'data-key': `s-${i}`, onClick: () => go(i) }, texts[i][0] ?? st.event.type))));
    // Scroll the log box only, never the page.
    const cur = log.querySelector<HTMLElement>('[aria-current]');
    if (cur) log.scrollTop = cur.offsetTop - log.clientHeight / 2;
    const said = ctx.chat.slice(-30);
    swap(chat, said.length ? said.map((m) => h('li', { 'data-channel': m.channel }, h('span', { class: 'who' }, m.name), ` (${m.channel}) `, h('span', { class: 'text' }, m.text))) : h('li', { class: 'muted' }, 'Nothing said yet.'));
  }

  const onKey = (ev: KeyboardEvent) => {
    const t = ev.target as HTMLElement;
    if (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA') return;
    if (ev.key === 'ArrowRight') { go(at + 1); ev.preventDefault(); }
    if (ev.key === 'ArrowLeft') { go(at - 1); ev.preventDefault(); }
  };
  document.addEventListener('keydown', onKey);

  swap(content,
    h('div', { class: 'panel stepper' },
      h('div', { class: 'step-controls', role: 'group', 'aria-label': 'Replay controls' },
        btn('|◀', 'First step', () => go(0)), btn('◀◀ Phase', 'Previous phase', () => jump(-1)), btn('◀ Step', 'Previous step', () => go(at - 1)),
        btn('Step ▶', 'Next step', () => go(at + 1)), btn('Phase ▶▶', 'Next phase', () => jump(1)), btn('▶|', 'Last step', () => go(steps.length - 1))),
      slider, position, h('p', { class: 'hint' }, 'Tip: the left and right arrow keys step too.')),
    now,
    h('div', { class: 'replay-grid' },
      h('section', { class: 'panel', 'aria-label': 'Players at this step' }, h('h2', null, 'Players'), table),
      h('section', { class: 'panel', 'aria-label': 'All steps' }, h('h2', null, 'Every step'), log),
      h('section', { class: 'panel', 'aria-label': 'Chat up to this step' }, h('h2', null, 'Chat so far'), chat)));
  if (steps.length) render();
  else swap(now, h('p', null, 'This game has no recorded steps.'));
  return onKey;
}
