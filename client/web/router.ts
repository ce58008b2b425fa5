/** The app's addresses; the server sends index.html for each of them. */
export type Route =
  | { page: 'lobby' }
  | { page: 'join'; code: string }
  | { page: 'room'; roomId: string }
  | { page: 'spectate'; roomId: string }
  | { page: 'game'; gameId: string };

export function parseRoute(pathname: string): Route {
  const m = /^\/(join|room|spectate|game)\/([^/]+)\/?$/.exec(pathname);
  if (!m) return { page: 'lobby' };
  const id = decodeURIComponent(m[2]);
  switch (m[1]) {
    case 'join': return { page: 'join', code: id };
    case 'room': return { page: 'room', roomId: id };
    case 'spectate': return { page: 'spectate', roomId: id };
    default: return { page: 'game', gameId: id };
  }
}

export const paths = {
  lobby: () => '/',
  join: (code: string) => `/join/${encodeURIComponent(code)}`,
  room: (roomId: string) => `/room/${encodeURIComponent(roomId)}`,
  spectate: (roomId: string) => `/spectate/${encodeURIComponent(roomId)}`,
  game: (gameId: string) => `/game/${encodeURIComponent(gameId)}`,
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
