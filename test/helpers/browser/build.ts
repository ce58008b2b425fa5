import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
export const publicDir = path.join(root, 'public');
const bundle = path.join(publicDir, 'app', 'main.js');
const lock = path.join(root, 'test-artifacts', '.web-build.lock');
const SOURCES = ['client/web', 'client/sdk', 'shared'].map((d) => path.join(root, d));

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function fresh(): boolean {
  try { return statSync(bundle).mtimeMs > Math.max(...SOURCES.map(newest)); } catch { return false; }
}

/**
 * Build the browser app into public/app/ with vite's JS API, unless the bundle is newer than every
 * source it is made of. A lock directory keeps two test files from building at once.
 */
export async function buildWeb(): Promise<string> {
  mkdirSync(path.dirname(lock), { recursive: true });
  const until = Date.now() + 120_000;
  for (;;) {
    try { mkdirSync(lock); break; } catch {
      // A lock older than two minutes was left by a killed run.
      try { if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true }); } catch { /* gone meanwhile */ }
      if (Date.now() > until) throw new Error(`gave up waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (!fresh()) {
      const { build } = await import('vite');
      await build({ configFile: path.join(root, 'client/web/vite.config.ts'), logLevel: 'warn' });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return publicDir;
}
