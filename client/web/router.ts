/** The app's addresses; the server sends index.html for each of them. */
export type Route =
  | { page: 'lobby' }
  | { page: 'join'; code: string }
  | { page: 'room'; roomId: string }
  /** `code`: a private room is watched by its invite code (by id it is not found). */
  | { page: 'spectate'; roomId: string; code?: string }
  | { page: 'game'; gameId: string }
  /** The role glossary (every role of the catalogue). */
  | { page: 'roles' };

export function parseRoute(pathname: string): Route {
  if (/^\/roles\/?$/.test(pathname)) return { page: 'roles' };
  const m = /^\/(join|room|spectate|game)\/([^/]+)(?:\/([^/]+))?\/?$/.exec(pathname);
  if (!m || (m[3] !== undefined && m[1] !== 'spectate')) return { page: 'lobby' };
  const id = decodeURIComponent(m[2]);
  switch (m[1]) {
    case 'join': return { page: 'join', code: id };
    case 'room': return { page: 'room', roomId: id };
    case 'spectate': return m[3] === undefined ? { page: 'spectate', roomId: id } : { page: 'spectate', roomId: id, code: decodeURIComponent(m[3]) };
    default: return { page: 'game', gameId: id };
  }
}

export const paths = {
  lobby: () => '/',
  join: (code: string) => `/join/${encodeURIComponent(code)}`,
  room: (roomId: string) => `/room/${encodeURIComponent(roomId)}`,
  spectate: (roomId: string, code?: string) => `/spectate/${encodeURIComponent(roomId)}${code ? `/${encodeURIComponent(code)}` : ''}`,
  game: (gameId: string) => `/game/${encodeURIComponent(gameId)}`,
  roles: () => '/roles',
};

type Listener = (route: Route) => void;
let listener: Listener | null = null;

export function onRoute(fn: Listener): void {
  listener = fn;
  window.addEventListener('popstate', () => fn(parseRoute(location.pathname)));
  // Same-origin links marked data-link navigate without a page load.
  document.addEventListener('click', (ev) => {
    const a = (ev.target as Element | null)?.closest?.('a[data-link]');
    if (!(a instanceof HTMLAnchorElement) || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    ev.preventDefault();
    navigate(a.pathname);
  });
}

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path); else if (location.pathname !== path) history.pushState(null, '', path);
  listener?.(parseRoute(path));
}
