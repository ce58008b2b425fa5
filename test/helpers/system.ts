import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Find a system program on the PATH; when it is missing and we are root on Debian, install its
 * package with apt-get; otherwise fail loudly naming the package. Never a silent skip.
 */
export function ensureProgram(program: string, debianPackage: string): string {
  const found = which(program);
  if (found) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = which('apt-get');
  if (root && apt) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const r = spawnSync('apt-get', ['install', '-y', '-qq', debianPackage], { stdio: 'inherit', env });
    const after = which(program);
    if (r.status === 0 && after) return after;
  }
  throw new Error(`This test needs "${program}" on the PATH. Install the Debian package "${debianPackage}" (apt-get install ${debianPackage}).`);
}

function which(program: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
