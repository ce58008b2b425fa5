const NAMES = ['Ada', 'Brie', 'Cato', 'Dido', 'Egon', 'Fern', 'Gus', 'Hale', 'Iris', 'Jude', 'Kai', 'Lior', 'Mira', 'Nox', 'Otto', 'Pia', 'Quill', 'Rune', 'Sol', 'Tova'];

/**
 * A bot name nobody in the room has (names are compared ignoring case, R5), and that copies no
 * one's name either: "Bot Ada" beside a person called Ada would read as her, in chat and in the
 * bots' talk alike, so a base name somebody already goes by is passed over.
 */
export function botName(taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  // The words of the people's names (a bot's own "Bot Ada" does not bar "Bot Ada 2").
  const words = new Set(taken.filter((n) => !/^bot\s/i.test(n)).flatMap((n) => n.toLowerCase().split(/\s+/)));
  const free = NAMES.filter((n) => !words.has(n.toLowerCase()));
  const pool = free.length ? free : NAMES;
  for (let round = 1; ; round++) {
    for (const n of pool) {
      const name = round === 1 ? `Bot ${n}` : `Bot ${n} ${round}`;
      if (!used.has(name.toLowerCase())) return name;
    }
  }
}
