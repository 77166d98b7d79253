/**
 * One headless Chromium and one demo clinic per test file, a fresh browser context per test.
 * Server and pages share a fixed clock: Tuesday 1 December 2026, 09:00 in Halifax.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";
import { startDemo, type RunningDemo } from "../../../demo/serve";
import { openSqliteStore } from "../../../src/server/store/sqlite";
import type { BookingDetail, Store } from "../../../src/server/store/types";

export const NOW = "2026-12-01T13:00:00.000Z";
export const CLINIC_TIME_ZONE = "America/Halifax";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

export interface E2E {
  browser: Browser;
  demo: RunningDemo;
  databasePath: string;
  /** Where the receiver writes its emails as .eml files (no SMTP in tests). */
  outboxDir: string;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const dir = mkdtempSync(join(tmpdir(), "clinic-e2e-"));
  const databasePath = join(dir, "bookings.sqlite");
  const outboxDir = join(dir, "outbox");
  const demo = await startDemo({ port: 0, databasePath, outboxDir, clock: () => NOW });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await demo.close();
    throw error;
  }
  return {
    browser,
    demo,
    databasePath,
    outboxDir,
    async close() {
      await browser.close();
      await demo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PageProblems {
  /** Every console message from the first byte of the page on. */
  consoleMessages: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

export interface PageOptions {
  width?: number;
  height?: number;
  locale?: string;
  /** Script run in every document before the page's own. */
  initScript?: string;
  /** Runs before the page is requested: routes, request listeners. */
  prepare?: (page: Page) => Promise<void> | void;
}

/** A new context (no shared state) with the clinic's time zone and the fixed clock. */
export async function openPage(env: E2E, path: string, options: PageOptions = {}): Promise<OpenedPage> {
  const context = await env.browser.newContext({
    timezoneId: CLINIC_TIME_ZONE,
    locale: options.locale ?? "en-CA",
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    acceptDownloads: true,
  });
  await context.clock.setFixedTime(new Date(NOW));
  context.setDefaultTimeout(15_000);
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const page = await context.newPage();
  const problems: PageProblems = { consoleMessages: [], consoleErrors: [], pageErrors: [] };
  page.on("console", (message: ConsoleMessage) => {
    problems.consoleMessages.push(message.text());
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.message));
  await options.prepare?.(page);
  await page.goto(new URL(path, env.demo.url).href);
  return { context, page, problems };
}

/** Reads what the receiver stored through the store itself, on its own connection, closed after. */
async function readStore<T>(env: E2E, read: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore(env.databasePath);
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

/** Every booking the receiver stored, newest first. */
export function storedBookings(env: E2E): Promise<BookingDetail[]> {
  return readStore(env, (store) => store.listBookings());
}

export async function storedBooking(env: E2E, reference: string): Promise<BookingDetail> {
  const booking = await readStore(env, (store) => store.findBookingByReference(reference));
  if (!booking) throw new Error(`no booking ${reference} in the database`);
  return booking;
}
