import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type TestServer } from '../server.ts';
import { buildWeb } from './build.ts';
import { launchChromium } from './chromium.ts';

/** What a browser test's describe block plays on: the real server with the built web app, and one headless Chromium. */
export interface Stage {
  server: TestServer;
  browser: Browser;
  /** Every page error of every page opened with `page`, tagged when the page was. */
  pageErrors: string[];
  /** A page in a context of its own (closed after the block), with a 10 s default timeout. */
  page(options?: PageOptions): Promise<Page>;
  /**
   * A page that holds a seat of a room, as after a reload: the seat's token in session storage,
   * the room's page opened. Close its context (`page.context().close()`) when done with it.
   */
  seatPage(roomId: string, token: string, options?: PageOptions): Promise<Page>;
  /** Something to stop after the block's tests, before the browser and the server close (bots, protocol clients). */
  later(stop: () => unknown): void;
}

export interface PageOptions {
  context?: BrowserContextOptions;
  /** Run on the new context before its page opens (permissions, init scripts). */
  prepare?: (ctx: BrowserContext) => Promise<void>;
  /** Prefix of this page's errors in `pageErrors`. */
  tag?: string;
}

/**
 * Registers the block's beforeAll and afterAll: the web app built, a server and a Chromium started
 * before its tests; after them, what was handed to `later` (last first), every context, the
 * browser and the server, each closed even when an earlier one fails.
 */
export function browserStage(): Stage {
  const contexts: BrowserContext[] = [];
  const stops: (() => unknown)[] = [];
  const stage: Stage = {
    server: null as never,
    browser: null as never,
    pageErrors: [],
    async page(options = {}) {
      const ctx = await stage.browser.newContext(options.context ?? { viewport: { width: 1280, height: 800 } });
      contexts.push(ctx);
      await options.prepare?.(ctx);
      const page = await ctx.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (err) => stage.pageErrors.push(options.tag ? `${options.tag}: ${err.message}` : err.message));
      return page;
    },
    async seatPage(roomId, token, options = {}) {
      const page = await stage.page({
        ...options,
        prepare: async (ctx) => {
          await ctx.addInitScript(([key, value]) => { sessionStorage.setItem(key, value); }, [`ww.seat.${roomId}`, token] as const);
          await options.prepare?.(ctx);
        },
      });
      page.setDefaultTimeout(15_000);
      await page.goto(`${stage.server.url}/room/${encodeURIComponent(roomId)}`);
      return page;
    },
    later(stop) { stops.push(stop); },
  };
  beforeAll(async () => {
    const publicDir = await buildWeb();
    stage.server = await startServer({ publicDir });
    stage.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    for (const stop of stops.reverse()) await Promise.resolve().then(stop).catch(() => {});
    for (const c of contexts) await c.close().catch(() => {});
    await stage.browser?.close();
    await stage.server?.close();
  });
  return stage;
}
