/**
 * `npm run size`: what a client downloads for the widget, against its budgets; exits 1 when one
 * is exceeded. Every figure is what the receiver sends: the brotli copies the build writes.
 *
 * - the loader: its file's brotli copy;
 * - code to paint the service step, in English and in French: the files under /embed/ requested
 *   before the step was on screen, measured in Chromium;
 * - one complete booking, in English and in French: every response of the widget (loader, bundle,
 *   chunks, config, availability, the booking's answer; not the host page's own files) from the
 *   first byte to the confirmation, booked in Chromium over the demo server (and, for the record,
 *   what the same client downloads when it opens the page again).
 * Then where the bytes of the code come from. Budgets are in bundle-budgets.ts; the measurement
 * in measure-booking.ts discovers files and requests, it names none.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import buildOnce from "../tests/dist/build-once";
import { EMBED, gz, KB, LIMITS, ROOT, scriptsIn, servedSize } from "./bundle-budgets";
import { measureBookings, paintCode, total, type BookingMeasurement, type Download } from "./measure-booking";
import { printSourceBreakdown } from "./source-breakdown";

const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;

function printFiles(): void {
  console.log(`Files of dist/embed:\n  ${"".padEnd(56)} ${"built".padStart(9)} ${"gzip -9".padStart(9)} ${"brotli, as sent".padStart(16)}`);
  for (const file of scriptsIn(EMBED)) {
    const data = readFileSync(join(ROOT, file));
    console.log(`  ${file.padEnd(56)} ${kb(data.length).padStart(9)} ${kb(gz(data)).padStart(9)} ${kb(servedSize(file)).padStart(16)}`);
  }
}

interface Figure {
  name: string;
  bytes: number;
  limit: number;
}

function printBudgets(figures: readonly Figure[]): boolean {
  console.log("\nBudgets (bytes as a client downloads them):");
  let ok = true;
  for (const { name, bytes, limit } of figures) {
    const within = bytes <= limit;
    ok &&= within;
    console.log(`  ${within ? "ok  " : "OVER"}  ${name.padEnd(56)} ${kb(bytes).padStart(9)} / ${kb(limit)}${within ? "" : `  (+${kb(bytes - limit)})`}`);
  }
  return ok;
}

function printBooking({ language, page, downloads, hostPage, revisit }: BookingMeasurement): void {
  console.log(`\nOne complete booking in ${language} (${page}), every response of the widget, encoded body:`);
  const row = (download: Download) =>
    `  ${download.method.padEnd(5)} ${download.path.replace(/\?.*/, "?…").padEnd(48)} ${String(download.status)} ${download.encoding.padEnd(9)} ${kb(download.bytes).padStart(9)}${download.beforePaint ? "  before the first paint" : ""}`;
  for (const download of downloads) console.log(row(download));
  console.log(`  ${"total".padEnd(68)} ${kb(total(downloads)).padStart(9)}`);
  console.log(`  not counted, the host page's own: ${hostPage.map((d) => `${d.path} ${kb(d.bytes)}`).join(", ")}`);
  console.log(`  the same client opening the page again right after: ${String(revisit.length)} requests, ${kb(total(revisit))} of bodies`);
}

buildOnce();
printFiles();
const bookings = await measureBookings();
const ok = printBudgets([
  { name: "loader (the snippet)", bytes: servedSize("dist/embed/loader.js"), limit: LIMITS.loader },
  ...bookings.map((b) => ({ name: `code to paint the service step, ${b.language}`, bytes: total(paintCode(b)), limit: LIMITS.paint })),
  ...bookings.map((b) => ({ name: `one complete booking, ${b.language}`, bytes: total(b.downloads), limit: LIMITS.booking })),
]);
for (const booking of bookings) printBooking(booking);
await printSourceBreakdown();
if (!ok) {
  console.log("\nOver budget.");
  process.exit(1);
}
