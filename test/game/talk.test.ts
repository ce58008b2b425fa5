import { describe, expect, it } from 'vitest';
import { specOf } from '../../shared/protocol.ts';
import type { Talk } from '../../shared/talk.ts';
import { speak } from '../../shared/game/talk-words.ts';
import { newGame } from '../helpers/game.ts';

const chat = specOf('chat:send').payload;
const claim = (seat: number | 'any', role = 'seer'): Talk => ({ kind: 'claim', seat, role });

describe('talk (R66)', () => {
  it('[R66] the schema refuses malformed talk: unknown kinds and roles, extra keys, bad seats and refs, too deep or too big', () => {
    const bad: unknown[] = [
      { channel: 'day' },
      { channel: 'day', talk: { kind: 'shout', seat: 1 } },
      { channel: 'day', talk: claim(1, 'Pope!') },
      { channel: 'day', talk: { ...claim(1), extra: 1 } },
      { channel: 'day', talk: claim(-1) },
      { channel: 'day', talk: claim(1.5) },
      { channel: 'day', talk: { kind: 'divined', seat: 1, species: 'village' } },
      { channel: 'day', talk: { kind: 'agree', ref: { channel: 'day', id: 0 } } },
      { channel: 'day', talk: { kind: 'agree', ref: { channel: 'secret', id: 1 } } },
      { channel: 'day', talk: { kind: 'and', parts: [claim(1)] } },
      { channel: 'day', talk: { kind: 'xor', parts: [claim(1), claim(2), claim(3)] } },
      { channel: 'day', talk: { kind: 'not', what: { kind: 'not', what: { kind: 'not', what: { kind: 'not', what: claim(1) } } } } },
      { channel: 'day', talk: { kind: 'or', parts: Array.from({ length: 13 }, (_, i) => claim(i)) } },
      { channel: 'day', talk: 'COMINGOUT Agent[01] SEER' },
    ];
    for (const p of bad) expect(chat.safeParse(p).success, JSON.stringify(p)).toBe(false);
    const good: unknown[] = [
      { channel: 'day', talk: { kind: 'skip' } },
      { channel: 'day', text: 'hi', talk: { kind: 'vote', seat: 2 } },
      { channel: 'day', talk: { kind: 'request', to: 'any', what: { kind: 'vote', seat: 3 } } },
      { channel: 'day', talk: { kind: 'because', reason: { kind: 'voted', seat: 1, subject: 2 }, then: { kind: 'day', day: 1, what: { kind: 'identified', seat: 4, species: 'werewolf' } } } },
    ];
    for (const p of good) expect(chat.safeParse(p).success, JSON.stringify(p)).toBe(true);
  });

  it('[R66] a room refuses talk naming seats it has not, roles the catalogue has not, or messages its sender cannot read or that do not exist yet', () => {
    const g = newGame({ players: 6, roles: { werewolf: 2 } });
    const [w1, w2] = g.seats('werewolf');
    const v = g.others()[0];
    g.ok({ type: 'chat.send', seat: w1, channel: 'wolves', text: 'psst' });
    g.refuse({ type: 'chat.send', seat: w2, channel: 'wolves', text: '', talk: { kind: 'attack', seat: 9 } }, 'chat/bad-talk');
    // A role id of the right shape that the catalogue has not.
    g.refuse({ type: 'chat.send', seat: w2, channel: 'wolves', text: '', talk: { kind: 'claim', seat: w2, role: 'pope' } }, 'chat/bad-talk');
    g.ok({ type: 'chat.send', seat: w2, channel: 'wolves', text: '', talk: { kind: 'agree', ref: { channel: 'wolves', id: 1 } } });
    g.until('dawn');
    g.refuse({ type: 'chat.send', seat: v, channel: 'day', text: '', talk: { kind: 'agree', ref: { channel: 'wolves', id: 1 } } }, 'chat/bad-talk');
    g.refuse({ type: 'chat.send', seat: v, channel: 'day', text: '', talk: { kind: 'agree', ref: { channel: 'day', id: 1 } } }, 'chat/bad-talk');
    g.refuse({ type: 'chat.send', seat: v, channel: 'day', text: '  ' }, 'chat/empty');
  });

  it('[R66] sent without text, the room writes the words with names; the message carries the talk', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1, seer: 1 } });
    const seer = g.seat('seer');
    const wolf = g.seat('werewolf');
    g.wolvesPick(g.others([seer])[0]).until('dawn');
    const talk: Talk = { kind: 'and', parts: [claim(seer), { kind: 'divined', seat: wolf, species: 'werewolf' }] };
    g.ok({ type: 'chat.send', seat: seer, channel: 'day', text: '', talk });
    const m = g.view('spectator').chat.at(-1)!;
    expect(m.talk).toEqual(talk);
    expect(m.text).toContain(g.view('spectator').players[wolf].name);
    expect(m.text).toMatch(/seer/);
    g.ok({ type: 'chat.send', seat: wolf, channel: 'day', text: '', talk: { kind: 'disagree', ref: { channel: 'day', id: m.id } } });
    expect(g.view('spectator').chat.at(-1)!.text).toContain(m.name);
    // Own words win over the spoken ones.
    g.ok({ type: 'chat.send', seat: seer, channel: 'day', text: 'Trust me', talk: claim(seer) });
    expect(g.view('spectator').chat.at(-1)!.text).toBe('Trust me');
  });

  it('speaks every kind in plain words, the same for the same seed and varied across seeds', () => {
    const names = ['Ada', 'Bea', 'Cato', 'Dido'];
    const ctx = { speaker: 1, name: (s: number) => names[s], author: () => 2 };
    const every: Talk[] = [
      claim(1), claim(2, 'villager'), { kind: 'estimate', seat: 3, role: 'werewolf' }, { kind: 'divined', seat: 0, species: 'human' },
      { kind: 'identified', seat: 3, species: 'werewolf' }, { kind: 'accuse', seat: 3 }, { kind: 'defend', seat: 1 }, { kind: 'vote', seat: 2 },
      { kind: 'voted', seat: 2, subject: 0 }, { kind: 'attack', seat: 0 }, { kind: 'attacked', seat: 0 }, { kind: 'divination', seat: 3 },
      { kind: 'guard', seat: 0 }, { kind: 'guarded', seat: 0 }, { kind: 'agree', ref: { channel: 'day', id: 1 } },
      { kind: 'disagree', ref: { channel: 'day', id: 1 } }, { kind: 'request', to: 0, what: { kind: 'vote', seat: 3 } },
      { kind: 'inquire', to: 'any', what: claim('any') }, { kind: 'because', reason: { kind: 'voted', seat: 0, subject: 3 }, then: { kind: 'vote', seat: 3 } },
      { kind: 'or', parts: [{ kind: 'accuse', seat: 2 }, { kind: 'accuse', seat: 3 }] }, { kind: 'xor', parts: [{ kind: 'accuse', seat: 2 }, { kind: 'accuse', seat: 3 }] },
      { kind: 'not', what: { kind: 'accuse', seat: 0 } }, { kind: 'day', day: 2, what: { kind: 'divined', seat: 3, species: 'werewolf' } }, { kind: 'skip' }, { kind: 'over' },
    ];
    for (const t of every) {
      const words = speak(t, ctx, 7);
      expect(words).toBe(speak(t, ctx, 7));
      expect(words).toMatch(/^[A-Z].*[.?!]$/);
      expect(words).not.toMatch(/\d|Agent|undefined|\[/);
    }
    const variants = new Set(Array.from({ length: 20 }, (_, seed) => speak({ kind: 'vote', seat: 2 }, ctx, seed)));
    expect(variants.size).toBeGreaterThan(1);
    expect([...variants].every((w) => w.includes('Cato'))).toBe(true);
  });
});
