import type { App, Page } from './app.ts';
import { joinPage } from './lobby/join.ts';
import { lobbyPage } from './lobby/page.ts';
import { replayPage } from './replay/page.ts';
import { roomPage } from './room/page.ts';
import { rolesPage } from './roles/page.ts';
import type { Route } from './router.ts';

/** The page that shows a route. Not in app.ts: the pages import the app, so the app must not import them. */
export function pageFor(app: App, route: Route): Page {
  switch (route.page) {
    case 'lobby': return lobbyPage(app);
    case 'join': return joinPage(app, route.code);
    case 'room': return roomPage(app, route.roomId, 'seat');
    case 'spectate': return roomPage(app, route.roomId, 'spectator', route.code);
    case 'game': return replayPage(app, route.gameId);
    case 'roles': return rolesPage(app);
  }
}
