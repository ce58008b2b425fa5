import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { protocolReference } from '../../scripts/protocol-reference.ts';

describe('[H11.6] docs/protocol-reference.md is generated from shared/', () => {
  it('is up to date with the schemas and types (run `npm run docs:protocol` after changing them)', () => {
    const stored = readFileSync(new URL('../../docs/protocol-reference.md', import.meta.url), 'utf8');
    const fresh = protocolReference();
    expect(fresh).toContain('### `room:create`');
    expect(fresh).toContain('export interface GameView');
    expect(stored).toBe(fresh);
  });
});
