import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

const NAMES = ['chromium', 'chromium-browser'];

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    if (dir && existsSync(file)) return file;
  }
  return null;
}

/**
 * Debian's `chromium`: from CHROMIUM_PATH, else on PATH. When it is missing and we are root (as in
 * CI), install it with apt-get; otherwise fail with the package to install.
 */
export function chromiumPath(): string {
  const given = process.env.CHROMIUM_PATH;
  if (given && existsSync(given)) return given;
  const found = NAMES.map(onPath).find(Boolean);
  if (found) return found;
  if (process.getuid?.() === 0) {
    execFileSync('apt-get', ['update'], { stdio: 'inherit', timeout: 180_000 });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', timeout: 600_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const installed = NAMES.map(onPath).find(Boolean);
    if (installed) return installed;
  }
  throw new Error('Chromium was not found: install the Debian package "chromium" (apt-get install -y chromium), or set CHROMIUM_PATH.');
}

/** A headless Chromium with a fresh profile (playwright makes one per launch) and no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    timeout: 30_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
