import { describe, expect, it } from 'vitest';
import { nameProblem, nameSkeleton, normalizeName } from '../../shared/names.ts';
import { COMMANDS } from '../../shared/protocol.ts';
import { newGame } from '../helpers/game.ts';

describe('[H11 names] names are normalized and look-alikes refused', () => {
  it('[R5] a name is stored NFKC-normalized and trimmed', () => {
    const g = newGame({ players: 1, lobbyOnly: true });
    g.ok({ type: 'room.join', name: '  ｆｕｌｌ  ' });
    expect(g.ctx.players.at(-1)!.name).toBe('full');
  });

  it('[R5] control, bidi-override and zero-width characters are refused with name/invalid', () => {
    const g = newGame({ players: 1, lobbyOnly: true });
    for (const name of ['Ev\u202eil', 'A\u200bda', 'Bob\u0007', 'x\u2066y', 'Z\ufeffed', '   ', 'x'.repeat(25)]) {
      g.refuse({ type: 'room.join', name }, 'name/invalid');
    }
    expect(nameProblem('Ada')).toBeNull();
  });

  it('[R5] a name that looks like another in the room is refused with name/taken', () => {
    const g = newGame({ players: 0, lobbyOnly: true });
    g.ok({ type: 'room.join', name: 'Paul' });
    g.ok({ type: 'room.join', name: 'Olga' });
    g.ok({ type: 'room.join', name: 'Mia' });
    // Cyrillic а, 0 for O, rn for m, 1 for l/I, diacritics, case.
    for (const name of ['P\u0430ul', '0lga', 'rnia', 'M1a', 'PAUL', 'Pâul', 'Ｐａｕｌ']) g.refuse({ type: 'room.join', name }, 'name/taken');
    g.ok({ type: 'room.join', name: 'Paula' });
    expect(nameSkeleton('Olga')).toBe(nameSkeleton('0LGA'));
    expect(normalizeName(' Ⅻ ')).toBe('XII');
  });

  it('[R5] the room:create and room:join schemas normalize and refuse the same names', () => {
    expect(COMMANDS['room:create'].payload.parse({ name: ' ｆｕｌｌ ' }).name).toBe('full');
    expect(COMMANDS['room:create'].payload.safeParse({ name: 'a\u202eb' }).success).toBe(false);
    expect(COMMANDS['room:join'].payload.safeParse({ code: 'ABC', name: 'A\u200bda' }).success).toBe(false);
    expect(COMMANDS['room:join'].payload.safeParse({ code: 'ABC', name: '' }).success).toBe(false);
    const ok = COMMANDS['room:join'].payload.safeParse({ code: 'ABC', name: ' Ada ' });
    expect(ok.success && ok.data.name).toBe('Ada');
  });
});
