import { describe, expect, it } from 'vitest';
import { InProcessBots, ownUrl } from '../../server/bots/host.ts';
import { connect } from '../helpers/players.ts';
import { okOf, until } from '../helpers/script.ts';
import { startServer } from '../helpers/server.ts';

async function scrape(url: string): Promise<string> {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
}
const sample = (text: string, series: string) => Number(text.split('\n').find((l) => l.startsWith(`${series} `))?.split(' ')[1]);

describe('[H11] werewolf_players and werewolf_spectators', () => {
  it('[H11] count human and bot seats (kind label) and spectators at scrape time, without lag', async () => {
    let host!: InProcessBots;
    const server = await startServer({ bots: (app) => (host = new InProcessBots({ url: () => ownUrl(app.http.address()), perRoom: 4, thinkMs: [0, 0], secret: app.internalSecret })) });
    const person = connect(server.url);
    const watcher = connect(server.url);
    await Promise.all([person.connected(), watcher.connected()]);
    const grant = await okOf(person.send('room:create', { name: 'Ada', settings: { maxSeats: 8, allowSpectators: true } }));
    await okOf(person.send('bot:add', {}));
    await okOf(person.send('bot:add', {}));
    await until(person, () => person.view!.players.filter((p) => p.bot && p.connected).length === 2);
    await okOf(watcher.send('room:spectate', { roomId: grant.roomId }));
    await until(person, () => (person.state?.spectators ?? 0) === 1);

    // Well within the 5 s interval the gauges used to wait for.
    let text = await scrape(server.url);
    expect(sample(text, 'werewolf_players{kind="human"}')).toBe(1);
    expect(sample(text, 'werewolf_players{kind="bot"}')).toBe(2);
    expect(sample(text, 'werewolf_spectators')).toBe(1);

    watcher.close();
    await okOf(person.send('room:leave', {}));
    await new Promise((r) => setTimeout(r, 100));
    text = await scrape(server.url);
    expect(sample(text, 'werewolf_players{kind="human"}')).toBe(0);
    expect(sample(text, 'werewolf_spectators')).toBe(0);
    person.close();
    host.close();
    await server.close();
  });
});
