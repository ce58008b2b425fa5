import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import type { WerewolfClient } from '../../client/sdk/index.ts';
import { autoplay, seatBots } from '../helpers/browser/bots.ts';
import { browserStage } from '../helpers/browser/stage.ts';
import { actOnPrompt, axeProblems, focusLost, phaseOf, phoneLayout, tabTo } from '../helpers/browser/ui.ts';

const shots = path.resolve('test-artifacts/screenshots');
const TALL = { width: 390, height: 844 };
const SMALL = { width: 360, height: 740 };
const ROOM = 'Phone village';

/** Records notifications and lets the test hide the tab, before any page script runs. */
const INIT = () => {
  const w = window as unknown as { __notes: string[]; __hidden: boolean; __hide(on: boolean): void; Notification: typeof Notification };
  w.__notes = [];
  w.__hidden = false;
  const Real = w.Notification;
  class Recorded extends Real {
    constructor(title: string, opts?: NotificationOptions) { w.__notes.push(title); super(title, opts); }
  }
  Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
  w.Notification = Recorded as unknown as typeof Notification;
  Object.defineProperty(document, 'visibilityState', { get: () => (w.__hidden ? 'hidden' : 'visible'), configurable: true });
  Object.defineProperty(document, 'hidden', { get: () => w.__hidden, configurable: true });
  w.__hide = (on) => { w.__hidden = on; document.dispatchEvent(new Event('visibilitychange')); };
};

/**
 * [I16] The table on phones: Ada (390×844) plays a whole game with the keyboard only, Bea (360×740)
 * taps, three protocol bots fill the table, Sam watches. Every seat has a night role, so Ada's
 * hidden tab must get "your move" and a notification on the first night.
 */
