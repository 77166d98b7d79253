/**
 * The widget's size budgets over the built files in dist/embed, shared by `npm run size` and the
 * built-bundle tests. Sizes are gzip level 9 of each file, summed: what a browser downloads.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const KB = 1024;
export const EMBED = join(ROOT, "dist/embed");

export const gz = (data: string | Buffer): number => gzipSync(data, { level: 9 }).byteLength;

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

export function budgets(): Budget[] {
  const loader = "dist/embed/loader.js";
  const paint = [loader, ...staticClosure("dist/embed/clinic-booking.js")];
  // A French page also needs the first step's French strings before it paints.
  const frenchFirstStep = scriptsIn(EMBED).filter((file) => /\/chunks\/fr-first-step-[^/]+\.js$/.test(file));
  return [
    { name: "loader (the snippet)", files: [loader], limit: 1 * KB },
    { name: "code to paint the service step", files: paint, limit: 25 * KB },
    { name: "code to paint the service step in French", files: [...paint, ...frenchFirstStep], limit: 25 * KB },
    { name: "all widget code (every chunk, French included)", files: scriptsIn(EMBED), limit: 60 * KB },
  ];
}

export const sizeOf = (budget: Budget): number => budget.files.reduce((sum, file) => sum + gz(readFileSync(join(ROOT, file))), 0);
