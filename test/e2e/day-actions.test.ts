import { describe, expect, test } from 'vitest';
import type { WerewolfClient } from '../../client/sdk/index.ts';
import { autoplay } from '../helpers/browser/bots.ts';
import { browserStage } from '../helpers/browser/stage.ts';
import { phaseOf } from '../helpers/browser/ui.ts';
import { seatPlayers } from '../helpers/players.ts';

/**
 * A role's day action in the browser (rules R82, R150): five protocol players start a game with a
 * mayor; the mayor's seat is then taken over by a browser page (its token in storage, as after a
 * reload), which shows the reveal as a button in the day panel, asks before doing it, sends
 * `day:act`, and tells it in the story.
 */
describe('[R82] [R150] a day action in the browser', () => {
  const stage = browserStage();
  const { pageErrors } = stage;
  let clients: WerewolfClient[] = [];
  let stop = () => {};
  stage.later(() => { stop(); for (const c of clients) c.close(); });

  test('the mayor reveals himself with a confirmed button, and the story tells it', async () => {
    const room = await seatPlayers(stage.server.url, 5, { roles: { werewolf: 1, mayor: 1 }, durations: { night: 30, dawn: 1, day: 60, vote: 60, execution: 1, hunter: 5 } });
    clients = room.clients;
    await clients[0].request('game:start', {});
    await expect.poll(() => clients.every((c) => c.view?.you?.role)).toBe(true);
    const mayor = clients.find((c) => c.view!.you!.role === 'mayor')!;
    const seat = mayor.view!.you!.seat;
    const token = mayor.token!;
    // The others play on their own, and spare the mayor's seat.
    const others = clients.filter((c) => c !== mayor);
    stop = autoplay(others, [seat]);
    mayor.close();

    const page = await stage.seatPage(room.roomId, token);
    await page.locator('.role-card .role-name', { hasText: 'Mayor' }).waitFor();
    // By night there is no day action; the mayor sleeps.
    await expect.poll(() => phaseOf(page), { timeout: 20_000 }).toBe('night');
    expect(await page.locator('.day-actions').count()).toBe(0);
    await page.getByRole('button', { name: 'Sleep' }).click();
    await expect.poll(() => phaseOf(page), { timeout: 20_000 }).toBe('day');

    const button = page.locator('.prompt').getByRole('button', { name: 'Reveal yourself as the mayor' });
    await button.waitFor();
    await expect.poll(() => page.locator('.day-action .hint').innerText()).toContain('your vote will count twice');
    // Asked first; "Not now" does nothing.
    await button.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Not now' }).click();
    expect(await page.locator('.timeline li[data-kind="act"]').count()).toBe(0);
    // Confirmed, it is sent and the story tells it; the button is gone.
    await button.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reveal yourself as the mayor' }).click();
    await page.locator('.timeline li[data-kind="act"]', { hasText: 'reveals himself as the mayor' }).waitFor();
    await page.locator('.timeline li[data-kind="reveal"]', { hasText: 'mayor' }).waitFor();
    await expect.poll(() => page.locator('.day-actions').count()).toBe(0);
    // Everyone sees his role now.
    await expect.poll(() => others[0].view!.players[seat].role).toBe('mayor');
    expect(pageErrors).toEqual([]);
  }, 90_000);

  test('[R160] the little girl\'s prompt renders with the generic panel, and her role card tells what she overheard', async () => {
    stop();
    for (const c of clients) c.close();
    const room = await seatPlayers(stage.server.url, 5, { roles: { werewolf: 1, 'little-girl': 1 }, durations: { night: 60, dawn: 1, day: 60, vote: 60, execution: 1, hunter: 5 } });
    clients = room.clients;
    await clients[0].request('game:start', {});
    await expect.poll(() => clients.every((c) => c.view?.you?.role)).toBe(true);
    const girl = clients.find((c) => c.view!.you!.role === 'little-girl')!;
    const wolf = clients.find((c) => c.view!.you!.role === 'werewolf')!;
    const seat = girl.view!.you!.seat;
    const token = girl.token!;
    stop = autoplay(clients.filter((c) => c !== girl && c !== wolf), [seat]);
    girl.close();

    const page = await stage.seatPage(room.roomId, token);
    await page.locator('.role-card .role-name', { hasText: 'Little girl' }).waitFor();
    const prompt = page.locator('.prompt[data-prompt="peek"]');
    await prompt.getByRole('heading', { name: /peek at the werewolves/ }).waitFor();
    // No targets to pick: a yes/no and a confirm that says what it does.
    expect(await prompt.locator('.target').count()).toBe(0);
    await prompt.getByRole('button', { name: 'Sleep' }).waitFor();
    await prompt.getByLabel('Peek at the werewolves').check();
    await prompt.getByRole('button', { name: 'Peek' }).click();
    await expect.poll(() => page.locator('.prompt').getAttribute('data-prompt')).not.toBe('peek');
    await wolf.request('chat:send', { channel: 'wolves', text: 'nobody saw us' });
    await page.locator('.role-card .fact', { hasText: 'a werewolf wrote: “nobody saw us”' }).waitFor();
    // Without its author, and the wolves' channel itself stays closed to her.
    expect(await page.locator('.role-card').innerText()).not.toContain(wolf.view!.players[wolf.view!.you!.seat].name);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
