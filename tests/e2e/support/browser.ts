/**
 * One headless Chromium and one demo clinic per test file, a fresh browser context per test.
 * Server and pages share a fixed clock: Tuesday 1 December 2026, 09:00 in Halifax.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";
import { startDemo, type RunningDemo } from "../../../demo/serve";

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
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const dir = mkdtempSync(join(tmpdir(), "clinic-e2e-"));
  const databasePath = join(dir, "bookings.sqlite");
  const demo = await startDemo({ port: 0, databasePath, outboxDir: join(dir, "outbox"), clock: () => NOW });
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

export interface StoredBooking {
  id: string;
  reference: string;
  kind: string;
  status: string;
  outcome: string;
  locale: string;
  client_name: string;
  client_email: string;
  service_id: string;
  minutes: number;
  therapist_id: string | null;
  currency: string;
  list_total: number;
  discount_total: number;
  total: number;
  deal_id: string | null;
}

export interface StoredSession {
  booking_id: string;
  position: number;
  therapist_id: string;
  start_ms: number;
  end_ms: number;
  price: number;
}

export interface StoredIntake {
  booking_id: string;
  mode: string;
  answers_json: string;
  areas_to_avoid_json: string;
  clearance_confirmed: number;
  callback_note: string | null;
}

export interface StoredRows {
  bookings: StoredBooking[];
  sessions: StoredSession[];
  intakes: StoredIntake[];
}

/** Everything the receiver stored, read through a separate read-only connection. */
export function readDatabase(databasePath: string): StoredRows {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return {
      bookings: db.prepare("SELECT * FROM bookings ORDER BY created_at, reference").all() as StoredBooking[],
      sessions: db.prepare("SELECT * FROM sessions ORDER BY booking_id, position").all() as StoredSession[],
      intakes: db.prepare("SELECT * FROM intakes").all() as StoredIntake[],
    };
  } finally {
    db.close();
  }
}

export function bookingByReference(databasePath: string, reference: string): { booking: StoredBooking; sessions: StoredSession[]; intake: StoredIntake } {
  const rows = readDatabase(databasePath);
  const booking = rows.bookings.find((b) => b.reference === reference);
  if (!booking) throw new Error(`no booking ${reference} in the database (have: ${rows.bookings.map((b) => b.reference).join(", ")})`);
  const intake = rows.intakes.find((i) => i.booking_id === booking.id);
  if (!intake) throw new Error(`booking ${reference} has no intake row`);
  return { booking, sessions: rows.sessions.filter((s) => s.booking_id === booking.id), intake };
}
