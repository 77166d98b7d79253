import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BookingSchema, type BookingRequestInput } from "../../src/core/booking";
import { csvCell } from "../../src/server/inbox/csv";
import { inboxOrder } from "../../src/server/inbox/order";
import { HEALTHY, NOW, SECRET_ANSWER, SECRET_NOTE, bookingRequest, callbackRequest } from "./fixtures/server-config";
import { INBOX_TOKEN, harness, postBooking, type Harness } from "./fixtures/server-harness";

let h: Harness;
let now = NOW;
beforeEach(() => {
  now = NOW;
  h = harness({ clock: () => now });
});
afterEach(async () => {
  await h.cleanup();
});

const bearer = { Authorization: `Bearer ${INBOX_TOKEN}` };
const get = (path: string, headers: Record<string, string> = bearer) => h.app.request(`http://localhost${path}`, { headers });

async function book(request: BookingRequestInput, at: string) {
  now = at;
  const response = await postBooking(h.app, request);
  expect(response.status).toBe(201);
  return BookingSchema.parse(await response.json());
}

describe("inbox access", () => {
  it.each([
    ["no token", {}],
    ["a wrong bearer token", { Authorization: "Bearer not-the-token-at-all" }],
    ["a forged cookie", { Cookie: "inbox_session=99999999999999.forged" }],
  ])("refuses %s", async (_name, headers) => {
    for (const path of ["/inbox", "/inbox/export.csv", "/inbox/bookings/anything"]) {
      const response = await get(path, headers);
      expect(response.status, path).toBe(401);
      expect(await response.text()).toContain("Sign in");
    }
  });

  it("signs in through the form with an HttpOnly SameSite=Strict cookie", async () => {
    const wrong = await h.app.request("http://localhost/inbox/login", {
      method: "POST",
      headers: { Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
      body: "token=guess",
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();

    const login = await h.app.request("http://localhost/inbox/login", {
      method: "POST",
      headers: { Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
      body: `token=${encodeURIComponent(INBOX_TOKEN)}`,
    });
    expect(login.status).toBe(303);
    expect(login.headers.get("location")).toBe("/inbox");
    const cookie = login.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(INBOX_TOKEN);

    const session = cookie.split(";")[0] ?? "";
    expect((await get("/inbox", { Cookie: session })).status).toBe(200);
  });

  it("refuses a cross-site login post", async () => {
    const response = await h.app.request("http://localhost/inbox/login", {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: `token=${encodeURIComponent(INBOX_TOKEN)}`,
    });
    expect(response.status).toBe(403);
  });

  it("sends a strict CSP, no framing, no referrer and no caching", async () => {
    const response = await get("/inbox");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("does not guard the API with the inbox token", async () => {
    expect((await h.app.request("http://localhost/api/config")).status).toBe(200);
  });
});

describe("the list", () => {
  it("puts contact-clinic, clearance, then caution first, newest first inside each group", async () => {
    const ok1 = await book(bookingRequest({ sessions: [{ start: "2026-03-04T14:00:00.000Z" }] }), "2026-03-02T12:00:00.000Z");
    const caution = await book(
      bookingRequest({ sessions: [{ start: "2026-03-04T16:00:00.000Z" }], answers: { ...HEALTHY, skin: true, "skin-areas": ["left-calf"] } }),
      "2026-03-02T12:01:00.000Z",
    );
    const callback = await book(callbackRequest(), "2026-03-02T12:02:00.000Z");
    const clearance = await book(
      bookingRequest({ sessions: [{ start: "2026-03-04T18:00:00.000Z" }], answers: { ...HEALTHY, "recent-surgery": true }, clearanceConfirmed: true }),
      "2026-03-02T12:03:00.000Z",
    );
    const ok2 = await book(bookingRequest({ sessions: [{ start: "2026-03-05T14:00:00.000Z" }] }), "2026-03-02T12:04:00.000Z");

    const page = await (await get("/inbox")).text();
    const order = [callback, clearance, caution, ok2, ok1].map((b) => page.indexOf(b.reference));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).not.toContain(SECRET_ANSWER);
  });

  it("orders newest first within a group", () => {
    const items = [
      { outcome: "ok" as const, createdAt: "2026-01-01T00:00:00.000Z", id: "old" },
      { outcome: "caution" as const, createdAt: "2026-01-01T00:00:00.000Z", id: "caution" },
      { outcome: "ok" as const, createdAt: "2026-01-02T00:00:00.000Z", id: "new" },
      { outcome: "postpone" as const, createdAt: "2026-01-03T00:00:00.000Z", id: "postponed" },
    ];
    expect(inboxOrder(items).map((i) => i.id)).toEqual(["caution", "postponed", "new", "old"]);
  });
});

describe("the detail page", () => {
  it("shows answers under their question labels, the reasons and the areas to avoid", async () => {
    const booking = await book(
      bookingRequest({ answers: { ...HEALTHY, skin: true, "skin-areas": ["left-calf"] } }),
      NOW,
    );
    const response = await get(`/inbox/bookings/${booking.id}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("Anything else we should know?");
    expect(page).toContain(SECRET_ANSWER);
    expect(page).toContain("Any bruise or rash?");
    expect(page).toContain("local-condition");
    expect(page).toContain("Left calf");
  });

  it("escapes what the client typed", async () => {
    const booking = await book(
      bookingRequest({ client: { name: '<img src=x onerror="alert(1)">', email: "x@client.example", phone: "+1 902 555 0199", isNewClient: true } }),
      NOW,
    );
    const page = await (await get(`/inbox/bookings/${booking.id}`)).text();
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("shows a call-back note only here", async () => {
    const booking = await book(callbackRequest(), NOW);
    expect(await (await get(`/inbox/bookings/${booking.id}`)).text()).toContain(SECRET_NOTE);
  });

  it("answers 404 for an unknown booking", async () => {
    expect((await get("/inbox/bookings/nope")).status).toBe(404);
  });
});

describe("CSV export", () => {
  it("exports every booking, flagged first, without answers", async () => {
    await book(bookingRequest(), NOW);
    await book(callbackRequest({ client: { name: "=HYPERLINK(\"http://evil\")", email: "c@client.example", phone: "+1 902 555 0101", isNewClient: false } }), NOW);
    const response = await get("/inbox/export.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="bookings-2026-03-02.csv"');
    const csv = (await response.text()).replace(/^\uFEFF/, "");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^"reference","received","kind","status","flag"/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"contact-clinic"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain(`"'+1 902 555 0101"`);
    expect(csv).not.toContain(SECRET_ANSWER);
    expect(csv).not.toContain(SECRET_NOTE);
  });

  it.each([
    ["=1+1", `"'=1+1"`],
    ["+1", `"'+1"`],
    ["-1", `"'-1"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tx", `"'\tx"`],
    ["\rx", `"'\rx"`],
    ['say "hi"', `"say ""hi"""`],
    ["plain", `"plain"`],
  ])("makes %j an inert cell", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});
