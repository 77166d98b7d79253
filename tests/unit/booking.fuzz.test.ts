import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BookingRequestSchema, type BookingRequestInput } from "../../src/core/booking";
import { quote } from "../../src/core/pricing";
import type { Result } from "../../src/core/result";
import type { BusyInterval } from "../../src/core/slots";
import { HEALTHY, MONDAY, NOW, checkBooking, demoBooking, weekly } from "./fixtures/booking-request";
import { REMOVE, demoClinic, editAt } from "./fixtures/demo-clinic";
import { anyValue } from "./fixtures/any-value";

const RUNS = 300;
const config = demoClinic();


const BUSY: BusyInterval[] = [{ therapistId: "maude-arsenault", start: MONDAY, end: "2026-05-11T14:00:00.000Z" }];

/** Every path in a valid request, in the form issues use ("sessions[0].start"). */
function pathsOf(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, i) => [`${prefix}[${i}]`, ...pathsOf(item, `${prefix}[${i}]`)]);
  }
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => {
      const path = prefix === "" ? key : `${prefix}.${key}`;
      return [path, ...pathsOf(item, path)];
    });
  }
  return [];
}

const SEED_REQUEST = demoBooking({ sessions: weekly(MONDAY, 2), promoCode: "RUNHFX15", quotedTotal: 23000 });
const REQUEST_PATHS = pathsOf(SEED_REQUEST);

/** One edit of a valid request: a value replaced by arbitrary JSON, or removed. */
const mutation = fc.record({
  path: fc.constantFrom(...REQUEST_PATHS),
  replacement: fc.option(fc.jsonValue(), { nil: undefined }),
});

function mutated(edits: { path: string; replacement: unknown }[]): Record<string, unknown> {
  const request = structuredClone(SEED_REQUEST) as unknown as Record<string, unknown>;
  for (const { path, replacement } of edits) editAt(request, path, replacement === undefined ? REMOVE : replacement);
  return request;
}

