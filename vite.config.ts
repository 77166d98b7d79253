import { readFileSync } from "node:fs";
import { defineConfig, type Plugin, type UserConfig } from "vite";
import preact from "@preact/preset-vite";
import { precompressed } from "./scripts/precompress";

/**
 * One config, three outputs, chosen with `--mode`:
 * - `embed`  → dist/embed/clinic-booking.js, the bundle (embed/entry.ts): an ES module that paints
 *              the service step and imports the rest of the flow from dist/embed/chunks/ when needed
 * - `loader` → dist/embed/loader.js, the snippet: a classic script (an IIFE has a single entry),
 *              written beside the bundle
 * - `lib`    → dist/lib/embed/index.js, the ES module for npm users (embed/index.ts);
 *              its declarations come from `tsc -p tsconfig.lib.json`, next to it
 * Every file of dist/embed gets a `.br` and a `.gz` copy beside it, which the receiver serves.
 */
export default defineConfig(({ mode }) => {
  switch (mode) {
    case "loader":
      return loaderBuild();
    case "lib":
      return libraryBuild();
    default:
      return bundleBuild();
  }
});

const browserBuild = {
  plugins: [preact(), zodStateInsideBundle(), precompressed()],
  // Preact and the widget check NODE_ENV; a page has no `process`.
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  publicDir: false,
} satisfies UserConfig;

function bundleBuild(): UserConfig {
  return {
    ...browserBuild,
    build: {
      outDir: "dist/embed",
      // The bundle build empties dist/embed; the loader build then writes beside it.
      emptyOutDir: true,
      minify: true,
      sourcemap: false,
      // Module scripts run in browsers that all have these; nothing to transpile down to.
      target: "es2022",
      modulePreload: false,
      // Not lib mode: that leaves the whitespace of ES output unminified.
      rolldownOptions: {
        input: "embed/entry.ts",
        preserveEntrySignatures: false,
        output: { format: "es", entryFileNames: "clinic-booking.js", chunkFileNames: "chunks/[name]-[hash].js" },
      },
    },
  };
}

function loaderBuild(): UserConfig {
  return {
    ...browserBuild,
    build: {
      outDir: "dist/embed",
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      lib: {
        entry: "embed/loader.ts",
        // No exports: the IIFE declares no variable, `window.ClinicBooking` is set by hand.
        formats: ["iife"],
        name: "ClinicBookingLoader",
        fileName: () => "loader.js",
      },
    },
  };
}

const dependencies = Object.keys(
  (JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { dependencies?: Record<string, string> })
    .dependencies ?? {},
);

function libraryBuild(): UserConfig {
  return {
    plugins: [preact()],
    publicDir: false,
    build: {
      outDir: "dist/lib",
      // Runs before tsc writes the declarations, so this is where stale files go.
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: { "embed/index": "embed/index.ts" },
        formats: ["es"],
        fileName: (_format, entryName) => `${entryName}.js`,
      },
      rolldownOptions: {
        // An app that installs the package brings its own copies, deduplicated with its other dependencies.
        external: (id) => dependencies.some((name) => id === name || id.startsWith(`${name}/`)),
      },
    },
  };
}

/**
 * zod keeps its config and registry on `globalThis.__zod_global*` so that copies of zod share
 * them. On a clinic's page that is two globals more than the one we own, and it would share
 * our jitless setting with whatever zod the page itself runs. In the script-tag bundle they
 * become one object private to the bundle. (The npm build leaves zod to the app.)
 */
function zodStateInsideBundle(): Plugin {
  const scopeId = "\0clinic-booking:zod-scope";
  return {
    name: "clinic-booking:zod-state-inside-bundle",
    resolveId: (id) => (id === scopeId ? scopeId : null),
    load: (id) => (id === scopeId ? "export default {};" : null),
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(id) || !code.includes("__zod_global")) return null;
      return { code: `import __zodScope from ${JSON.stringify(scopeId)};\n${code.replaceAll("globalThis", "__zodScope")}`, map: null };
    },
  };
}
