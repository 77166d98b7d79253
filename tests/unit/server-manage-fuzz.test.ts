import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAndOpen, manageCall } from "./fixtures/manage";
import { ALLOWED_ORIGIN, SLOT } from "./fixtures/server-config";
import { harness, type Harness } from "./fixtures/server-harness";

let h: Harness;
let token: string;
beforeAll(async () => {
  h = harness({ postsPerMinute: 1_000_000 });
  ({ token } = await bookAndOpen(h.app));
});
afterAll(async () => {
  await h.cleanup();
});

// Bodies near the contract's shapes (so some pass the schema and reach the rules) and anything at all.
const nearChange = fc.record({
  index: fc.oneof(fc.integer({ min: -2, max: 30 }), fc.string()),
  start: fc.oneof(fc.constant(SLOT), fc.constant("2026-03-05T14:00:00.000Z"), fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
  therapistId: fc.oneof(fc.constant("ana"), fc.constant(null), fc.string()),
}, { requiredKeys: [] });
const bodyArb = fc.oneof(
  fc.record({ sessions: fc.oneof(fc.constant("all"), fc.array(fc.integer({ min: -1, max: 3 })), fc.jsonValue()) }, { requiredKeys: [] }),
  fc.record({ changes: fc.oneof(fc.array(nearChange, { maxLength: 4 }), fc.jsonValue()) }, { requiredKeys: [] }),
  fc.jsonValue(),
);

describe("the manage routes under random bodies", () => {
  it("answer with a JSON 4xx (or a 200 for a valid change), never a server error", async () => {
    await fc.assert(
      fc.asyncProperty(bodyArb, fc.constantFrom("/reschedule/quote", "/reschedule"), async (body, path) => {
        const response = await manageCall(h.app, path, token, body, { "Idempotency-Key": `fuzz-key-${Math.random().toString(36).slice(2)}-0000` });
        expect([200, 409, 422]).toContain(response.status);
        expect(typeof (await response.json())).toBe("object");
      }),
      { numRuns: 150 },
    );
    expect(h.logs.filter((entry) => entry.event === "server-error")).toEqual([]);
  });

  it("lets an allowed origin send the bearer token", async () => {
    const response = await h.app.request("http://localhost/api/manage/cancel", {
      method: "OPTIONS",
      headers: { Origin: ALLOWED_ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
  });
});
