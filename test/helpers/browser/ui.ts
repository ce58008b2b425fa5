import type { Page } from 'playwright-core';
import { roleOfKind } from '../../../shared/game/roles/index.ts';
import { ROLES } from '../../../shared/game/catalogue.ts';
import type { RoleId } from '../../../shared/roles.ts';

export const phaseOf = (page: Page) => page.evaluate(() => document.body.dataset.phase ?? null);

/**
 * Answer the page's current prompt through the UI, as a person would, aiming at `prefer` seats when
 * there is a choice. Returns the prompt kind acted on, or null when there was nothing (left) to do.
 */
export async function actOnPrompt(page: Page, prefer: number[]): Promise<string | null> {
  const prompt = page.locator('section.prompt');
  const kind = await prompt.getAttribute('data-prompt', { timeout: 1000 }).catch(() => null);
  if (!kind || kind === 'none') return null;
  const seats = await prompt.locator('.target').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.seat)));
  const pool = seats.filter((s) => prefer.includes(s));
  const choice = (n: number) => (pool.length >= n ? pool : seats).slice(0, n);
  const click = (seat: number) => prompt.locator(`.target[data-seat="${seat}"]`).click({ timeout: 2000 });
  const confirm = () => prompt.locator('button.confirm').click({ timeout: 2000 });
  try {
    switch (kind) {
      case 'sleep': {
        const b = prompt.getByRole('button', { name: 'Sleep' });
        if (!(await b.count())) return null;
        await b.click({ timeout: 2000 });
        break;
      }
      case 'ready': {
        const b = prompt.getByRole('button', { name: 'Ready to vote' });
        if (!(await b.count())) return null;
        await b.click({ timeout: 2000 });
        break;
      }
      case 'vote':
        if (await prompt.locator('[aria-pressed="true"]').count()) return null;
        if (!seats.length) return null;
        await click(choice(1)[0]);
        await prompt.locator('[aria-pressed="true"]').first().waitFor({ timeout: 3000 });
        break;
      case 'hunter':
        if (seats.length) await click(choice(1)[0]);
        await confirm();
        break;
      default: {
        // A night role's prompt, answered as its module's form says (shared/game/roles).
        const form = roleOfKind(kind)?.night?.form;
        if (!form) return null;
        if (form.instant) {
          if (await prompt.locator('[aria-pressed="true"]').count()) return null;
          if (!seats.length) return null;
          await click(choice(1)[0]);
          await prompt.locator('[aria-pressed="true"]').first().waitFor({ timeout: 3000 });
          break;
        }
        if (!form.optional) for (const s of choice(form.picks)) await click(s);
        await confirm();
        break;
      }
    }
  } catch {
    return null; // the phase moved on under the click: the next round looks again
  }
  return kind;
}

