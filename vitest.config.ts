import { defineConfig } from "vitest/config";
import preact from "@preact/preset-vite";

export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: { name: "dom", include: ["tests/dom/**/*.test.{ts,tsx}"], environment: "happy-dom" },
      },
      {
        extends: true,
        test: {
          name: "dist",
          include: ["tests/dist/**/*.test.ts"],
          environment: "happy-dom",
          // Script tags are run by the tests themselves; happy-dom only has to not complain.
          environmentOptions: { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: true } } },
          globalSetup: ["tests/dist/build-once.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          // The pages load the built bundles, served by the demo clinic.
          globalSetup: ["tests/dist/build-once.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file runs one Chromium and one demo server; one file at a time keeps them fast.
          fileParallelism: false,
        },
      },
    ],
  },
});
