import { describe, expect, it } from 'vitest';
import { CHAT_KEPT } from '../../shared/game/chat.ts';
import { VIEW_CHAT } from '../../shared/game/views.ts';
import type { ChatChannel } from '../../shared/views.ts';
import { newGame, type TestGame } from '../helpers/game.ts';

const say = (g: TestGame, seat: number, channel: ChatChannel, text = `${channel} from ${seat}`) => g.send({ type: 'chat.send', seat, channel, text });
const texts = (g: TestGame, who: number | 'spectator') => g.view(who).chat.map((m) => m.text);

describe('chat', () => {
  it('[R60] anyone seated writes in the lobby channel in the lobby and when the game is over, not during it', () => {
    const g = newGame({ players: 5, roles: { werewolf: 1 }, lobbyOnly: true });
    expect(say(g, 3, 'lobby')).toBeNull();
    g.refuse({ type: 'chat.send', seat: 3, channel: 'day', text: 'hi' }, 'chat/not-allowed');
    g.refuse({ type: 'chat.send', seat: 9, channel: 'lobby', text: 'hi' }, 'chat/not-allowed');
    g.ok({ type: 'game.start', seat: 0, seed: 1 });
    g.refuse({ type: 'chat.send', seat: 3, channel: 'lobby', text: 'hi' }, 'chat/not-allowed');
    const wolf = g.seat('werewolf');
    g.ok({ type: 'room.leave', seat: wolf });
    expect(g.phase).toBe('over');
    expect(say(g, g.others([wolf])[0], 'lobby')).toBeNull();
  });

  it('[R61] the living write in the day channel from dawn to the hunter phase, never at night', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1, hunter: 1 } });
    const hunter = g.seat('hunter');
    const v = g.others([hunter])[0];
    g.refuse({ type: 'chat.send', seat: v, channel: 'day', text: 'hi' }, 'chat/not-allowed');
    g.wolvesPick(hunter).until('dawn');
    expect(say(g, v, 'day')).toBeNull();
    g.refuse({ type: 'chat.send', seat: hunter, channel: 'day', text: 'hi' }, 'chat/not-allowed');
    g.expire();
    expect(g.phase).toBe('hunter');
    expect(say(g, v, 'day')).toBeNull();
    g.expire();
    for (const phase of ['day', 'vote', 'execution'] as const) {
      g.until(phase);
      expect(say(g, v, 'day')).toBeNull();
    }
  });

  it('[R62] living werewolves write in the wolves channel at night, when wolf chat is on', () => {
    const g = newGame({ players: 8, roles: { werewolf: 2 } });
    const [w1, w2] = g.seats('werewolf');
    const v = g.others()[0];
    expect(say(g, w1, 'wolves')).toBeNull();
    g.refuse({ type: 'chat.send', seat: v, channel: 'wolves', text: 'let me in' }, 'chat/not-allowed');
    g.until('day');
    g.refuse({ type: 'chat.send', seat: w1, channel: 'wolves', text: 'psst' }, 'chat/not-allowed');
    g.until('vote').everyoneVotes(w2).until('night');
    g.refuse({ type: 'chat.send', seat: w2, channel: 'wolves', text: 'from beyond' }, 'chat/not-allowed');
    const off = newGame({ players: 8, roles: { werewolf: 2 }, settings: { wolfChat: false } });
    off.refuse({ type: 'chat.send', seat: w1, channel: 'wolves', text: 'psst' }, 'chat/not-allowed');
  });

  it('[R63] the dead write in the dead channel during the game, when dead chat is on; leavers nowhere', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1 } });
    const [victim, leaver, v] = g.others();
    g.refuse({ type: 'chat.send', seat: v, channel: 'dead', text: 'boo' }, 'chat/not-allowed');
    g.wolvesPick(victim).until('day');
    expect(say(g, victim, 'dead')).toBeNull();
    g.refuse({ type: 'chat.send', seat: victim, channel: 'day', text: 'boo' }, 'chat/not-allowed');
    g.ok({ type: 'room.leave', seat: leaver });
    for (const channel of ['lobby', 'day', 'wolves', 'dead'] as const) g.refuse({ type: 'chat.send', seat: leaver, channel, text: 'x' }, 'chat/not-allowed');
    const off = newGame({ players: 6, roles: { werewolf: 1 }, settings: { deadChat: false } });
    off.wolvesPick(victim).until('day');
    off.refuse({ type: 'chat.send', seat: victim, channel: 'dead', text: 'boo' }, 'chat/not-allowed');
  });

  it('[R64] messages are trimmed, 1–500 characters; the game keeps the last 200, a view the last 50', () => {
    const g = newGame({ players: 5, lobbyOnly: true });
    g.refuse({ type: 'chat.send', seat: 1, channel: 'lobby', text: '   ' }, 'chat/empty');
    g.refuse({ type: 'chat.send', seat: 1, channel: 'lobby', text: 'x'.repeat(501) }, 'chat/too-long');
    g.ok({ type: 'chat.send', seat: 1, channel: 'lobby', text: `  ${'y'.repeat(500)}  ` });
    expect(g.ctx.chat[0]).toMatchObject({ id: 1, channel: 'lobby', seat: 1, name: 'P1', text: 'y'.repeat(500), at: g.now });
    for (let i = 0; i < 250; i++) g.ok({ type: 'chat.send', seat: 2, channel: 'lobby', text: `m${i}` });
    expect(g.ctx.chat).toHaveLength(CHAT_KEPT);
    expect(g.ctx.chat.at(-1)).toMatchObject({ id: 251, text: 'm249' });
    expect(texts(g, 'spectator')).toHaveLength(VIEW_CHAT);
    expect(texts(g, 'spectator').at(-1)).toBe('m249');
    expect(VIEW_CHAT).toBe(50);
    expect(CHAT_KEPT).toBe(200);
  });

  it('[R64] ids count within each channel, so a reader never sees a gap left by a channel it may not read', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1 } });
    const wolf = g.seat('werewolf');
    const [victim, v] = g.others();
    say(g, wolf, 'wolves', 'one');
    say(g, wolf, 'wolves', 'two');
    g.wolvesPick(victim).until('day');
    say(g, v, 'day', 'first day message');
    say(g, victim, 'dead', 'boo');
    say(g, v, 'day', 'second day message');
    const ids = (who: number | 'spectator') => g.view(who).chat.map((m) => `${m.channel}#${m.id}`);
    expect(ids(v)).toEqual(['day#1', 'day#2']);
    expect(ids('spectator')).toEqual(['day#1', 'day#2']);
    expect(ids(wolf)).toEqual(['wolves#1', 'wolves#2', 'day#1', 'day#2']);
  });

  it('[R65] readers: lobby and day for all, wolves for werewolves, dead for the dead; all of it once over', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1 } });
    const wolf = g.seat('werewolf');
    const [victim, v] = g.others();
    say(g, wolf, 'wolves', 'pack talk');
    g.wolvesPick(victim).until('day');
    say(g, victim, 'dead', 'grave talk');
    say(g, v, 'day', 'day talk');
    expect(texts(g, wolf)).toEqual(['pack talk', 'day talk']);
    expect(texts(g, victim)).toEqual(['grave talk', 'day talk']);
    expect(texts(g, v)).toEqual(['day talk']);
    expect(texts(g, 'spectator')).toEqual(['day talk']);
    // A dead werewolf still reads the pack.
    g.until('vote').everyoneVotes(wolf);
    expect(g.phase).toBe('execution');
    expect(texts(g, wolf)).toEqual(['pack talk', 'grave talk', 'day talk']);
    g.expire();
    expect(g.phase).toBe('over');
    for (const who of [v, 'spectator' as const]) expect(texts(g, who)).toEqual(['pack talk', 'grave talk', 'day talk']);
  });

  it('[R65] spectators read the dead only when the setting says so', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1 }, settings: { spectatorsSeeDeadChat: true } });
    const victim = g.others()[0];
    g.wolvesPick(victim).until('day');
    say(g, victim, 'dead', 'grave talk');
    expect(texts(g, 'spectator')).toEqual(['grave talk']);
    expect(texts(g, g.others()[0])).toEqual([]);
  });
});