/** What a spectator's page shows that it must not: a list of problems, empty when clean. */
export async function spectatorLeaks(page: Page, truth: Map<number, RoleId>): Promise<string[]> {
  const seen = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    const head = main.querySelector('.room-head');
    // textContent, not innerText: a secret in a hidden element is still a leak.
    // The public setup (rules R240–R242) names the roles in play by count: that is no secret, so it
    // is read apart, and must match the deal's counts, never a seat.
    const bodies = [...main.querySelectorAll('.room-body')].map((e) => e.cloneNode(true) as HTMLElement);
    const setup = bodies.flatMap((b) => [...b.querySelectorAll<HTMLElement>('.setup-panel .role-chip')].map((c) => ({ key: c.dataset.key ?? '', text: c.textContent ?? '' })));
    for (const b of bodies) for (const panel of b.querySelectorAll('.setup-panel')) panel.remove();
    const text = bodies.map((e) => e.textContent ?? '').join('\n');
    return {
      phase: document.body.dataset.phase ?? null,
      cards: [...main.querySelectorAll<HTMLElement>('.players .player')].map((c) => ({ seat: Number(c.dataset.seat), alive: c.dataset.alive === 'true', role: c.dataset.role ?? null })),
      roleCard: [...main.querySelectorAll<HTMLElement>('.role-card')].some((e) => !e.hidden),
      prompt: main.querySelector<HTMLElement>('.prompt')?.dataset.prompt ?? null,
      tabs: [...main.querySelectorAll<HTMLElement>('[role=tab]')].map((t) => t.dataset.channel),
      text: head ? text : main.textContent ?? '',
      setup,
    };
  });
  if (seen.phase === 'over' || seen.phase === 'lobby' || seen.phase === null) return [];
  const problems: string[] = [];
  for (const c of seen.cards) {
    if (c.role && c.alive) problems.push(`the role of living seat ${c.seat} is shown`);
    if (c.role && c.role !== truth.get(c.seat)) problems.push(`seat ${c.seat} is shown as ${c.role}`);
  }
  if (seen.roleCard) problems.push('a role card is shown');
  const dealt = new Map<string, number>();
  for (const r of truth.values()) dealt.set(r, (dealt.get(r) ?? 0) + 1);
  for (const chip of seen.setup) {
    const role = chip.key.replace(/^setup-/, '');
    const count = Number(/× (\d+)/.exec(chip.text)?.[1]);
    if (dealt.has(role) && dealt.get(role) !== count) problems.push(`the setup shows ${count} × ${role}, ${dealt.get(role)} were dealt`);
    if (/\bP\d|seat/i.test(chip.text)) problems.push(`the setup names a seat: ${chip.text}`);
  }
  if (seen.prompt && seen.prompt !== 'none') problems.push(`a ${seen.prompt} prompt is shown`);
  for (const t of seen.tabs) if (t === 'wolves' || t === 'dead') problems.push(`the ${t} chat tab is shown`);
  // A role's name may appear only once a dead player of that role is revealed (the card and the
  // story both name it then).
  for (const role of new Set(truth.values())) {
    if (role === 'villager') continue;
    const shown = seen.text.split(ROLES[role].name).length - 1;
    const revealed = seen.cards.filter((c) => !c.alive && c.role === role).length;
    if (shown > 0 && revealed === 0) problems.push(`"${ROLES[role].name}" appears ${shown} times with none revealed`);
  }
  return problems;
}

/** Controls a screen reader could not name: no text, no aria-label, no <label>. Empty when all are named. */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role=tab]')) {
      if (el.closest('[hidden]') || (el as HTMLInputElement).type === 'hidden') continue;
      const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el as HTMLInputElement).labels?.length || el.textContent?.trim();
      if (!labelled) out.push(el.outerHTML.slice(0, 120));
    }
    return out;
  });
}

/** Press Tab until the focused element matches `selector`; false when `max` presses did not reach it. */
export async function tabTo(page: Page, selector: string, max = 60): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return true;
    await page.keyboard.press('Tab');
  }
  return page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
}

/** Whether the keyboard focus fell back to the page itself. */
export const focusLost = (page: Page) => page.evaluate(() => !document.activeElement || document.activeElement === document.body);

/** axe-core's serious and critical findings on the page, as "rule: target" lines (empty when clean). */
export async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`));
  });
}

/** Nothing wider than the screen, and the phase, the timer and the chat input all on it at once. */
export function phoneLayout(page: Page): Promise<{ overflow: number; outOfView: string[] }> {
  return page.evaluate(() => {
    const outOfView: string[] = [];
    for (const sel of ['.phase-pill', '.timer', 'input[name="chat"]']) {
      const el = document.querySelector<HTMLElement>(sel);
      const r = el?.getBoundingClientRect();
      if (!el || !r || el.closest('[hidden]') || r.height === 0 || r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) outOfView.push(sel);
    }
    // The game screen clips its own overflow, so the page's scroll width is not enough: look at every box.
    let overflow = document.documentElement.scrollWidth - innerWidth;
    for (const el of document.querySelectorAll<HTMLElement>('#app *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && !el.closest('.visually-hidden') && r.right - innerWidth > overflow) { overflow = Math.round(r.right - innerWidth); outOfView.push(`${el.tagName}.${el.className}`); }
    }
    return { overflow, outOfView };
  });
}