describe('[I16] the browser table on a phone', () => {
  const stage = browserStage();
  const { pageErrors } = stage;
  let ada: Page, bea: Page, sam: Page;
  let bots: { client: WerewolfClient; seat: number }[] = [];
  let stopBots = () => {};
  const axeFound: Record<string, string[]> = {};

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}-${page.viewportSize()!.width}.png`) });
  const open = (viewport: typeof TALL, colorScheme: 'light' | 'dark' = 'light') => stage.page({
    context: { viewport, deviceScaleFactor: 1, isMobile: true, hasTouch: true, colorScheme },
    prepare: async (ctx) => { await ctx.grantPermissions(['notifications']); await ctx.addInitScript(INIT); },
  });
  const axe = async (page: Page, screen: string) => { axeFound[screen] = await axeProblems(page); };

  beforeAll(() => { mkdirSync(shots, { recursive: true }); });
  stage.later(() => { stopBots(); for (const b of bots) b.client.close(); });

  test('[I16] lobby and waiting room: clean for axe, every role named in the help', async () => {
    ada = await open(TALL);
    await ada.goto(stage.server.url);
    await ada.getByLabel('Your name').fill('Ada');
    await axe(ada, 'lobby');
    await shot(ada, 'i16-lobby');
    // How to play, from the top bar, with the role glossary.
    await ada.getByRole('link', { name: /How to play/ }).click();
    await ada.getByRole('dialog', { name: 'How to play' }).getByText('Seer', { exact: false }).first().waitFor();
    await shot(ada, 'i16-help');
    await ada.getByRole('button', { name: 'Close' }).click();

    await ada.getByText('Room settings').click();
    await ada.getByLabel('Room name').fill(ROOM);
    for (const [label, s] of [['Night', 12], ['Dawn', 1], ['Day talk', 6], ['Vote', 8], ['Execution', 1], ["Hunter's shot", 5]] as const) {
      await ada.getByLabel(label, { exact: true }).fill(String(s));
    }
    // Every seat gets a night role: whoever Ada is, she has something to do on the first night.
    await ada.locator('select[name="preset"]').selectOption('custom');
    for (const [r, n] of [['werewolf', 1], ['seer', 1], ['doctor', 1], ['witch', 1], ['cupid', 1], ['hunter', 0], ['tanner', 0]] as const) await ada.locator(`input[name="role-${r}"]`).fill(String(n));
    await ada.getByRole('button', { name: 'Create room' }).click();
    await ada.waitForURL(/\/room\//);
    const roomId = decodeURIComponent(new URL(ada.url()).pathname.split('/')[2]);

    bea = await open(SMALL);
    await bea.goto(await ada.getByLabel('Invite link').inputValue());
    await bea.getByLabel('Your name').fill('Bea');
    await bea.getByRole('button', { name: 'Take a seat' }).click();
    await bea.waitForURL(/\/room\//);
    bots = await seatBots(stage.server.url, roomId, ['Bot Cy', 'Bot Dee', 'Bot Eli']);
    await expect.poll(() => ada.locator('.seats .seat').count()).toBe(5);
    // The host's buttons say their visible word first (label in name).
    await ada.getByRole('button', { name: 'Make host Bea' }).waitFor();
    await ada.getByRole('button', { name: 'Kick Bea' }).waitFor();
    await axe(ada, 'waiting room');
    await shot(ada, 'i16-waiting');
    await shot(bea, 'i16-waiting');

    // Sam's screen prefers dark colours: the dusk palette is checked too.
    sam = await open(TALL, 'dark');
    await sam.goto(`${stage.server.url}/spectate/${roomId}`);
    await sam.locator('.seats .seat').first().waitFor();
  }, 60_000);

  test('[I16] a whole game by keyboard on a phone: alerts in a hidden tab, layout at 390 and 360, focus kept, axe clean', async () => {
    stopBots = autoplay(bots.map((b) => b.client), [0, 1]);
    // Ada's tab goes to the background before the game starts.
    await ada.evaluate(() => (window as unknown as { __hide(on: boolean): void }).__hide(true));
    expect(await tabTo(ada, 'button.start')).toBe(true);
    await ada.keyboard.press('Enter');
    await expect.poll(() => phaseOf(ada), { message: 'start' }).toBe('night').catch(async (e) => { throw new Error(`${e} / ${(await ada.locator('.seats-panel').innerText()).slice(-300)} / ${await ada.evaluate(() => document.activeElement?.outerHTML.slice(0, 200))}`); });

    // [I16.2] A night choice is due: the title, the favicon and a notification say so.
    await expect.poll(() => ada.title()).toMatch(/^● Your move: /);
    expect(await ada.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/svg/);
    await expect.poll(() => ada.evaluate(() => (window as unknown as { __notes: string[] }).__notes)).toEqual([expect.stringMatching(/^Your move: /)]);
    await ada.evaluate(() => (window as unknown as { __hide(on: boolean): void }).__hide(false));
    await shot(ada, 'i16-night');
    await shot(bea, 'i16-night');
    await shot(sam, 'i16-spectator-night');
    await axe(ada, 'night');
    await axe(sam, 'spectator view');

    const seen = new Set<string>();
    const focusProblems: string[] = [];
    const layoutProblems: string[] = [];
    let lastPhase = await phaseOf(ada);
    const until = Date.now() + 150_000;
    let games = 1;
    for (;;) {
      if ((await phaseOf(ada)) === 'over') {
        // A game can end on its first night (a wolf in love with its own victim): then play another.
        if ((seen.has('day') && seen.has('vote')) || games >= 3) break;
        games++;
        await ada.locator('section.over h2').waitFor();
        expect(await tabTo(ada, 'section.over button.primary')).toBe(true);
        await ada.keyboard.press('Enter');
        await expect.poll(() => phaseOf(ada)).toBe('lobby');
        expect(await tabTo(ada, 'button.start')).toBe(true);
        await ada.keyboard.press('Enter');
        await expect.poll(() => phaseOf(ada)).toBe('night');
        continue;
      }
      expect(Date.now(), 'the game should end within 150 s').toBeLessThan(until);
      const phase = await phaseOf(ada);
      if (phase !== lastPhase) {
        // A new phase rebuilds the prompt: the focus must land on it, not on the page.
        await ada.waitForTimeout(350);
        if (await focusLost(ada)) focusProblems.push(`after the change to ${phase}`);
        lastPhase = phase;
      }
      if ((phase === 'day' || phase === 'vote') && !seen.has(phase)) {
        seen.add(phase);
        for (const page of [ada, bea]) {
          const l = await phoneLayout(page);
          if (l.overflow > 0 || l.outOfView.length) layoutProblems.push(`${phase} at ${page.viewportSize()!.width}px: overflow ${l.overflow}px, out of view ${l.outOfView.join(', ')}`);
          await shot(page, `i16-${phase}`);
        }
        await axe(ada, phase);
        if (phase === 'vote') { await shot(sam, 'i16-spectator-vote-dark'); await axe(sam, 'spectator vote, dark'); }
        if (phase === 'vote' && (await bea.locator('section.prompt[data-prompt="vote"]').count())) {
          // [I16.1] Bea votes from a player's own card in the Players pane, the tally on every card.
          await bea.getByRole('button', { name: /^Players/ }).click();
          const card = bea.locator('.player:not(.me) .card-act').first();
          await card.click();
          await expect.poll(() => card.getAttribute('aria-pressed')).toBe('true');
          expect(await bea.locator('.player .received').count()).toBeGreaterThan(0);
          await shot(bea, 'i16-players-vote');
          await bea.getByRole('button', { name: /^Chat/ }).click();
          seen.add('card-vote');
        }
        if (phase === 'day' && (await bea.locator('.player.me[data-alive="true"]').count())) {
          // [I16.4] Leaving sits in the menu and asks in the page what it costs; staying keeps the seat.
          await bea.getByRole('button', { name: 'Menu' }).click();
          await bea.getByRole('button', { name: 'Leave the game…' }).click();
          const dialog = bea.getByRole('dialog', { name: 'Leave the game?' });
          await expect.poll(() => dialog.innerText()).toMatch(/Your character dies/);
          await shot(bea, 'i16-leave');
          await dialog.getByRole('button', { name: 'Stay in the game' }).click();
          expect(await bea.getByRole('dialog').count()).toBe(0);
          expect(await bea.locator('.player.me[data-alive="true"]').count()).toBe(1);
          seen.add('leave');
        }
      }
      // Ada acts by keyboard only: Tab to the control, then Enter.
      const kind = await ada.locator('section.prompt').getAttribute('data-prompt').catch(() => null);
      // Acting in a phase that began after the look above could end it unseen (everyone ready, everyone voted).
      if ((await phaseOf(ada)) !== phase) continue;
      const control = kind === 'sleep' || kind === 'ready' ? 'section.prompt button.primary:not([aria-disabled])'
        : kind === 'vote' || kind === 'wolf' ? (await ada.locator('section.prompt [aria-pressed="true"]').count()) ? null : 'section.prompt .target'
        : kind && kind !== 'none' ? 'section.prompt .target[aria-pressed="true"] ~ *, section.prompt .confirm:not([aria-disabled])' : null;
      if (control && kind !== 'vote' && kind !== 'wolf' && kind !== 'sleep' && kind !== 'ready') {
        // A final choice: pick the first target (when there is one to pick), then confirm.
        if (kind !== 'witch' && (await ada.locator('section.prompt .target').count()) && !(await ada.locator('section.prompt .target[aria-pressed="true"]').count())) {
          if (await tabTo(ada, 'section.prompt .target')) await ada.keyboard.press('Enter');
        }
        if (await tabTo(ada, 'section.prompt .confirm:not([aria-disabled])')) await ada.keyboard.press('Enter');
        await ada.waitForTimeout(350);
        if (await focusLost(ada)) focusProblems.push(`after ${kind}`);
      } else if (control && (await tabTo(ada, control))) {
        await ada.keyboard.press('Enter');
        await ada.waitForTimeout(350);
        if (await focusLost(ada)) focusProblems.push(`after ${kind}`);
      }
      await actOnPrompt(bea, bots.map((b) => b.seat));
      await ada.waitForTimeout(150);
    }
    expect(focusProblems).toEqual([]);
    expect(layoutProblems).toEqual([]);
    expect([...seen].filter((x) => x === 'day' || x === 'vote').sort(), await ada.locator('main').innerText()).toEqual(['day', 'vote']);

    await ada.locator('section.over h2', { hasText: /win/ }).waitFor();
    await ada.waitForTimeout(400);
    expect(await focusLost(ada)).toBe(false);
    await axe(ada, 'game over');
    await shot(ada, 'i16-over');
    await shot(bea, 'i16-over');
    // The story is kept and narrated: Bea rereads it in its pane.
    await bea.getByRole('button', { name: /^Story/ }).click();
    expect(await bea.locator('.timeline li').count()).toBeGreaterThan(0);
    await shot(bea, 'i16-story');

    await ada.getByRole('link', { name: /replay/ }).click();
    await ada.waitForURL(/\/game\//);
    await ada.getByText(/^Step 1 of \d+$/).waitFor();
    await axe(ada, 'replay');
    await shot(ada, 'i16-replay');

    expect(axeFound).toEqual({ lobby: [], 'waiting room': [], night: [], 'spectator view': [], day: [], vote: [], 'spectator vote, dark': [], 'game over': [], replay: [] });
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
