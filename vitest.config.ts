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
    ],
  },
});
