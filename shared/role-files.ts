import { readdirSync } from 'node:fs';

/**
 * Under node (tsx: the server, the bots' CLI, the benches) there is no bundler to list a folder at
 * build time, so the role catalogue imports every module of its folder here. Kept out of
 * shared/game, whose rules do no I/O; the browser and vitest use Vite's import.meta.glob instead
 * and never load this file.
 */
export async function importFolder(moduleUrl: string, skip: (file: string) => boolean): Promise<Record<string, unknown>> {
  const folder = new URL('./', moduleUrl);
  const out: Record<string, unknown> = {};
  const files = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !skip(f)).sort();
  for (const f of files) out[`./${f}`] = await import(new URL(f, folder).href);
  return out;
}
