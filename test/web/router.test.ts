import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from '../../client/web/router.ts';

describe('[H11.1] the browser watches a private room by its invite code', () => {
  it('a spectate address may carry the invite code, and round-trips', () => {
    expect(parseRoute(paths.spectate('r-1', 'K7WQ3MZ2PA'))).toEqual({ page: 'spectate', roomId: 'r-1', code: 'K7WQ3MZ2PA' });
    expect(parseRoute(paths.spectate('r-1'))).toEqual({ page: 'spectate', roomId: 'r-1' });
    expect(paths.spectate('r-1', 'K7WQ3MZ2PA')).toBe('/spectate/r-1/K7WQ3MZ2PA');
  });

  it('only spectate addresses take a second segment', () => {
    expect(parseRoute('/room/r-1/K7WQ3MZ2PA')).toEqual({ page: 'lobby' });
    expect(parseRoute('/join/K7WQ3MZ2PA/x')).toEqual({ page: 'lobby' });
    expect(parseRoute('/join/K7WQ3MZ2PA')).toEqual({ page: 'join', code: 'K7WQ3MZ2PA' });
  });
});

describe('the role glossary has its own address', () => {
  it('/roles is the glossary page, reachable by its path', () => {
    expect(parseRoute(paths.roles())).toEqual({ page: 'roles' });
    expect(parseRoute('/roles/')).toEqual({ page: 'roles' });
    expect(parseRoute('/roles/x')).toEqual({ page: 'lobby' });
  });
});
