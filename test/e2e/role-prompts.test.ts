import { describe, expect, test } from 'vitest';
import type { WerewolfClient } from '../../client/sdk/index.ts';
import { NIGHT_ORDER, ROLE_MODULES } from '../../shared/game/roles/index.ts';
import { browserStage } from '../helpers/browser/stage.ts';
import { seatPlayers } from '../helpers/players.ts';

/**
 * Every night role of the catalogue, on the first night, in a real browser: the holder's seat is
 * taken over by a page (its token in storage, as after a reload), whose role card names the role
 * the seat is shown (the fool sees the seer's) and whose prompt panel draws that role's prompt,
 * from the module's words and form alone, without a page error. Roles that act only later (the
 * white werewolf's own kill) still show the pack's prompt on night 1.
 */
describe('[R20] [R76] every night role\'s prompt in the browser', () => {
  const stage = browserStage();
  const { pageErrors } = stage;
  let clients: WerewolfClient[] = [];
  stage.later(() => { for (const c of clients) c.close(); });

  test('each role\'s card and night panel render', async () => {
    const rendered: string[] = [];
    for (const role of NIGHT_ORDER) {
      for (const c of clients) c.close();
      const roles = role.night!.pack ? { [role.id]: 1 } : { werewolf: 1, [role.id]: 1 };
      const room = await seatPlayers(stage.server.url, 6, { roles, durations: { night: 120, dawn: 1, day: 60, vote: 60, execution: 1, hunter: 5 } });
      clients = room.clients;
      await clients[0].request('game:start', {});
      await expect.poll(() => clients.every((c) => c.view?.you?.role)).toBe(true);
      // The seat holding the role, as its own view names it (the fool's says seer; no seer is dealt here).
      const shown = role.believes ?? role.id;
      const holder = clients.find((c) => c.view!.you!.role === shown)!;
      expect(holder, role.id).toBeDefined();
      const kind = holder.view!.you!.prompt?.kind;
      expect(kind, `${role.id}'s prompt`).toBeDefined();
      const token = holder.token!;
      holder.close();

      const page = await stage.seatPage(room.roomId, token, { tag: role.id });
      await page.locator('.role-card .role-name', { hasText: ROLE_MODULES.get(shown)!.words.name }).waitFor();
      const prompt = page.locator(`.prompt[data-prompt="${kind}"]`);
      await prompt.getByRole('heading').first().waitFor();
      // A panel to answer with: target buttons, or (a yes/no such as the little girl's) a confirm.
      expect(await prompt.getByRole('button').count(), `${role.id}'s buttons`).toBeGreaterThan(0);
      rendered.push(role.id);
      await page.context().close();
    }
    expect(rendered).toEqual(NIGHT_ORDER.map((r) => r.id));
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