/** Instants the wire format admits, from year 0000 to 9999, some with extra fractional digits. */
const wireInstant = fc.oneof(
  fc
    .date({ min: new Date("0000-01-01T00:00:00.000Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc
    .date({ min: new Date("2026-05-01T00:00:00.000Z"), max: new Date("2026-07-10T00:00:00.000Z"), noInvalidDate: true })
    .map((d) => new Date(Math.floor(d.getTime() / 900_000) * 900_000).toISOString()),
  fc
    .tuple(fc.integer({ min: 0, max: 70 * 96 }), fc.stringMatching(/^[0-9]{4,12}$/))
    .map(([quarter, digits]) => `${new Date(Date.parse("2026-05-01T00:00:00.000Z") + quarter * 900_000).toISOString().slice(0, 19)}.${digits}Z`),
);

const answerValue = fc.oneof(fc.boolean(), fc.constantFrom("no", "not-severe", "severe", "2026-05-01", "1999-01-01"), fc.jsonValue());

/** Well-typed requests with every field chosen from plausible and edge values. */
const plausibleRequest: fc.Arbitrary<BookingRequestInput> = fc
  .record({
    kind: fc.constantFrom("booking", "callback"),
    serviceId: fc.constantFrom("clinical-massage", "sports-massage", "deep-tissue", "hot-stones"),
    minutes: fc.constantFrom(30, 45, 60, 90),
    therapistId: fc.option(fc.constantFrom("maude-arsenault", "daniel-okafor", "nobody"), { nil: undefined }),
    sessions: fc.array(wireInstant.map((start) => ({ start })), { maxLength: 12 }),
    isNewClient: fc.boolean(),
    lastFullIntake: fc.option(fc.constantFrom("2025-01-01", "2026-05-04", "0001-01-01", "9999-12-31"), { nil: undefined }),
    intakeMode: fc.constantFrom("full", "update"),
    answers: fc.dictionary(
      fc.constantFrom(...Object.keys(HEALTHY), "local-condition-areas", "changes-since-last-visit", "what-changed", "surgery-or-injury-date", "x"),
      answerValue,
    ),
    keepHealthy: fc.boolean(),
    clearanceConfirmed: fc.boolean(),
    promoCode: fc.option(fc.constantFrom("RUNHFX15", "nope", " ", ""), { nil: undefined }),
    quotedTotal: fc.integer({ min: 0, max: 200_000 }),
    quotedDealId: fc.option(fc.constantFrom("fifth-session-free", "first-visit-20", "spring-2026-fifth-free", "run-club-partner", "ghost"), {
      nil: null,
    }),
  })
  .map(({ isNewClient, lastFullIntake, answers, keepHealthy, ...fields }) =>
    demoBooking({
      ...fields,
      client: { name: "Jo", email: "jo@client.example", phone: "+1 902 555 0199", isNewClient, ...(lastFullIntake ? { lastFullIntake } : {}) },
      answers: keepHealthy ? { ...HEALTHY, ...answers } : answers,
    } as Partial<BookingRequestInput>),
  );

/** Mondays and Tuesdays 10:00 ADT from 11 May: free slots for Maude. */
const GOOD_SLOTS = weekly(MONDAY, 7).flatMap((s) => [s.start, new Date(Date.parse(s.start) + 86_400_000).toISOString()]);

const rarely = fc.constantFrom(false, false, false, false, true);

/** `arb` one time in five, otherwise `nil`. */
function sometimes<T, N>(arb: fc.Arbitrary<T>, nil: N): fc.Arbitrary<T | N> {
  return fc.oneof({ arbitrary: fc.constant(nil), weight: 4 }, { arbitrary: arb, weight: 1 });
}

/**
 * Requests that are mostly bookable: Maude's services at free slots, with screening answers,
 * client kind, promo codes and deals varied, quoted at the price the pricing core gives unless
 * `misquote` is set.
 */
const nearlyValidRequest: fc.Arbitrary<BookingRequestInput> = fc
  .record({
    serviceId: fc.constantFrom("clinical-massage", "deep-tissue", "trigger-point", "myofascial-release"),
    minutes: fc.constantFrom(30, 45, 60),
    starts: fc.uniqueArray(fc.constantFrom(...GOOD_SLOTS), { minLength: 1, maxLength: 11 }), // 11: one too many
    isNewClient: fc.boolean(),
    flags: fc.record({
      "contagious-illness": rarely,
      "uncontrolled-blood-pressure": rarely,
      "blood-clot-now": rarely,
      pregnant: rarely,
    }),
    clearanceConfirmed: fc.boolean(),
    promoCode: sometimes(fc.constantFrom("RUNHFX15", "runhfx15", "nope"), undefined),
    quotedDealId: sometimes(fc.constantFrom("fifth-session-free", "first-visit-20", "spring-2026-fifth-free"), null),
    misquote: sometimes(fc.integer({ min: -5000, max: 5000 }), undefined),
  })
  .map(({ starts, isNewClient, flags, misquote, serviceId, minutes, ...fields }) => {
    const answers = { ...HEALTHY, ...flags, ...(flags.pregnant ? { "pregnancy-complications": false } : {}) };
    const priced = quote({
      config,
      sessions: starts.map((start) => ({ serviceId, minutes, start })),
      isNewClient,
      ...(fields.promoCode ? { promoCode: fields.promoCode } : {}),
      now: NOW,
    });
    return demoBooking({
      ...fields,
      serviceId,
      minutes,
      sessions: starts.map((start) => ({ start })),
      client: { name: "Jo", email: "jo@client.example", phone: "+1 902 555 0199", isNewClient },
      answers,
      quotedTotal: Math.max(0, priced.total + (misquote ?? 0)),
    });
  });

function expectWellFormed(result: Result<unknown>): void {
  expect(typeof result.ok).toBe("boolean");
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const issue of result.errors) {
    expect(typeof issue.path).toBe("string");
    expect(issue.path).not.toBe("");
    expect(typeof issue.code).toBe("string");
    expect(issue.code).not.toBe("");
    expect(typeof issue.message).toBe("string");
  }
}

/** Neither the schema nor the check throws, and the check's answer is well formed and consistent. */
function expectHandled(input: unknown): void {
  const parsed = BookingRequestSchema.safeParse(input);
  expect(typeof parsed.success).toBe("boolean");
  for (const busy of [[], BUSY]) {
    const result = checkBooking(config, input, busy, NOW);
    expectWellFormed(result);
    if (!parsed.success) expect(result.ok).toBe(false);
    if (!result.ok) continue;
    const { request, sessions, quote, status } = result.value;
    if (request.kind === "callback") {
      expect(status).toBe("needs-review");
      expect(sessions).toEqual([]);
      continue;
    }
    expect(status).toBe("confirmed");
    expect(sessions).toHaveLength(request.sessions.length);
    expect(quote.total).toBe(request.quotedTotal);
    expect(quote.total).toBe(sessions.reduce((sum, s) => sum + s.price, 0));
    for (const s of sessions) {
      expect(Date.parse(s.end) - Date.parse(s.start)).toBe(request.minutes * 60_000);
      expect(s.price).toBe(s.listPrice - s.discount);
    }
  }
}

describe("BookingRequestSchema and checkBooking never throw", () => {
  it("on anything at all", () => {
    fc.assert(fc.property(anyValue, expectHandled), { numRuns: RUNS });
  });

  it("on any JSON value", () => {
    fc.assert(fc.property(fc.jsonValue(), expectHandled), { numRuns: RUNS });
  });

  it("on a valid request with values replaced by arbitrary JSON or removed", () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (edits) => expectHandled(mutated(edits))), {
      numRuns: RUNS,
    });
  });

  it("on a valid request with one value replaced by anything", () => {
    fc.assert(
      fc.property(fc.constantFrom(...REQUEST_PATHS), anyValue, (path, replacement) => {
        const request = structuredClone(SEED_REQUEST) as unknown as Record<string, unknown>;
        editAt(request, path, replacement);
        expectHandled(request);
      }),
      { numRuns: RUNS },
    );
  });

  it("on well-typed requests with edge-case instants, answers, deals and codes", () => {
    fc.assert(fc.property(plausibleRequest, expectHandled), { numRuns: RUNS * 2 });
  });

  it("on mostly bookable requests, with a consistent answer when accepted", () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearlyValidRequest, (request) => {
        expectHandled(request);
        if (checkBooking(config, request, [], NOW).ok) accepted++;
      }),
      { numRuns: RUNS },
    );
    // The generator must reach the accepting path often enough for the checks above to matter.
    expect(accepted).toBeGreaterThan(RUNS / 20);
  });

  it("accepts the seed request, so the mutations start from something valid", () => {
    const result = checkBooking(config, SEED_REQUEST, [], NOW);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.quote.total).toBe(23000);
  });

  it("refuses instants the slot engine cannot place instead of throwing", () => {
    for (const start of ["0000-01-01T00:00:00.000Z", "2026-05-11T13:00:00.1234567891Z", "9999-12-31T23:59:59.999Z"]) {
      const result = checkBooking(config, demoBooking({ sessions: [{ start }] }), [], NOW);
      expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ path: "sessions[0].start", code: "slot-unavailable" })] });
    }
  });

  // A JSON body never holds a BigInt, but checkBooking takes `unknown`: messages must quote it safely.
  it("on a BigInt where an instant goes", () => {
    const request = structuredClone(SEED_REQUEST) as unknown as Record<string, unknown>;
    editAt(request, "sessions[0].start", 1n);
    expect(() => BookingRequestSchema.safeParse(request).error?.issues).not.toThrow();
    expect(() => checkBooking(config, request, [], NOW)).not.toThrow();
  });
});
