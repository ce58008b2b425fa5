import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AiwolfBridge } from '../../server/aiwolf/bridge.ts';
import { withAiwolf } from '../../server/aiwolf/host.ts';
import { InProcessBots, ownUrl } from '../../server/bots/host.ts';
import { buildWeb } from '../helpers/browser/build.ts';
import { launchChromium } from '../helpers/browser/chromium.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { dice, TestAgent } from '../helpers/aiwolf/agent.ts';

/**
 * The waiting room's "Let AIWolf agents take the seats", in a real Chromium against a server whose
 * bridge listens: two agents wait, the host asks for three seats, two are taken and the third
 * refusal (no agent waiting) is shown.
 */
describe('the host lets AIWolf agents take seats from the browser', () => {
  let server: TestServer;
  let bridge: AiwolfBridge;
  let browser: Browser;
  let port = 0;
  beforeAll(async () => {
    const publicDir = await buildWeb();
    bridge = new AiwolfBridge({ url: () => server.url, port: 0, random: dice(3) });
    port = await bridge.listen();
    server = await startServer({ publicDir, bots: (app) => withAiwolf(new InProcessBots({ url: () => ownUrl(app.http.address()), perRoom: 4, thinkMs: [0, 0] }), bridge) });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => { await browser?.close(); await bridge?.close(); await server?.close(); });

  it('two waiting agents take two of three asked seats, shown as bots; the refusal is said', async () => {
    const agents = [0, 1].map((i) => new TestAgent(port, { name: `web${i}` }, dice(40 + i)));
    await expect.poll(() => bridge.waiting, { timeout: 5000 }).toBe(2);
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(server.url);
    await page.getByLabel('Your name').fill('Ada');
    await page.getByRole('button', { name: 'Create room' }).click();
    await page.waitForURL(/\/room\//);
    await page.getByLabel('AIWolf agents').fill('3');
    await page.getByRole('button', { name: 'Let AIWolf agents take the seats' }).click();
    await page.getByText('2 of 3 seats taken by AIWolf agents.').waitFor();
    await expect.poll(() => page.locator('.seat .tag-bot').count()).toBe(2);
    await page.getByRole('alert').filter({ hasText: 'No AIWolf agent is waiting' }).waitFor();
    expect(bridge.waiting).toBe(0);
    for (const a of agents) a.close();
  }, 60_000);
});
