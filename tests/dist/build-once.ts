import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export const OUTPUTS = [
  "dist/embed/clinic-booking.js",
  "dist/embed/clinic-booking.js.br",
  "dist/embed/loader.js",
  "dist/embed/loader.js.br",
  "dist/lib/embed/index.js",
  "dist/lib/embed/index.d.ts",
];
/** What the bundles are built from; a change to any of them makes dist stale. */
const INPUTS = [
  "src/core",
  "src/widget",
  "embed",
  "vite.config.ts",
  "scripts/precompress.ts",
  "src/server/http/encodings.ts",
  "tsconfig.json",
  "tsconfig.lib.json",
  "package.json",
];

/** Builds once per test run, and only when an output is missing or older than a source. */
export default function buildOnce(): void {
  const oldestOutput = Math.min(...OUTPUTS.map((file) => modifiedAt(join(ROOT, file))));
  const newestInput = Math.max(...INPUTS.map((path) => newestIn(join(ROOT, path))));
  if (oldestOutput >= newestInput) return;
  // Vitest sets NODE_ENV=test, which this child would inherit: Vite would then build the Preact
  // debug helpers into the bundle, and the tests would check a bundle no clinic ever gets.
  execFileSync("npm", ["run", "--silent", "build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
}

function modifiedAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -Infinity;
  }
}

function newestIn(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return -Infinity;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)));
  return newest;
}
