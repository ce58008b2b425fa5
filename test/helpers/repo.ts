import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root, for the tests that read its docs and sources. */
export const ROOT = new URL('../../', import.meta.url).pathname;

/** A file of the repository, by its path from the root. */
export const readRepo = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The files under `dir` (a path from the root) whose names end with `suffix`, recursively. */
export function repoFiles(dir: string, suffix = '.ts'): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? repoFiles(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}
