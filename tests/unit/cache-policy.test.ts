import { describe, expect, it } from "vitest";
import { cacheControlFor, IMMUTABLE, LOADER, REVALIDATE } from "../../src/server/http/cache-policy";

describe("cacheControlFor", () => {
  it.each([
    ["chunks/widget-code-DKGD-c5M.js", IMMUTABLE],
    ["chunks/fr-first-step-DTnrOlga.js", IMMUTABLE],
    ["embed/chunks/schema-CSx9Gci9.js", IMMUTABLE],
    ["chunks/base-a1b2c3d4.css", IMMUTABLE],
    // Fixed names, though they look like a name and a hash.
    ["chunks/calendar-settings.js", REVALIDATE],
    ["chunks/widget-code.js", REVALIDATE],
    ["widget-code-DKGD-c5M.js", REVALIDATE],
    ["chunks/schema-CSx9Gci9.js.map", REVALIDATE],
    ["loader.js", LOADER],
    ["embed/loader.js", LOADER],
    ["clinic-booking.js", REVALIDATE],
    ["index.html", REVALIDATE],
  ])("%s: %s", (path, policy) => {
    expect(cacheControlFor(path)).toBe(policy);
  });
});
