import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BookingErrorBodySchema, BookingSchema } from "../../src/core/booking";
import {
  ALLOWED_ORIGIN,
  SECRET_ANSWER,
  SECRET_NOTE,
  SLOT,
  SLOT_IN_TWO_WEEKS,
  SLOT_NEXT_WEEK,
  bookingRequest,
  callbackRequest,
} from "./fixtures/server-config";
import { harness, postBooking, type Harness } from "./fixtures/server-harness";

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(async () => {
  await h.cleanup();
});

async function errorOf(response: Response) {
  return BookingErrorBodySchema.parse(await response.json());
}

describe("POST /api/bookings", () => {
  it("books a free slot and answers with the recomputed booking and a calendar link", async () => {
    const response = await postBooking(h.app, bookingRequest());
    expect(response.status).toBe(201);
    const booking = BookingSchema.parse(await response.json());
    expect(booking).toMatchObject({
      status: "confirmed",
      kind: "booking",
      therapistId: "ana",
      total: 8250,
      currency: "CAD",
      outcome: "ok",
      sessions: [{ start: SLOT, end: "2026-03-04T15:00:00.000Z", price: 8250 }],
    });
    expect(booking.reference).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(booking.calendarUrl).toMatch(
      new RegExp(`^http://localhost/api/bookings/${booking.id}/calendar\\.ics\\?token=[A-Za-z0-9_-]{43}$`),
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(h.notices.map((n) => n.id)).toEqual([booking.id]);
  });

  it("stores a call-back request as needs-review without sessions or calendar", async () => {
    const response = await postBooking(h.app, callbackRequest());
    expect(response.status).toBe(201);
    const booking = BookingSchema.parse(await response.json());
    expect(booking).toMatchObject({ status: "needs-review", kind: "callback", sessions: [], outcome: "contact-clinic" });
    expect(booking.calendarUrl).toBeUndefined();
    const stored = await h.store.getBooking(booking.id);
    expect(stored?.intake.callbackNote).toBe(SECRET_NOTE);
    expect(await h.store.busyIntervals("2026-03-01T00:00:00.000Z", "2026-05-01T00:00:00.000Z")).toEqual([]);
  });

  it("never echoes health answers back", async () => {
    const text = await (await postBooking(h.app, bookingRequest())).text();
    expect(text).not.toContain(SECRET_ANSWER);
    expect(text).not.toContain("answers");
  });

  it("keeps only answers to visible questions", async () => {
    const answers = { fever: false, "blood-clot": false, "recent-surgery": false, skin: false, "skin-areas": ["lower-back"] };
    const booking = BookingSchema.parse(await (await postBooking(h.app, bookingRequest({ answers }))).json());
    const stored = await h.store.getBooking(booking.id);
    expect(stored?.intake.answers).not.toHaveProperty("skin-areas");
  });

  describe("rejects what the widget could not have offered (422)", () => {
    const cases: [string, Parameters<typeof bookingRequest>[0], string, string][] = [
      ["a tampered price", { quotedTotal: 100 }, "quotedTotal", "price-changed"],
      ["an expired deal", { quotedDealId: "winter-sale", quotedTotal: 7425 }, "quotedDealId", "deal-not-applicable"],
      ["a slot outside opening hours", { sessions: [{ start: "2026-03-04T23:00:00.000Z" }] }, "sessions[0].start", "slot-unavailable"],
      ["a slot in the past", { sessions: [{ start: "2026-02-25T14:00:00.000Z" }] }, "sessions[0].start", "slot-unavailable"],
      ["an unknown service", { serviceId: "hot-stones" }, "serviceId", "unknown-service"],
      ["a therapist who does not offer the service", { serviceId: "sports", therapistId: "ben", quotedTotal: 9000 }, "therapistId", "service-not-offered"],
      ["a missing consent", { consent: { healthData: false as true, cancellationPolicy: true, at: SLOT } }, "consent.healthData", "invalid_value"],
    ];
    it.each(cases)("%s", async (_name, overrides, path, code) => {
      const response = await postBooking(h.app, bookingRequest(overrides));
      expect(response.status).toBe(422);
      const body = await errorOf(response);
      expect(body.error).toBe("invalid");
      expect(body.issues).toContainEqual(expect.objectContaining({ path, code }));
      expect(await h.store.listBookings()).toEqual([]);
    });

    it("a booking whose screening asks for a call-back", async () => {
      const response = await postBooking(h.app, bookingRequest({ answers: { ...bookingRequest().answers, "blood-clot": true } }));
      expect(response.status).toBe(422);
      expect((await errorOf(response)).issues).toContainEqual(expect.objectContaining({ code: "callback-only" }));
    });
  });

  it("refuses a body that is not JSON (415) before reading it", async () => {
    const response = await postBooking(h.app, null, { raw: "name=jo", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(response.status).toBe(415);
    expect((await errorOf(response)).error).toBe("unsupported-media-type");
  });

  it("refuses a body over 64 KB (413)", async () => {
    const huge = bookingRequest({ callbackNote: "x".repeat(70 * 1024) });
    const response = await postBooking(h.app, huge);
    expect(response.status).toBe(413);
    expect((await errorOf(response)).error).toBe("too-large");
  });

  it("refuses malformed JSON with 422", async () => {
    const response = await postBooking(h.app, null, { raw: "{not json", key: "key-0123456789abcdef" });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).issues[0]?.code).toBe("invalid-json");
  });

  it("requires the Idempotency-Key header, equal to the body's key", async () => {
    const missing = await postBooking(h.app, bookingRequest(), { key: null });
    expect(missing.status).toBe(422);
    expect((await errorOf(missing)).issues[0]?.path).toBe("Idempotency-Key");

    const other = await postBooking(h.app, bookingRequest(), { key: "key-someone-else-entirely" });
    expect(other.status).toBe(422);
    expect((await errorOf(other)).issues[0]?.code).toBe("idempotency-key-mismatch");
    expect(await h.store.listBookings()).toEqual([]);
  });

  it("answers 409 when another booking holds the time", async () => {
    expect((await postBooking(h.app, bookingRequest())).status).toBe(201);
    const response = await postBooking(h.app, bookingRequest());
    expect(response.status).toBe(409);
    const body = await errorOf(response);
    expect(body).toMatchObject({ error: "slot-taken", issues: [{ path: "sessions[0].start", code: "slot-taken" }] });
  });

  it("answers 409 from the store's constraint when the availability it read was already stale", async () => {
    const blind = harness();
    // A store whose reads miss every booking: only the insert's constraint stands in the way.
    const stale = harness({ store: { ...blind.store, busyIntervals: async () => [] } });
    try {
      expect((await postBooking(stale.app, bookingRequest())).status).toBe(201);
      const response = await postBooking(stale.app, bookingRequest({ sessions: [{ start: "2026-03-04T14:30:00.000Z" }] }));
      expect(response.status).toBe(409);
      expect(await errorOf(response)).toMatchObject({ error: "slot-taken", issues: [{ path: "sessions[0].start" }] });
      expect(await blind.store.listBookings()).toHaveLength(1);
    } finally {
      await stale.cleanup();
      await blind.cleanup();
    }
  });

  it("lets the other therapist take the same time", async () => {
    expect((await postBooking(h.app, bookingRequest())).status).toBe(201);
    expect((await postBooking(h.app, bookingRequest({ therapistId: "ben" }))).status).toBe(201);
  });
});

describe("idempotency", () => {
  it("replays the first answer for a repeated key, byte for byte, without a second booking", async () => {
    const request = bookingRequest();
    const first = await postBooking(h.app, request);
    const second = await postBooking(h.app, request);
    expect(second.status).toBe(first.status);
    expect(await second.text()).toBe(await first.text());
    expect(await h.store.listBookings()).toHaveLength(1);
    expect(h.notices).toHaveLength(1);
  });

  it("gives concurrent twins one booking and the same body", async () => {
    const request = bookingRequest();
    const responses = await Promise.all(Array.from({ length: 10 }, () => postBooking(h.app, request)));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(bodies).size).toBe(1);
    expect(await h.store.listBookings()).toHaveLength(1);
    expect(h.notices).toHaveLength(1);
  });

  it("replays a repeated call-back request, which no taken slot gives away", async () => {
    const request = callbackRequest();
    const first = await postBooking(h.app, request);
    const second = await postBooking(h.app, request);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(await second.text()).toBe(await first.text());
    expect(await h.store.listBookings()).toHaveLength(1);
    expect(h.notices).toHaveLength(1);
  });

  it("refuses a known key with a different body (422 idempotency-key-reused): neither the first answer nor a second booking", async () => {
    const request = bookingRequest();
    const first = await postBooking(h.app, request);
    expect(first.status).toBe(201);
    const moved = await postBooking(h.app, bookingRequest({ idempotencyKey: request.idempotencyKey, sessions: [{ start: SLOT_NEXT_WEEK }] }));
    const broken = await postBooking(h.app, { ...request, quotedTotal: 1 });
    for (const repeat of [moved, broken]) {
      expect(repeat.status).toBe(422);
      expect(await errorOf(repeat)).toEqual({
        error: "invalid",
        issues: [{ path: "Idempotency-Key", code: "idempotency-key-reused", message: expect.any(String) as string }],
      });
    }
    expect(await h.store.listBookings()).toHaveLength(1);
    expect(h.notices).toHaveLength(1);
  });

  it("replays the first answer for the same body written otherwise (key order, spacing)", async () => {
    const request = bookingRequest();
    const first = await postBooking(h.app, request);
    const reordered = Object.fromEntries(Object.entries(request).reverse());
    const again = await postBooking(h.app, request, { raw: JSON.stringify(reordered, null, 2) });
    expect(again.status).toBe(201);
    expect(await again.text()).toBe(await first.text());
    expect(await h.store.listBookings()).toHaveLength(1);
  });

  it("gives concurrent requests with one key and different bodies one booking; the others are refused as a reused key", async () => {
    const request = bookingRequest();
    const twin = bookingRequest({ idempotencyKey: request.idempotencyKey, sessions: [{ start: SLOT_NEXT_WEEK }] });
    const responses = await Promise.all([postBooking(h.app, request), postBooking(h.app, twin)]);
    const codes = await Promise.all(responses.map(async (r) => (r.status === 201 ? "created" : (await errorOf(r)).issues[0]?.code)));
    expect(codes.sort()).toEqual(["created", "idempotency-key-reused"]);
    expect(await h.store.listBookings()).toHaveLength(1);
  });

  it("does not pin a rejection to the key: the fixed request can reuse it", async () => {
    const request = bookingRequest({ quotedTotal: 1 });
    expect((await postBooking(h.app, request)).status).toBe(422);
    expect((await postBooking(h.app, { ...request, quotedTotal: 8250 })).status).toBe(201);
  });
});

