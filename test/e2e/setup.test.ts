import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { WerewolfClient } from '../../client/sdk/index.ts';
import { ROLES } from '../../shared/game/catalogue.ts';
import { ROLE_LIST } from '../../shared/game/roles/index.ts';
import { seatBots } from '../helpers/browser/bots.ts';
import { browserStage } from '../helpers/browser/stage.ts';
import { axeProblems, tabTo } from '../helpers/browser/ui.ts';

/** Whether the tip of this chip is shown (it is display: none until hover, focus or a tap). */
const tipShown = (page: Page, chip: string) => page.locator(`${chip} + .setup-tip`).isVisible();

/**
 * The public setup in the browser (docs/rules.md R240–R242) and the role glossary page: the
 * waiting room and a spectator show the roles in play with counts, each role's description on
 * keyboard focus and on a tap; the host's game-mode select changes it live; /roles lists the catalogue.
 */
describe('the setup and the glossary in the browser', () => {
  const stage = browserStage();
  let bots: { client: WerewolfClient }[] = [];
  stage.later(() => { for (const b of bots) b.client.close(); });
  const open = (touch: boolean) => stage.page({ context: { viewport: { width: 390, height: 844 }, isMobile: touch, hasTouch: touch } });

  test('the waiting room and a spectator show the roles in play; a tip on focus and on tap; the mode changes it live', async () => {
    const ada = await open(false);
    await ada.goto(stage.server.url);
    await ada.getByLabel('Your name').fill('Ada');
    await ada.getByRole('button', { name: 'Create room' }).click();
    await ada.waitForURL(/\/room\//);
    const roomId = decodeURIComponent(new URL(ada.url()).pathname.split('/')[2]);
    bots = await seatBots(stage.server.url, roomId, ['Bot Cy', 'Bot Dee', 'Bot Eli', 'Bot Fay']);
    const panel = ada.locator('.pregame .setup-panel');
    // Classic at 5: one werewolf, one seer, three villagers (R3).
    await expect.poll(async () => (await panel.locator('.role-chip').allInnerTexts()).map((t) => t.replace(/^\W+/, '').replace(/\s+/g, ' ')).sort()).toEqual(['Seer × 1', 'Villager × 3', 'Werewolf × 1']);
    expect(await panel.locator('.setup-line').innerText()).toMatch(/Classic, for 5 players/);
    // Keyboard focus shows the description.
    expect(await tabTo(ada, '.setup-panel .role-chip')).toBe(true);
    const focused = await ada.evaluate(() => document.activeElement?.getAttribute('data-key'));
    expect(await tipShown(ada, `.setup-panel [data-key="${focused}"]`)).toBe(true);
    expect(await axeProblems(ada)).toEqual([]);

    // A spectator on a phone sees the same setup and gets a tip by tapping.
    const sam = await open(true);
    await sam.goto(`${stage.server.url}/spectate/${roomId}`);
    const seer = sam.locator('.setup-panel [data-key="setup-seer"]');
    await seer.waitFor();
    expect(await tipShown(sam, '.setup-panel [data-key="setup-seer"]')).toBe(false);
    await seer.tap();
    expect(await tipShown(sam, '.setup-panel [data-key="setup-seer"]')).toBe(true);
    expect(await sam.locator('.setup-panel [data-key="setup-seer"] + .setup-tip').innerText()).toContain(ROLES.seer.summary);

    // The host picks Chaos: before the deal nothing is known; the spectator's panel says so too.
    await ada.locator('select[name="preset"]').selectOption('chaos');
    await expect.poll(() => sam.locator('.setup-panel .setup-line').innerText()).toMatch(/Chaos: roles drawn at random/);
    expect(await sam.locator('.setup-panel .role-chip').count()).toBe(0);
    // AIWolf 15 at 5 players: the form and the panel say why it cannot start, and reveal is locked.
    await ada.locator('select[name="preset"]').selectOption('aiwolf-15');
    await expect.poll(() => ada.locator('.setup-panel .warn').innerText()).toMatch(/AIWolf 15 is for 15 players, not 5/);
    expect(await ada.locator('select[name="reveal"]').isDisabled()).toBe(true);
    expect(await ada.locator('select[name="reveal"]').inputValue()).toBe('none');
    await ada.getByRole('button', { name: 'Start the game' }).click();
    await ada.getByText(/The chosen roles cannot play: AIWolf 15 is for 15 players/).waitFor();
    expect(stage.pageErrors).toEqual([]);
  }, 90_000);

  test('the glossary page lists every role with its team, night order and rules, and is reachable from the lobby', async () => {
    const page = await open(false);
    await page.goto(stage.server.url);
    await page.getByRole('link', { name: /Every role and game mode/ }).click();
    await page.waitForURL(/\/roles$/);
    const entries = page.locator('.role-entry');
    expect(await entries.count()).toBe(ROLE_LIST.length);
    for (const r of ROLE_LIST) {
      const entry = page.locator(`.role-entry[data-role="${r.id}"]`);
      expect(await entry.locator('h2').innerText()).toContain(r.words.name);
      expect(await entry.locator('.rules').innerText()).toBe(r.rules);
      expect(await entry.locator('.night-order').innerText()).toMatch(r.night ? /resolved \d+\w\w of \d+ at dawn/ : /no night action/);
    }
    expect(await axeProblems(page)).toEqual([]);
    // A reload of the address serves the app too.
    await page.goto(`${stage.server.url}/roles`);
    await page.locator('.role-entry').first().waitFor();
    expect(stage.pageErrors).toEqual([]);
  }, 60_000);
});
