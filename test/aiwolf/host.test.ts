import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAiwolf } from '../../server/aiwolf/host.ts';
import { InProcessBots, ownUrl } from '../../server/bots/host.ts';
import { readConfig } from '../../server/config.ts';
import { connect } from '../helpers/players.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ bots: (app) => withAiwolf(new InProcessBots({ url: () => ownUrl(app.http.address()), perRoom: 4, thinkMs: [0, 0] }), null) });
});
afterAll(async () => { await server.close(); });

describe('the AIWolf bridge is off unless asked for', () => {
  it('AIWOLF_PORT is unset by default; AIWOLF_HOST defaults to loopback', () => {
    const c = readConfig({});
    expect(c.aiwolfPort).toBeUndefined();
    expect(c.aiwolfHost).toBe('127.0.0.1');
    expect(readConfig({ AIWOLF_PORT: '4181' }).aiwolfPort).toBe(4181);
  });

  it('without a bridge, hello offers only our own bots, bot:add aiwolf is refused with a typed error and our own bots still come', async () => {
    const host = connect(server.url);
    await host.connected();
    for (let i = 0; i < 100 && host.botStrategies.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(host.botStrategies).toEqual(['random', 'smart']);
    await host.request('room:create', { name: 'Ada' });
    const res = await host.send('bot:add', { strategy: 'aiwolf' });
    expect(res.ok ? null : res.error.code).toBe('input/invalid');
    expect((await host.send('bot:add', { strategy: 'smart' })).ok).toBe(true);
    host.close();
  });
});