describe("series", () => {
  const series = [{ start: SLOT }, { start: SLOT_NEXT_WEEK }, { start: SLOT_IN_TWO_WEEKS }];

  it("books every session of a series", async () => {
    const response = await postBooking(h.app, bookingRequest({ sessions: series, quotedTotal: 3 * 8250 }));
    expect(response.status).toBe(201);
    const booking = BookingSchema.parse(await response.json());
    expect(booking.sessions.map((s) => s.start)).toEqual(series.map((s) => s.start));
    expect(await h.store.busyIntervals("2026-03-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z")).toHaveLength(3);
  });

  it("books none of them when one is taken", async () => {
    expect((await postBooking(h.app, bookingRequest({ sessions: [{ start: SLOT_NEXT_WEEK }] }))).status).toBe(201);
    const response = await postBooking(h.app, bookingRequest({ sessions: series, quotedTotal: 3 * 8250 }));
    expect(response.status).toBe(409);
    expect((await errorOf(response)).issues).toEqual([expect.objectContaining({ path: "sessions[1].start", code: "slot-taken" })]);
    expect(await h.store.listBookings()).toHaveLength(1);
    expect(await h.store.busyIntervals("2026-03-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z")).toHaveLength(1);
  });
});

describe("HTTP hygiene", () => {
  it("allows the configured origin and no other", async () => {
    const preflight = await h.app.request("http://localhost/api/bookings", {
      method: "OPTIONS",
      headers: { Origin: ALLOWED_ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,idempotency-key" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("idempotency-key");

    const stranger = await h.app.request("http://localhost/api/config", { headers: { Origin: "https://evil.example" } });
    expect(stranger.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("sends a CSP and nosniff on API answers", async () => {
    const response = await h.app.request("http://localhost/api/config");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("gives booking answers the same security and CORS headers as every other API answer", async () => {
    const headers = { Origin: ALLOWED_ORIGIN };
    // An answer neither compressed nor revalidated, so its headers are the API's own.
    const other = await h.app.request("http://localhost/api/availability?from=2026-03-01&to=2026-03-02", { headers });
    const created = await postBooking(h.app, bookingRequest(), { headers });
    const refused = await postBooking(h.app, bookingRequest({ sessions: [{ start: SLOT_IN_TWO_WEEKS }], quotedTotal: 1 }), { headers });
    const stranger = await postBooking(h.app, bookingRequest({ sessions: [{ start: SLOT_NEXT_WEEK }] }), { headers: { Origin: "https://evil.example" } });
    expect([created.status, refused.status, stranger.status]).toEqual([201, 422, 201]);
    const shared = [...other.headers.keys()].filter((name) => !["content-type", "content-length", "cache-control"].includes(name));
    expect(shared).toEqual(expect.arrayContaining(["content-security-policy", "access-control-allow-origin", "vary", "x-frame-options"]));
    for (const response of [created, refused]) {
      for (const name of shared) expect([name, response.headers.get(name)]).toEqual([name, other.headers.get(name)]);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    }
    expect(stranger.headers.get("access-control-allow-origin")).toBeNull();
    expect(stranger.headers.get("access-control-expose-headers")).toBe("Retry-After");
    expect(stranger.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("rate-limits POSTs per client with Retry-After", async () => {
    const limited = harness({ postsPerMinute: 3 });
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await postBooking(limited.app, bookingRequest({ quotedTotal: 1 }));
        statuses.push(last.status);
      }
      expect(statuses).toEqual([422, 422, 422, 429]);
      expect(Number(last?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await errorOf(last as Response)).error).toBe("rate-limited");
    } finally {
      await limited.cleanup();
    }
  });

  it("logs method, path, status, duration and booking id, never the body", async () => {
    const booking = BookingSchema.parse(await (await postBooking(h.app, bookingRequest())).json());
    expect(h.logs).toEqual([{ event: "request", method: "POST", path: "/api/bookings", status: 201, ms: expect.any(Number), bookingId: booking.id }]);
    expect(JSON.stringify(h.logs)).not.toContain(SECRET_ANSWER);
  });
});
