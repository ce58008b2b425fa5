import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WerewolfClient } from '../../client/sdk/index.ts';
import type { RoleId } from '../../shared/roles.ts';
import { seatAudience } from '../../server/rooms/audience.ts';
import { channel } from '../../server/net/session.ts';
import { connect } from '../helpers/players.ts';
import { autoplay, seatBots } from '../helpers/browser/bots.ts';
import { browserStage } from '../helpers/browser/stage.ts';
import { actOnPrompt, phaseOf, spectatorLeaks, unnamedControls } from '../helpers/browser/ui.ts';

const shots = path.resolve('test-artifacts/screenshots');
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const ROOM = 'E2E village';

/**
 * A real Chromium against the real server: Ada (laptop) creates a room and plays a whole game
 * through the UI, Bea (phone) joins by invite link, four protocol bots fill the table, and Sam
 * watches as a spectator whose page must never show a secret.
 */
describe('the browser client', () => {
  const stage = browserStage();
  const { pageErrors } = stage;
  let ada: Page, bea: Page, sam: Page;
  let roomId = '';
  let bots: { client: WerewolfClient; seat: number }[] = [];
  let stopBots = () => {};

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  const open = (viewport: typeof LAPTOP) => stage.page({ context: { viewport, deviceScaleFactor: 1, ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}) } });

  beforeAll(() => { mkdirSync(shots, { recursive: true }); });
  stage.later(() => { stopBots(); for (const b of bots) b.client.close(); });

  afterAll(() => {
    console.log(`screenshots: ${shots}`);
  });

  test('a room is created, listed live, joined by invite link, chatted in and watched', async () => {
    sam = await open(LAPTOP);
    await sam.goto(stage.server.url);
    await expect.poll(() => sam.getByText('No public rooms yet').count()).toBe(1);

    ada = await open(LAPTOP);
    await ada.goto(stage.server.url);
    await ada.getByLabel('Your name').fill('Ada');
    await ada.getByText('Room settings').click();
    await ada.getByLabel('Room name').fill(ROOM);
    // The day is long enough for a loaded box to take the night's screenshots and still see it; it ends once all are ready.
    for (const [label, s] of [['Night', 10], ['Dawn', 1], ['Day talk', 30], ['Vote', 10], ['Execution', 1], ["Hunter's shot", 5]] as const) {
      await ada.getByLabel(label, { exact: true }).fill(String(s));
    }
    await ada.getByLabel('When the vote is tied').selectOption('random');
    await ada.getByRole('button', { name: 'Create room' }).click();
    await ada.waitForURL(/\/room\//);
    roomId = decodeURIComponent(new URL(ada.url()).pathname.split('/')[2]);

    // The lobby list updates without a reload.
    await sam.locator('.room-card', { hasText: ROOM }).waitFor();
    await shot(sam, 'laptop-lobby');
    expect(await unnamedControls(sam)).toEqual([]);

    bea = await open(PHONE);
    await bea.goto(stage.server.url);
    await bea.locator('.room-card', { hasText: ROOM }).waitFor();
    await shot(bea, 'phone-lobby');
    const invite = await ada.getByLabel('Invite link').inputValue();
    expect(invite).toMatch(/\/join\/\w+/);
    await bea.goto(invite);
    await bea.getByLabel('Your name').fill('Bea');
    await bea.getByRole('button', { name: 'Take a seat' }).click();
    await bea.waitForURL(/\/room\//);
    await expect.poll(() => ada.locator('.seats .seat').count()).toBe(2);

    // Two people in one room read each other.
    await ada.getByRole('textbox', { name: 'Write a message' }).fill('hello from Ada');
    await ada.getByRole('button', { name: 'Send' }).click();
    await bea.locator('.messages', { hasText: 'hello from Ada' }).waitFor();
    await bea.getByRole('textbox', { name: 'Write a message' }).fill('hi Ada, <b>Bea</b> here');
    await bea.getByRole('button', { name: 'Send' }).click();
    // Chat is text, never HTML.
    await ada.locator('.messages', { hasText: 'hi Ada, <b>Bea</b> here' }).waitFor();
    expect(await ada.locator('.messages b').count()).toBe(0);

    // Not enough players yet: the start button says why.
    await expect.poll(() => ada.getByText(/At least 5 players are needed/).count()).toBe(1);
    // bot:add is refused with a visible reason, or it seats a bot the host can remove.
    await ada.getByRole('button', { name: 'Add a bot' }).click();
    await expect.poll(async () => (await ada.locator('.seats-panel .error:not([hidden])').count()) + (await ada.locator('.seats .tag-bot').count())).toBeGreaterThan(0);
    if (await ada.locator('.seats .tag-bot').count()) {
      await ada.getByRole('button', { name: /Remove the bot/ }).first().click();
      await expect.poll(() => ada.locator('.seats .tag-bot').count()).toBe(0);
    }

    // The host hands the room over and takes it back, and kicks a latecomer.
    await ada.getByRole('button', { name: 'Make host Bea' }).click();
    await bea.getByRole('button', { name: 'Make host Ada' }).click();
    await ada.getByRole('button', { name: 'Start the game' }).waitFor();
    const kim = connect(stage.server.url);
    await kim.request('room:join', { roomId, name: 'Kim' });
    const kicked = new Promise<string>((resolve) => kim.on('notice', (n) => resolve(n.code)));
    await ada.getByRole('button', { name: 'Kick Kim' }).click();
    expect(await kicked).toBe('room/kicked');
    kim.close();
    await expect.poll(() => ada.locator('.seats .seat').count()).toBe(2);

    bots = await seatBots(stage.server.url, roomId, ['Bot Cy', 'Bot Dee', 'Bot Eli', 'Bot Fay']);
    await expect.poll(() => ada.locator('.seats .seat').count()).toBe(6);
    await sam.locator('.room-card', { hasText: ROOM }).getByRole('button', { name: /Watch/ }).click();
    await sam.waitForURL(/\/spectate\//);
    await ada.getByText('1 spectator').waitFor();

    // A dropped connection: the page says so, reconnects by itself and keeps the seat.
    for (const socket of stage.server.app.io.sockets.sockets.values()) if (socket.rooms.has(channel(roomId, seatAudience(0)))) socket.conn.close();
    await ada.getByText('Connection lost. Reconnecting…').waitFor();
    await expect.poll(() => ada.locator('.connection').innerText(), { timeout: 20_000 }).toBe('');
    await ada.getByRole('textbox', { name: 'Write a message' }).fill('back again');
    await ada.getByRole('button', { name: 'Send' }).click();
    await bea.locator('.messages', { hasText: 'back again' }).waitFor();
    await shot(ada, 'laptop-room');
    await shot(bea, 'phone-room');
    for (const page of [ada, bea, sam]) expect(await unnamedControls(page)).toEqual([]);
  }, 60_000);

  test('Ada plays a whole game in the browser; Sam never sees a secret; a reload keeps the seat', async () => {
    const spare = [0, 1];
    const botSeats = bots.map((b) => b.seat);
    let nightSeen = () => {};
    const beforeNight = new Promise<void>((resolve) => { nightSeen = resolve; });
    stopBots = autoplay(bots.map((b) => b.client), spare, { beforeNight });
    await ada.getByRole('button', { name: 'Start the game' }).click();
    await ada.locator('.role-card .role-name').waitFor();

    // The truth to hold Sam's page against: each seat's own view of its role.
    const truth = new Map<number, RoleId>();
    for (const b of bots) truth.set(b.seat, b.client.view!.you!.role!);
    for (const [seat, page] of [[0, ada], [1, bea]] as const) truth.set(seat, (await page.locator('.player.me').getAttribute('data-role')) as RoleId);
    expect([...truth.values()].filter(Boolean)).toHaveLength(6);
    // The detector detects: a player's own page, which shows her role, fails it.
    expect(await spectatorLeaks(ada, truth)).toContain('a role card is shown');

    const done = new Set<string>();
    const until = Date.now() + 120_000;
    while ((await phaseOf(ada)) !== 'over') {
      expect(Date.now(), 'the game should end within 120 s').toBeLessThan(until);
      expect(await spectatorLeaks(sam, truth)).toEqual([]);
      const phase = await phaseOf(ada);
      const bothAlive = (await ada.locator('.player[data-alive="true"][data-seat="0"], .player[data-alive="true"][data-seat="1"]').count()) === 2;

      if (phase === 'night' && !done.has('night')) {
        done.add('night');
        await shot(ada, 'laptop-night');
        await shot(bea, 'phone-night');
        await shot(sam, 'laptop-spectator-night');
        for (const page of [ada, bea, sam]) expect(await unnamedControls(page)).toEqual([]);
        nightSeen();
      }
      if (phase === 'day' && !done.has('reload')) {
        done.add('reload');
        const role = await ada.locator('.role-card .role-name').innerText();
        await ada.reload();
        await expect.poll(() => ada.locator('.role-card .role-name').innerText()).toBe(role);
        await expect.poll(() => ada.locator('.player.me .pname').innerText()).toBe('Ada');
        continue;
      }
      if (phase === 'day' && bothAlive && !done.has('day-chat')) {
        done.add('day-chat');
        await bea.getByRole('tab', { name: 'Village' }).click();
        await bea.getByRole('textbox', { name: 'Write a message' }).fill('Bea speaks by day');
        await bea.getByRole('button', { name: 'Send' }).click();
        await ada.locator('.messages', { hasText: 'Bea speaks by day' }).waitFor();
        // Two taps of quick talk: the server writes the words with Ada's name, marked as talk.
        const quick = bea.getByRole('toolbar', { name: 'Quick talk' });
        await quick.getByRole('button', { name: 'I vote…' }).click();
        await quick.getByRole('button', { name: 'Ada', exact: true }).click();
        await ada.locator('.messages li', { has: ada.locator('.talk-mark') }).filter({ hasText: 'Ada' }).first().waitFor();
      }
      const acted = await actOnPrompt(ada, botSeats);
      if (acted === 'vote' && bothAlive && !done.has('vote')) {
        done.add('vote');
        // Votes are public here: Bea sees whom Ada voted for, on Ada's card.
        const target = await ada.locator('.prompt .current strong').innerText();
        await bea.locator('.player[data-seat="0"] .ballot', { hasText: `votes ${target}` }).waitFor({ state: 'attached' });
        await shot(ada, 'laptop-vote');
        await shot(bea, 'phone-vote');
      }
      // Bea's vote would close the first vote: she waits until she has seen Ada's.
      if (!(phase === 'vote' && bothAlive && !done.has('vote'))) await actOnPrompt(bea, botSeats);
      await ada.waitForTimeout(100);
    }
    expect([...done].sort()).toEqual(['day-chat', 'night', 'reload', 'vote']);

    await ada.locator('section.over h2', { hasText: /win/ }).waitFor();
    await bea.locator('section.over h2', { hasText: /win/ }).waitFor();
    // At game over every role is revealed, to players and spectators alike.
    for (const page of [ada, bea, sam]) {
      await expect.poll(() => page.locator('.players .player[data-role]').count()).toBe(6);
    }
    for (const [seat, role] of truth) expect(await sam.locator(`.player[data-seat="${seat}"]`).getAttribute('data-role')).toBe(role);
    await shot(ada, 'laptop-over');
    await shot(bea, 'phone-over');
  }, 150_000);

  test('the replay steps through the game with every role, and the host plays again', async () => {
    await ada.getByRole('link', { name: /replay/ }).click();
    await ada.waitForURL(/\/game\//);
    await ada.getByText(/^Step 1 of \d+$/).waitFor();
    await ada.getByRole('button', { name: 'Next step' }).click();
    await ada.getByText(/^Step 2 of \d+$/).waitFor();
    await ada.getByRole('button', { name: 'Next phase' }).click();
    expect(await ada.locator('.replay .players .prole').count()).toBe(6);
    await shot(ada, 'laptop-replay');
    expect(await unnamedControls(ada)).toEqual([]);
    // Dead ends say so.
    await sam.goto(`${stage.server.url}/game/no-such-game`);
    await sam.getByText('No finished game has that id.').waitFor();
    await sam.goto(`${stage.server.url}/join/NOPE`);
    await sam.getByRole('heading', { name: 'Invite not found' }).waitFor();
    await sam.goto(`${stage.server.url}/spectate/${roomId}`);
    await ada.goBack();
    await ada.getByRole('button', { name: 'Play again' }).click();
    await expect.poll(() => phaseOf(bea)).toBe('lobby');
    await expect.poll(() => bea.locator('.seats .seat').count()).toBe(6);
  }, 30_000);

  test('a dead player gets the death screen, then the dead chat, which nobody alive reads', async () => {
    stopBots();
    await ada.getByRole('button', { name: 'Start the game' }).click();
    // On Bea's phone the role card and the players sit in the Players pane, a tap away.
    await bea.locator('.role-card .role-name').waitFor({ state: 'attached' });
    // The village votes out Bea, unless she is the only wolf (that would end the game): then Ada.
    await bea.locator('.player.me[data-role]').waitFor({ state: 'attached' });
    const beaWolf = (await bea.locator('.player.me').getAttribute('data-role')) === 'werewolf';
    const [victim, victimSeat, living] = beaWolf ? [ada, 0, bea] : [bea, 1, ada];
    stopBots = autoplay(bots.map((b) => b.client), [0, 1], { voteFor: victimSeat });
    const until = Date.now() + 60_000;
    while (!(await victim.getByRole('dialog', { name: 'You are dead' }).isVisible())) {
      if (Date.now() > until) throw new Error(`the victim should die by the end of day 1 (phase ${await phaseOf(ada)}, prompts ${await ada.locator('section.prompt').getAttribute('data-prompt')}/${await bea.locator('section.prompt').getAttribute('data-prompt')})`);
      await actOnPrompt(living, [victimSeat]);
      await actOnPrompt(victim, bots.map((b) => b.seat));
      await ada.waitForTimeout(100);
    }
    // Executed by the votes, or killed in the night when the living player is the wolf and picks the victim too.
    await expect.poll(() => victim.getByRole('dialog').innerText()).toMatch(/The village executed you|You were killed in the night/);
    await shot(victim, `${victim === bea ? 'phone' : 'laptop'}-dead`);
    await victim.getByRole('button', { name: 'Follow the game' }).click();
    await victim.getByRole('tab', { name: /Dead/ }).click();
    await victim.getByRole('textbox', { name: 'Write a message' }).fill('a word from beyond');
    await victim.getByRole('button', { name: 'Send' }).click();
    await victim.locator('.messages', { hasText: 'a word from beyond' }).waitFor();
    await living.waitForTimeout(500);
    for (const page of [living, sam]) {
      expect(await page.getByText('a word from beyond').count()).toBe(0);
      expect(await page.getByRole('tab', { name: /Dead/ }).count()).toBe(0);
    }
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
