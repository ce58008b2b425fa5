/** A tiny `--name value` / `--flag` parser for the bot CLI and the benches. */
export function parseArgs(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const [k, inline] = a.slice(2).split('=', 2);
    if (inline !== undefined) out.set(k, inline);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out.set(k, argv[++i]);
    else out.set(k, 'true');
  }
  return out;
}

/** "500-2000" or "300" as a [low, high] range of milliseconds. */
export function range(text: string): [number, number] {
  const [a, b] = text.split('-').map(Number);
  if (!Number.isFinite(a) || (b !== undefined && !Number.isFinite(b))) throw new Error(`not a range: ${text}`);
  return [a, b ?? a];
}
