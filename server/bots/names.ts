const NAMES = ['Ada', 'Brie', 'Cato', 'Dido', 'Egon', 'Fern', 'Gus', 'Hale', 'Iris', 'Jude', 'Kai', 'Lior', 'Mira', 'Nox', 'Otto', 'Pia', 'Quill', 'Rune', 'Sol', 'Tova'];

/** A bot name nobody in the room has (names are compared ignoring case, R5). */
export function botName(taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  for (let round = 1; ; round++) {
    for (const n of NAMES) {
      const name = round === 1 ? `Bot ${n}` : `Bot ${n} ${round}`;
      if (!used.has(name.toLowerCase())) return name;
    }
  }
}
