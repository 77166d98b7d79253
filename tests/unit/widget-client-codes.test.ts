import { describe, expect, it } from "vitest";
import type { BookingRequest } from "../../src/core/booking/contract";
import { createClientCodeService, createHttpTransport } from "../../src/widget/submit";

const ENDPOINT = "https://clinic.example/api/bookings";
const TOKEN = "t".repeat(43);

function recordingFetch(...replies: Response[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), init: init ?? {} });
    const reply = replies.shift();
    if (!reply) throw new Error("no reply left");
    return reply;
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("the widget's code client", () => {
  it("posts beside the bookings URL, on its origin, without credentials or referrer", async () => {
    const { fetch, calls } = recordingFetch(json(202, { sent: true }), json(200, { clientToken: TOKEN, returning: true, intakeMode: "update", contact: null }));
    const service = createClientCodeService(`${ENDPOINT}/?x=1`, { fetch });
    expect(await service.requestCode("jo@example.com", "fr")).toEqual({ kind: "sent" });
    expect(await service.verifyCode("jo@example.com", "012345")).toEqual({
      kind: "verified",
      client: { clientToken: TOKEN, returning: true, intakeMode: "update", contact: null },
    });
    expect(calls.map((c) => c.url)).toEqual(["https://clinic.example/api/clients/code", "https://clinic.example/api/clients/verify"]);
    expect(calls[0]?.init).toMatchObject({ method: "POST", credentials: "omit", referrerPolicy: "no-referrer", redirect: "manual" });
    expect(JSON.parse(String(calls[1]?.init.body))).toEqual({ email: "jo@example.com", code: "012345" });
  });

  it("tells a wrong code, a wait and a failure apart", async () => {
    const { fetch } = recordingFetch(
      json(401, { error: "code-invalid", message: "no" }),
      json(429, { error: "rate-limited", retryAfterSeconds: 120 }),
      json(500, {}),
      json(200, { clientToken: "short" }),
    );
    const service = createClientCodeService(ENDPOINT, { fetch });
    expect(await service.verifyCode("jo@example.com", "012345")).toEqual({ kind: "code-invalid" });
    expect(await service.requestCode("jo@example.com", "en")).toEqual({ kind: "rate-limited", retryAfterSeconds: 120 });
    expect(await service.requestCode("jo@example.com", "en")).toEqual({ kind: "failed" });
    expect(await service.verifyCode("jo@example.com", "012345")).toEqual({ kind: "failed" });
  });

  it("sends nothing to an endpoint that is not https", async () => {
    const { fetch, calls } = recordingFetch();
    const service = createClientCodeService("http://clinic.example/api/bookings", { fetch });
    expect(await service.requestCode("jo@example.com", "en")).toEqual({ kind: "failed" });
    expect(calls).toEqual([]);
  });
});

describe("the booking transport with a client token", () => {
  const request = { idempotencyKey: "a1b2c3d4e5f6a7b8c9d0" } as BookingRequest;

  it("sends it as X-Client-Token, and sends no such header without one", async () => {
    const { fetch, calls } = recordingFetch(json(422, { error: "invalid", issues: [] }), json(422, { error: "invalid", issues: [] }));
    const transport = createHttpTransport({ endpoint: ENDPOINT, timeoutMs: 1000, maxRetries: 0, fetch });
    await transport(request, undefined, { clientToken: TOKEN });
    await transport(request);
    const headers = calls.map((c) => c.init.headers as Record<string, string>);
    expect(headers[0]?.["X-Client-Token"]).toBe(TOKEN);
    expect(headers[1]).not.toHaveProperty("X-Client-Token");
    expect(String(calls[0]?.init.body)).not.toContain(TOKEN);
  });
});
