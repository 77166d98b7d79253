import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Booking, BookingRequest } from "../../src/core/booking/contract";
import {
  availabilityUrlFor,
  createAvailabilityClient,
  createHttpTransport,
  fetchClinicConfig,
  RequestFailedError,
  type HttpTransportOptions,
} from "../../src/widget/submit";

const ENDPOINT = "https://clinic.example/api/bookings";

const request: BookingRequest = {
  version: 1,
  idempotencyKey: "a1b2c3d4e5f6a7b8c9d0",
  kind: "booking",
  locale: "en",
  serviceId: "deep-tissue",
  minutes: 60,
  therapistId: "ana",
  sessions: [{ start: "2026-12-01T14:00:00.000Z" }],
  client: { name: "Sam Client", email: "sam@example.com", phone: "+1 902 555 0100", isNewClient: true },
  consent: { healthData: true, cancellationPolicy: true, at: "2026-11-20T10:00:00.000Z", sensitiveAreas: [] },
  intakeMode: "full",
  answers: { fever: false },
  clearanceConfirmed: false,
  quotedTotal: 9500,
  quotedDealId: null,
};

const booking: Booking = {
  id: "b_1",
  reference: "CB-7K2Q",
  status: "confirmed",
  kind: "booking",
  serviceId: "deep-tissue",
  minutes: 60,
  therapistId: "ana",
  sessions: [
    { start: "2026-12-01T14:00:00.000Z", end: "2026-12-01T15:00:00.000Z", listPrice: 9500, discount: 0, price: 9500, dealId: null },
  ],
  currency: "CAD",
  listTotal: 9500,
  discountTotal: 0,
  total: 9500,
  dealId: null,
  outcome: "ok",
  createdAt: "2026-11-20T10:00:01.000Z",
};

type Reply = Response | Error | "hang";

/** A fetch that answers from a script, one reply per call, and records what it was asked. */
function scriptedFetch(...replies: Reply[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), init: init ?? {} });
    const reply = replies.shift();
    if (reply === undefined) throw new Error("unexpected extra request");
    if (reply === "hang") {
      return new Promise((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    }
    return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(reply);
  });
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

const offline = () => new TypeError("Failed to fetch");

function transport(fetch: typeof globalThis.fetch, overrides: Partial<HttpTransportOptions> = {}) {
  const sleep = vi.fn((_ms: number) => Promise.resolve());
  const send = createHttpTransport({
    endpoint: ENDPOINT,
    timeoutMs: 5000,
    maxRetries: 3,
    fetch,
    sleep,
    random: () => 0.5,
    now: () => Date.parse("2026-11-20T10:00:00.000Z"),
    ...overrides,
  });
  return { send, sleep };
}

const keyOf = (init: RequestInit) => new Headers(init.headers).get("Idempotency-Key");

let consoleSpies: ReturnType<typeof vi.spyOn>[] = [];
beforeEach(() => {
  consoleSpies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m));
});
afterEach(() => {
  for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
  vi.restoreAllMocks();
});

