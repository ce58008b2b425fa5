import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { WerewolfClient } from '../../client/sdk/index.ts';
import { type Ack, ERROR_CODES } from '../../shared/errors.ts';
import { COMMAND_NAMES, COMMANDS, type CommandName, type CommandPayload, type CommandResults, commandEvent, eventName, type EventCommand, isCommand, specOf } from '../../shared/protocol.ts';
import type { GameMove } from '../../server/rooms/commands.ts';
import { handlers } from '../../server/net/handlers.ts';
import { connect } from '../helpers/players.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

/**
 * One valid payload per command, typed as the SDK sends it: the compiler fails here when the table
 * gains a command without one, or when a command's SDK payload type stops matching these.
 */
const SAMPLES: { [C in CommandName]: CommandPayload<C> } = {
  'lobby:watch': { on: false },
  'room:list': {},
  'room:create': { name: 'Ada' },
  'room:join': { code: 'NOSUCHCODE', name: 'Ada' },
  'room:spectate': { code: 'NOSUCHCODE' },
  'room:resume': { token: 'nosuchroom:nosuchsecret' },
  'room:leave': {},
  'room:sync': {},
  'room:settings': { patch: { wolfChat: false } },
  'room:kick': { seat: 1 },
  'room:host': { seat: 1 },
  'game:start': {},
  'game:reset': {},
  'night:act': { action: { kind: 'sleep' } },
  'day:ready': {},
  'day:act': { action: { kind: 'reveal' } },
  'vote:cast': { target: null },
  'hunter:shoot': { target: null },
  'chat:send': { channel: 'lobby', text: 'hello' },
  'bot:add': { strategy: 'random' },
  'bot:remove': { seat: 1 },
};

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server.close(); });

describe('the command table (shared/commands.ts) is the one list of commands', () => {
  it('every command has a schema that accepts its sample, a handler, and an SDK type', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(Object.keys(handlers).sort()).toEqual([...COMMAND_NAMES].sort());
    for (const name of COMMAND_NAMES) {
      expect(typeof handlers[name], name).toBe('function');
      expect(specOf(name).payload.safeParse(SAMPLES[name]).success, name).toBe(true);
      expect(isCommand(name)).toBe(true);
    }
    // The SDK's send takes exactly the table's names, with the table's payload and ack types.
    expectTypeOf<Parameters<WerewolfClient['send']>[0]>().toEqualTypeOf<CommandName>();
    expectTypeOf<WerewolfClient['send']>().toExtend<(n: 'vote:cast', p: CommandPayload<'vote:cast'>) => Promise<Ack<CommandResults['vote:cast']>>>();
    expectTypeOf<WerewolfClient['request']>().toExtend<(n: 'chat:send', p: CommandPayload<'chat:send'>) => Promise<{ id: number }>>();
    expectTypeOf<CommandResults['room:join']>().toEqualTypeOf<{ roomId: string; code: string; seat: number; token: string }>();
  });

  it('names that are not commands are not commands, inherited object keys included', () => {
    for (const name of ['room:destroy', 'toString', '__proto__', 'constructor', 'room.join', '']) expect(isCommand(name), name).toBe(false);
  });

  it('a command becomes the machine event named after it, with the sender as `seat`', () => {
    const built = (Object.keys(COMMANDS) as CommandName[]).filter((c): c is EventCommand => specOf(c).event !== undefined);
    expect(built.sort()).toEqual(['chat:send', 'day:act', 'day:ready', 'game:reset', 'game:start', 'hunter:shoot', 'night:act', 'room:host', 'room:kick', 'room:leave', 'room:settings', 'vote:cast']);
    const kick = commandEvent('room:kick', 0, { seat: 3 });
    expect(kick).toEqual({ type: 'room.kick', seat: 0, target: 3 });
    // A payload can never speak for another seat: the sender's seat wins over any field of that name.
    expect(commandEvent('vote:cast', 2, { target: 4 })).toEqual({ type: 'vote.cast', seat: 2, target: 4 });
    for (const name of built) expect(commandEvent(name, 5, SAMPLES[name]).type).toBe(eventName(name));
    expectTypeOf(kick).toExtend<GameMove>();
  });

  it('from outside a room, every command gets a typed answer; those that need a room get room/not-member', async () => {
    const c = connect(server.url);
    await c.connected();
    try {
      for (const name of COMMAND_NAMES) {
        if (name === 'room:create') continue; // it would succeed and enter a room
        const res = await c.send(name, SAMPLES[name]);
        if (!res.ok) expect(Object.keys(ERROR_CODES), name).toContain(res.error.code);
        if (specOf(name).needs !== 'anyone') expect(res, name).toMatchObject({ ok: false, error: { code: 'room/not-member' } });
        else if (name === 'lobby:watch' || name === 'room:list') expect(res, name).toMatchObject({ ok: true });
        else expect(res, name).toMatchObject({ ok: false });
      }
    } finally {
      c.close();
    }
  });

  it('an unknown command is refused with input/unknown-command, with or without a payload', async () => {
    const s = io(server.url, { transports: ['websocket'], forceNew: true, auth: { protocol: 1 } });
    await new Promise<void>((r) => s.once('connect', () => r()));
    try {
      const unknown: [string, ...unknown[]][] = [['room:destroy', {}], ['toString', {}], ['room.join', { name: 'Ada' }], ['nothing']];
      for (const [event, ...payload] of unknown) {
        const res = await s.timeout(3000).emitWithAck(event, ...payload);
        expect(res, event).toMatchObject({ ok: false, error: { code: 'input/unknown-command', message: expect.any(String) } });
      }
      // The socket keeps working.
      expect(await s.timeout(3000).emitWithAck('room:list', {})).toMatchObject({ ok: true });
    } finally {
      s.close();
    }
  });
});
