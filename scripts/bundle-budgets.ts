/**
 * The widget's size budgets, shared by `npm run size` and the built-bundle tests. A file's size is
 * that of the brotli copy the build writes beside it, which the receiver sends to every browser
 * that accepts it (all current ones do): what a client downloads.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const KB = 1024;
export const EMBED = join(ROOT, "dist/embed");

export const gz = (data: string | Buffer): number => gzipSync(data, { level: 9 }).byteLength;

export const LIMITS = {
  loader: 1 * KB,
  /** The loader and every file of the widget's code the first step waits for, in one language. */
  paint: 22 * KB,
  /** Every byte of the widget's one complete booking in one language: code, config, API answers. */
  booking: 60 * KB,
};

/** What the receiver sends for a built file (relative to ROOT): its brotli copy, or the file when none was worth writing. */
export function servedSize(file: string): number {
  const path = join(ROOT, file);
  return statSync(existsSync(`${path}.br`) ? `${path}.br` : path).size;
}

export interface Budget {
  name: string;
  files: string[];
  limit: number;
}

/** Every JavaScript file under a folder, relative to ROOT. */
export function scriptsIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".js"))
    .map((file) => relative(ROOT, join(folder, file)))
    .sort();
}

/** The file and the chunks it imports statically, transitively: all of it runs before it does. */
export function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(ROOT, file), "utf8");
  for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'`]([^"'`]+)["'`]/g)) {
    const target = match[1];
    if (target?.startsWith(".")) staticClosure(relative(ROOT, resolve(dirname(join(ROOT, file)), target)), seen);
  }
  return seen;
}

/**
 * The budgets the built files alone can be held to: the loader, and the first paint as the
 * bundle's static imports give it (the French one adds the first step's French strings).
 * `npm run size` measures the paint and the whole booking in Chromium as well.
 */
export function budgets(): Budget[] {
  const loader = "dist/embed/loader.js";
  const paint = [loader, ...staticClosure("dist/embed/clinic-booking.js")];
  // A French page also needs the first step's French strings before it paints.
  const frenchFirstStep = scriptsIn(EMBED).filter((file) => /\/chunks\/fr-first-step-[^/]+\.js$/.test(file));
  return [
    { name: "loader (the snippet)", files: [loader], limit: LIMITS.loader },
    { name: "code to paint the service step", files: paint, limit: LIMITS.paint },
    { name: "code to paint the service step in French", files: [...paint, ...frenchFirstStep], limit: LIMITS.paint },
  ];
}

export const sizeOf = (budget: Budget): number => budget.files.reduce((sum, file) => sum + servedSize(file), 0);