describe("createHttpTransport", () => {
  it("POSTs the request as JSON without cookies, referrer, cache or redirects", async () => {
    const { fetch, calls } = scriptedFetch(json(201, booking));
    await transport(fetch).send(request);
    expect(calls).toHaveLength(1);
    const [{ url, init }] = calls as [(typeof calls)[number]];
    expect(url).toBe(ENDPOINT);
    expect(init).toMatchObject({
      method: "POST",
      redirect: "manual",
      credentials: "omit",
      mode: "cors",
      referrerPolicy: "no-referrer",
      cache: "no-store",
    });
    expect(new Headers(init.headers).get("Content-Type")).toBe("application/json");
    expect(keyOf(init)).toBe(request.idempotencyKey);
    expect(JSON.parse(String(init.body))).toEqual(request);
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it("returns the booking on 201 and on 200 (a replayed key)", async () => {
    for (const status of [201, 200]) {
      const { fetch } = scriptedFetch(json(status, booking));
      await expect(transport(fetch).send(request)).resolves.toEqual({ kind: "created", booking });
    }
  });

  it("retries a network error and reuses the same Idempotency-Key", async () => {
    const { fetch, calls } = scriptedFetch(offline(), json(201, booking));
    const { send, sleep } = transport(fetch);
    await expect(send(request)).resolves.toEqual({ kind: "created", booking });
    expect(calls.map((c) => keyOf(c.init))).toEqual([request.idempotencyKey, request.idempotencyKey]);
    expect(calls[0]?.init.body).toBe(calls[1]?.init.body);
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  it("retries a 500 and then succeeds with the same key", async () => {
    const { fetch, calls } = scriptedFetch(json(500, { error: "server-error" }), json(201, booking));
    await expect(transport(fetch).send(request)).resolves.toEqual({ kind: "created", booking });
    expect(calls.map((c) => keyOf(c.init))).toEqual([request.idempotencyKey, request.idempotencyKey]);
  });

  it("stops after maxRetries with exponential, jittered waits", async () => {
    const { fetch } = scriptedFetch(json(503, {}), json(502, {}), json(500, {}));
    const { send, sleep } = transport(fetch, { maxRetries: 2, random: () => 0 });
    await expect(send(request)).resolves.toEqual({ kind: "failed", reason: "server", retryable: true });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([250, 500]);
  });

  it("reports offline once every attempt failed on the network", async () => {
    const { fetch } = scriptedFetch(offline(), offline());
    await expect(transport(fetch, { maxRetries: 1 }).send(request)).resolves.toEqual({
      kind: "failed",
      reason: "offline",
      retryable: true,
    });
  });

  it("maps 409 to slot-taken with the receiver's issues, without retrying", async () => {
    const issues = [{ path: "sessions[0].start", code: "slot-taken", message: "this time was just booked" }];
    const { fetch } = scriptedFetch(json(409, { error: "slot-taken", issues }));
    await expect(transport(fetch).send(request)).resolves.toEqual({ kind: "slot-taken", issues });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("maps 422 issues back to field paths", async () => {
    const issues = [
      { path: "client.email", code: "invalid_format", message: "expected an email address like name@example.com" },
      { path: "answers.fever", code: "required", message: "required" },
    ];
    const { fetch } = scriptedFetch(json(422, { error: "invalid", issues }));
    await expect(transport(fetch).send(request)).resolves.toEqual({ kind: "invalid", issues });
  });

  it("keeps a 422 without a readable body as invalid with no issues", async () => {
    const { fetch } = scriptedFetch(new Response("<html>nope</html>", { status: 422 }));
    await expect(transport(fetch).send(request)).resolves.toEqual({ kind: "invalid", issues: [] });
  });

  it("does not retry other 4xx answers", async () => {
    const { fetch } = scriptedFetch(json(413, { error: "too-large" }));
    await expect(transport(fetch).send(request)).resolves.toEqual({ kind: "failed", reason: "server", retryable: false });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("does not retry a success it cannot read", async () => {
    const { fetch } = scriptedFetch(json(201, { id: "b_1" }));
    await expect(transport(fetch).send(request)).resolves.toEqual({ kind: "failed", reason: "server", retryable: false });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("gives up an attempt at timeoutMs and retries it", async () => {
    const { fetch } = scriptedFetch("hang", json(201, booking));
    const { send, sleep } = transport(fetch, { timeoutMs: 20 });
    await expect(send(request)).resolves.toEqual({ kind: "created", booking });
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  it("reports a timeout when every attempt timed out", async () => {
    const { fetch } = scriptedFetch("hang", "hang");
    await expect(transport(fetch, { timeoutMs: 20, maxRetries: 1 }).send(request)).resolves.toEqual({
      kind: "failed",
      reason: "timeout",
      retryable: true,
    });
  });

  it("refuses a redirect rejected by fetch, without retrying", async () => {
    const redirected = new TypeError("fetch failed", { cause: new Error("unexpected redirect") });
    const { fetch } = scriptedFetch(redirected);
    await expect(transport(fetch).send(request)).resolves.toEqual({ kind: "failed", reason: "redirect", retryable: false });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("refuses a real redirect with Node's own fetch, without following or retrying it", async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      req.resume();
      res.writeHead(302, { Location: "/elsewhere" }).end();
    });
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    try {
      const { port } = server.address() as AddressInfo;
      const send = createHttpTransport({ endpoint: `http://127.0.0.1:${port}/api/bookings`, timeoutMs: 5000, maxRetries: 3, sleep: async () => {} });
      await expect(send(request)).resolves.toEqual({ kind: "failed", reason: "redirect", retryable: false });
      expect(seen).toEqual(["POST /api/bookings"]);
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });

  it("refuses a redirect handed back as a response", async () => {
    const { fetch } = scriptedFetch(new Response(null, { status: 307, headers: { Location: "https://elsewhere.example/" } }));
    await expect(transport(fetch).send(request)).resolves.toEqual({ kind: "failed", reason: "redirect", retryable: false });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each(["http://clinic.example/api/bookings", "ftp://clinic.example/bookings", "not a url"])(
    "refuses %s without calling fetch",
    async (endpoint) => {
      const { fetch } = scriptedFetch();
      await expect(transport(fetch, { endpoint }).send(request)).resolves.toEqual({
        kind: "failed",
        reason: "insecure-endpoint",
        retryable: false,
      });
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it.each(["http://localhost:8787/api/bookings", "http://127.0.0.1:8787/api/bookings"])("allows %s for development", async (endpoint) => {
    const { fetch } = scriptedFetch(json(201, booking));
    await expect(transport(fetch, { endpoint }).send(request)).resolves.toEqual({ kind: "created", booking });
  });

  it("waits as long as Retry-After says on 429", async () => {
    const { fetch } = scriptedFetch(json(429, { error: "rate-limited" }, { "Retry-After": "2" }), json(201, booking));
    const { send, sleep } = transport(fetch);
    await expect(send(request)).resolves.toEqual({ kind: "created", booking });
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([2000]);
  });

  it("reads Retry-After as an HTTP date", async () => {
    const { fetch } = scriptedFetch(
      json(429, {}, { "Retry-After": "Fri, 20 Nov 2026 10:00:05 GMT" }),
      json(201, booking),
    );
    const { send, sleep } = transport(fetch);
    await send(request);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([5000]);
  });

  it("does not hold the client longer than the Retry-After cap", async () => {
    const { fetch } = scriptedFetch(json(429, {}, { "Retry-After": "3600" }));
    const { send, sleep } = transport(fetch);
    await expect(send(request)).resolves.toEqual({ kind: "failed", reason: "rate-limited", retryable: true });
    expect(sleep).not.toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("stops when the caller aborts during a request", async () => {
    const { fetch } = scriptedFetch("hang");
    const controller = new AbortController();
    const pending = transport(fetch).send(request, controller.signal);
    controller.abort();
    await expect(pending).resolves.toEqual({ kind: "failed", reason: "timeout", retryable: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("stops when the caller aborts during the wait between attempts", async () => {
    const controller = new AbortController();
    const { fetch } = scriptedFetch(offline());
    const sleep = vi.fn((_ms: number) => {
      controller.abort();
      return Promise.resolve();
    });
    const { send } = transport(fetch, { sleep });
    await expect(send(request, controller.signal)).resolves.toEqual({ kind: "failed", reason: "timeout", retryable: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("sends nothing when the caller already aborted", async () => {
    const { fetch } = scriptedFetch();
    await expect(transport(fetch).send(request, AbortSignal.abort())).resolves.toMatchObject({ kind: "failed" });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("availability", () => {
  it.each([
    ["https://clinic.example/api/bookings", "https://clinic.example/api/availability"],
    ["https://clinic.example/api/bookings/", "https://clinic.example/api/availability"],
    ["https://clinic.example/hooks/booking?token=abc#x", "https://clinic.example/hooks/availability"],
    ["http://localhost:8787/api/bookings", "http://localhost:8787/api/availability"],
  ])("lives beside the bookings endpoint: %s → %s", (endpoint, expected) => {
    expect(availabilityUrlFor(endpoint)).toBe(expected);
  });

  const busy = [{ therapistId: "ana", start: "2026-12-01T14:00:00.000Z", end: "2026-12-01T15:00:00.000Z" }];

  it("GETs the range with dates only, without cookies or referrer", async () => {
    const { fetch, calls } = scriptedFetch(json(200, { busy }));
    const load = createAvailabilityClient(ENDPOINT, { fetch });
    await expect(load("2026-12-01T04:00:00.000Z", "2026-12-08T04:00:00.000Z")).resolves.toEqual(busy);
    expect(calls[0]?.url).toBe(
      "https://clinic.example/api/availability?from=2026-12-01T04%3A00%3A00.000Z&to=2026-12-08T04%3A00%3A00.000Z",
    );
    expect(calls[0]?.init).toMatchObject({ method: "GET", credentials: "omit", referrerPolicy: "no-referrer", redirect: "manual" });
  });

  it("accepts LocalDates as well as instants", async () => {
    const { fetch, calls } = scriptedFetch(json(200, { busy: [] }));
    await expect(createAvailabilityClient(ENDPOINT, { fetch })("2026-12-01", "2026-12-08")).resolves.toEqual([]);
    expect(calls[0]?.url).toBe("https://clinic.example/api/availability?from=2026-12-01&to=2026-12-08");
  });

  it("puts nothing but dates in the URL", async () => {
    const { fetch } = scriptedFetch();
    const load = createAvailabilityClient(ENDPOINT, { fetch });
    await expect(load("2026-12-01", "pregnant=yes")).rejects.toMatchObject({ reason: "bad-request" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("refuses an insecure endpoint without calling fetch", async () => {
    const { fetch } = scriptedFetch();
    const load = createAvailabilityClient("http://clinic.example/api/bookings", { fetch });
    await expect(load("2026-12-01", "2026-12-08")).rejects.toMatchObject({ reason: "insecure-endpoint" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    [json(503, {}), "server"],
    [json(200, { busy: [{ therapistId: "ana" }] }), "server"],
    [json(200, busy), "server"],
    [offline(), "offline"],
  ] as const)("rejects with a reason the widget can translate", async (reply, reason) => {
    const { fetch } = scriptedFetch(reply);
    const error: unknown = await createAvailabilityClient(ENDPOINT, { fetch })("2026-12-01", "2026-12-08").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestFailedError);
    expect(error).toMatchObject({ reason });
  });
});

describe("fetchClinicConfig", () => {
  it("resolves a relative URL against the page and returns the raw document", async () => {
    const { fetch, calls } = scriptedFetch(json(200, { clinic: { name: "x" } }));
    await expect(fetchClinicConfig("/clinic.json", { fetch, baseUrl: "https://clinic.example/book/" })).resolves.toEqual({
      clinic: { name: "x" },
    });
    expect(calls[0]?.url).toBe("https://clinic.example/clinic.json");
    expect(calls[0]?.init).toMatchObject({ credentials: "omit", redirect: "follow" });
  });

  it("names the URL and status when the document cannot be read", async () => {
    const { fetch } = scriptedFetch(new Response("nope", { status: 404 }));
    await expect(fetchClinicConfig("https://clinic.example/clinic.json", { fetch })).rejects.toThrow(
      "https://clinic.example/clinic.json answered HTTP 404",
    );
  });

  it("rejects a document that is not JSON", async () => {
    const { fetch } = scriptedFetch(new Response("<html>", { status: 200 }));
    await expect(fetchClinicConfig("https://clinic.example/clinic.json", { fetch })).rejects.toMatchObject({ reason: "server" });
  });

  it("refuses URLs that are not http(s)", async () => {
    const { fetch } = scriptedFetch();
    await expect(fetchClinicConfig("javascript:alert(1)", { fetch })).rejects.toMatchObject({ reason: "bad-request" });
    expect(fetch).not.toHaveBeenCalled();
  });
});
