import { afterEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/preact";
import { createHttpTransport } from "../../src/widget/submit";
import type { BookingRequest } from "../../src/widget/types";
import { NOW, bookToReview, heading, mount, setupUser, unmountAll } from "./support/widget";

vi.setConfig({ testTimeout: 30_000 });
afterEach(unmountAll);

type Call = { url: string; key: string | null; body: BookingRequest; signal: AbortSignal | null };

/** A fetch that records what the widget sent and answers from a script. */
function scriptedFetch(answers: Array<(call: Call) => Response | Promise<Response>>) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const call: Call = {
      url: String(input),
      key: headers.get("Idempotency-Key"),
      body: JSON.parse(String(init?.body)) as BookingRequest,
      signal: init?.signal ?? null,
    };
    calls.push(call);
    const answer = answers[Math.min(calls.length, answers.length) - 1];
    if (!answer) throw new TypeError("Failed to fetch");
    return answer(call);
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function bookingBody(request: BookingRequest) {
  const sessions = request.sessions.map((s) => ({
    start: s.start,
    end: new Date(Date.parse(s.start) + request.minutes * 60_000).toISOString(),
    listPrice: 11500,
    discount: 2300,
    price: 9200,
    dealId: "first-visit-20",
  }));
  return {
    id: "bk_1",
    reference: "HX-HTTP1",
    status: "confirmed",
    kind: "booking",
    serviceId: request.serviceId,
    minutes: request.minutes,
    therapistId: request.therapistId ?? null,
    sessions,
    currency: "CAD",
    listTotal: 11500,
    discountTotal: 2300,
    total: 9200,
    dealId: "first-visit-20",
    outcome: "ok",
    createdAt: NOW.toISOString(),
  };
}

const transportFor = (endpoint: string, fetch: ReturnType<typeof scriptedFetch>["fetch"], timeoutMs = 5000) =>
  createHttpTransport({ endpoint, timeoutMs, maxRetries: 2, fetch, sleep: async () => {}, random: () => 0 });

describe("with the real HTTP transport", () => {
  it("a 500 then a 201 books once, both attempts under one Idempotency-Key", async () => {
    const user = setupUser();
    const { fetch, calls } = scriptedFetch([() => json(500, { error: "server-error", issues: [] }), (call) => json(201, bookingBody(call.body))]);
    mount({ transport: transportFor("https://clinic.example/api/bookings", fetch) });
    await bookToReview(user);
    await user.click(screen.getByRole("button", { name: "Confirm booking" }));
    await heading("You're booked");
    expect(screen.getByText("HX-HTTP1").closest("p")?.textContent).toBe("Your reference HX-HTTP1");
    expect(calls).toHaveLength(2);
    expect(calls[0]?.key).toBe(calls[0]?.body.idempotencyKey);
    expect(calls[1]?.key).toBe(calls[0]?.key);
    for (const call of calls) expect(call.url).toBe("https://clinic.example/api/bookings");
  });

  it("refuses a plain-http endpoint without sending anything", async () => {
    const user = setupUser();
    const { fetch, calls } = scriptedFetch([]);
    mount({ transport: transportFor("http://clinic.example/api/bookings", fetch) });
    await bookToReview(user);
    await user.click(screen.getByRole("button", { name: "Confirm booking" }));
    expect((await screen.findByText(/the connection is not encrypted/)).textContent).toBe(
      "The booking could not be sent safely (the connection is not encrypted). Please call the clinic at +1 902-555-0148.",
    );
    expect(calls).toHaveLength(0);
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Try again" }).disabled).toBe(false);
  });

  it("does not follow a redirect", async () => {
    const user = setupUser();
    const { fetch, calls } = scriptedFetch([() => new Response(null, { status: 302, headers: { Location: "https://elsewhere.example/" } })]);
    mount({ transport: transportFor("https://clinic.example/api/bookings", fetch) });
    await bookToReview(user);
    await user.click(screen.getByRole("button", { name: "Confirm booking" }));
    expect((await screen.findByText(/the clinic's address redirected/)).textContent).toBe(
      "The booking could not be sent safely (the clinic's address redirected). Please call the clinic at +1 902-555-0148.",
    );
    expect(calls).toHaveLength(1);
  });

  it("gives up after the timeout and keeps the form for a retry", async () => {
    const user = setupUser();
    // Like a real fetch to a receiver that never answers: only the abort ends it.
    const hang = (call: Call) =>
      new Promise<Response>((_resolve, reject) =>
        call.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
      );
    const { fetch, calls } = scriptedFetch([hang, hang, hang, (call) => json(201, bookingBody(call.body))]);
    // Each attempt's deadline is a real timer: kept short so three attempts take milliseconds.
    mount({ transport: transportFor("https://clinic.example/api/bookings", fetch, 20) });
    await bookToReview(user);
    await user.click(screen.getByRole("button", { name: "Confirm booking" }));
    expect((await screen.findByText(/took too long to answer/)).textContent).toBe(
      "The clinic took too long to answer. Your answers are kept: please try again.",
    );
    expect(calls).toHaveLength(3);
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await heading("You're booked");
    expect(new Set(calls.map((c) => c.key)).size).toBe(1);
  });
});
