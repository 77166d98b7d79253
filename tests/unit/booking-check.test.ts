import { describe, expect, it } from "vitest";
import type { BookingRequestInput, CheckedBooking } from "../../src/core/booking";
import type { Issue } from "../../src/core/result";
import type { BusyInterval } from "../../src/core/slots";
import { HEALTHY, MONDAY, NOW, TOMORROW_ISH, checkBooking, demoBooking, weekly } from "./fixtures/booking-request";
import { demoClinic } from "./fixtures/demo-clinic";
import { HEALTHY_UPDATE_ANSWERS } from "./screening-fixtures";

// Prices from demo/clinic.json (minor units, CAD):
//   clinical-massage 30 → 7,000, 60 → 11,500; sports-massage 60 → 12,000.
// Deals at NOW (2026-05-04): fifth-session-free (every 5th consecutive session free),
// first-visit-20 (20 % off a new client's first session), spring-2026-fifth-free (ended
// 2026-04-30), promo RUNHFX15 (1,500 off sports massage).
const config = demoClinic();

const MAUDE = "maude-arsenault";
const DANIEL = "daniel-okafor";
const NEW_CLIENT = { name: "Jo Client", email: "jo@client.example", phone: "+1 902 555 0199", isNewClient: true };
const RETURNING = { ...NEW_CLIENT, isNewClient: false };

function check(overrides: Partial<BookingRequestInput> = {}, busy: BusyInterval[] = []) {
  return checkBooking(config, demoBooking(overrides), busy, NOW);
}

function accepted(overrides: Partial<BookingRequestInput> = {}, busy: BusyInterval[] = []): CheckedBooking {
  const result = check(overrides, busy);
  if (!result.ok) throw new Error(`expected the booking to be accepted, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

function refused(overrides: Partial<BookingRequestInput> = {}, busy: BusyInterval[] = []): Issue[] {
  const result = check(overrides, busy);
  if (result.ok) throw new Error("expected the booking to be refused");
  return result.errors;
}

/** path and code of each issue, in order. */
function codes(issues: Issue[]): { path: string; code: string }[] {
  return issues.map(({ path, code }) => ({ path, code }));
}

function plusMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

describe("checkBooking: a valid single booking", () => {
  it("is confirmed at list price for a returning client", () => {
    const booking = accepted();
    expect(booking.status).toBe("confirmed");
    expect(booking.sessions).toEqual([
      { start: MONDAY, end: "2026-05-11T14:00:00.000Z", listPrice: 11500, discount: 0, price: 11500, dealId: null },
    ]);
    expect(booking.quote).toMatchObject({ currency: "CAD", listTotal: 11500, discountTotal: 0, total: 11500, deal: null, promo: "none" });
    expect(booking.triage.outcome).toBe("ok");
    expect(booking.answers).toEqual(HEALTHY);
  });

  it("takes 20 % off a new client's first visit (11,500 − 2,300)", () => {
    const booking = accepted({ client: NEW_CLIENT, quotedTotal: 9200, quotedDealId: "first-visit-20" });
    expect(booking.sessions).toEqual([
      { start: MONDAY, end: "2026-05-11T14:00:00.000Z", listPrice: 11500, discount: 2300, price: 9200, dealId: "first-visit-20" },
    ]);
    expect(booking.quote.total).toBe(9200);
    expect(booking.quote.deal?.id).toBe("first-visit-20");
  });

  it("prices the 30-minute option and ends the session 30 minutes after it starts (7,000 − 1,400)", () => {
    const booking = accepted({ minutes: 30, client: NEW_CLIENT, quotedTotal: 5600, quotedDealId: "first-visit-20" });
    expect(booking.sessions).toEqual([
      { start: MONDAY, end: "2026-05-11T13:30:00.000Z", listPrice: 7000, discount: 1400, price: 5600, dealId: "first-visit-20" },
    ]);
  });

  it("applies promo RUNHFX15 to sports massage, trimmed and case-insensitive (12,000 − 1,500)", () => {
    const wednesday = "2026-05-13T13:00:00.000Z"; // Daniel, 10:00 ADT
    const booking = accepted({
      serviceId: "sports-massage",
      therapistId: DANIEL,
      sessions: [{ start: wednesday }],
      promoCode: "  runhfx15 ",
      quotedTotal: 10500,
      quotedDealId: "run-club-partner",
    });
    expect(booking.sessions).toEqual([
      { start: wednesday, end: "2026-05-13T14:00:00.000Z", listPrice: 12000, discount: 1500, price: 10500, dealId: "run-club-partner" },
    ]);
    expect(booking.quote.promo).toBe("applied");
  });

  it("reads an instant with extra fractional digits as the same time", () => {
    const booking = accepted({ sessions: [{ start: "2026-05-11T13:00:00.0000000000Z" }] });
    expect(booking.sessions.map((s) => [s.start, s.end])).toEqual([[MONDAY, "2026-05-11T14:00:00.000Z"]]);
  });
});

describe("checkBooking: series", () => {
  const mondays = weekly(MONDAY, 5);

  it("makes the 5th of five weekly sessions free (4 × 11,500)", () => {
    const booking = accepted({ sessions: mondays, quotedTotal: 46000, quotedDealId: "fifth-session-free" });
    expect(booking.sessions.map((s) => [s.start, s.end, s.listPrice, s.discount, s.price, s.dealId])).toEqual([
      ["2026-05-11T13:00:00.000Z", "2026-05-11T14:00:00.000Z", 11500, 0, 11500, null],
      ["2026-05-18T13:00:00.000Z", "2026-05-18T14:00:00.000Z", 11500, 0, 11500, null],
      ["2026-05-25T13:00:00.000Z", "2026-05-25T14:00:00.000Z", 11500, 0, 11500, null],
      ["2026-06-01T13:00:00.000Z", "2026-06-01T14:00:00.000Z", 11500, 0, 11500, null],
      ["2026-06-08T13:00:00.000Z", "2026-06-08T14:00:00.000Z", 11500, 11500, 0, "fifth-session-free"],
    ]);
    expect(booking.quote).toMatchObject({ listTotal: 57500, discountTotal: 11500, total: 46000 });
    expect(booking.quote.deal?.id).toBe("fifth-session-free");
  });

  it("prefers the free 5th session (11,500) over a new client's 20 % (2,300)", () => {
    const booking = accepted({ client: NEW_CLIENT, sessions: mondays, quotedTotal: 46000, quotedDealId: "fifth-session-free" });
    expect(booking.quote.total).toBe(46000);
    expect(booking.sessions.map((s) => s.discount)).toEqual([0, 0, 0, 0, 11500]);
  });

  it("gives nothing free for four sessions", () => {
    const booking = accepted({ sessions: weekly(MONDAY, 4), quotedTotal: 46000 });
    expect(booking.quote.deal).toBeNull();
    expect(booking.sessions.map((s) => s.price)).toEqual([11500, 11500, 11500, 11500]);
  });

  it("prices sessions in chronological order whatever the order sent", () => {
    const booking = accepted({ sessions: [...mondays].reverse(), quotedTotal: 46000, quotedDealId: "fifth-session-free" });
    expect(booking.sessions.map((s) => s.start)).toEqual(mondays.map((s) => s.start));
    expect(booking.sessions[4]?.price).toBe(0);
  });

  it("accepts the maximum of 10 sessions, the 5th and 10th free (8 × 11,500)", () => {
    // Mondays and Tuesdays at 10:00 ADT for five weeks.
    const sessions = weekly(MONDAY, 5).flatMap((s) => [s, { start: plusMinutes(s.start, 24 * 60) }]);
    const booking = accepted({ sessions, quotedTotal: 92000, quotedDealId: "fifth-session-free" });
    expect(booking.sessions).toHaveLength(10);
    expect(booking.sessions.map((s) => s.discount)).toEqual([0, 0, 0, 0, 11500, 0, 0, 0, 0, 11500]);
  });

  it("refuses more sessions than maxSeriesSessions", () => {
    const sessions = weekly(MONDAY, 5).flatMap((s) => [s, { start: plusMinutes(s.start, 24 * 60) }]);
    sessions.push({ start: "2026-06-15T13:00:00.000Z" });
    expect(sessions).toHaveLength(11);
    expect(codes(refused({ sessions, quotedTotal: 103500 }))).toEqual([{ path: "sessions", code: "too-many-sessions" }]);
  });
});

describe("checkBooking: answers", () => {
  it("drops answers to hidden and unknown questions", () => {
    const answers = {
      ...HEALTHY,
      "local-condition-areas": ["neck"], // hidden: no skin or vein condition
      "pregnancy-weeks": 20, // hidden: not pregnant
      "changes-since-last-visit": true, // only asked in the update
      "favourite-colour": "blue", // not a question
    };
    const booking = accepted({ answers });
    expect(booking.answers).toEqual(HEALTHY);
    expect(booking.answers).not.toHaveProperty("local-condition-areas");
    expect(booking.answers).not.toHaveProperty("favourite-colour");
  });

  it("keeps the answer to a question made visible", () => {
    const answers = { ...HEALTHY, "local-skin-or-vein-condition": true, "local-condition-areas": ["neck"] };
    const booking = accepted({ answers });
    expect(booking.answers["local-condition-areas"]).toEqual(["neck"]);
    expect(booking.triage.outcome).toBe("caution");
    expect(booking.triage.areasToAvoid).toEqual(["neck"]);
  });

  it("refuses a missing required answer at answers.<id>", () => {
    const { "blood-clot-now": _omitted, ...answers } = HEALTHY;
    expect(codes(refused({ answers }))).toEqual([{ path: "answers.blood-clot-now", code: "required" }]);
  });
});

describe("checkBooking: service, duration and therapist", () => {
  const cases: [string, Partial<BookingRequestInput>, string, string][] = [
    ["an unknown service", { serviceId: "hot-stones" }, "serviceId", "unknown-service"],
    ["an unknown duration", { minutes: 90 }, "minutes", "unknown-duration"],
    ["an unknown therapist", { therapistId: "nobody" }, "therapistId", "unknown-therapist"],
    ["a therapist who does not offer the service", { serviceId: "sports-massage", quotedTotal: 12000 }, "therapistId", "service-not-offered"],
    ["a booking without a therapist", { therapistId: undefined }, "therapistId", "custom"],
    ["a booking without sessions", { sessions: [] }, "sessions", "custom"],
  ];
  it.each(cases)("refuses %s", (_name, overrides, path, code) => {
    expect(codes(refused(overrides))).toEqual([{ path, code }]);
  });

  it("names the unknown service in the message", () => {
    expect(refused({ serviceId: "hot-stones" })[0]?.message).toContain('"hot-stones"');
  });
});

describe("checkBooking: slots", () => {
  const unavailable = [
    ["outside opening hours (18:00 ADT)", "2026-05-11T21:00:00.000Z"],
    ["during Maude's lunch break (12:00 ADT)", "2026-05-11T15:00:00.000Z"],
    ["on a day Maude does not work (Wednesday)", "2026-05-13T13:00:00.000Z"],
    ["off the 15-minute grid (10:05 ADT)", "2026-05-11T13:05:00.000Z"],
    ["in the past", "2026-05-01T13:00:00.000Z"],
    ["within the 24-hour notice (today 14:00 ADT)", "2026-05-04T17:00:00.000Z"],
    ["beyond the 60-day horizon (Monday 6 July)", "2026-07-06T13:00:00.000Z"],
    ["in year 0000", "0000-01-03T13:00:00.000Z"],
    ["in year 9999", "9999-12-27T13:00:00Z"],
  ] as const;
  it.each(unavailable)("refuses a slot %s as slot-unavailable", (_name, start) => {
    expect(codes(refused({ sessions: [{ start }] }))).toEqual([{ path: "sessions[0].start", code: "slot-unavailable" }]);
  });

  it("accepts the last Monday inside the horizon (29 June)", () => {
    expect(accepted({ sessions: [{ start: "2026-06-29T13:00:00.000Z" }] }).sessions[0]?.end).toBe("2026-06-29T14:00:00.000Z");
  });

  it("reports the failing session by its index", () => {
    const sessions = [{ start: MONDAY }, { start: "2026-05-18T21:00:00.000Z" }, { start: "2026-05-25T13:00:00.000Z" }];
    expect(codes(refused({ sessions, quotedTotal: 34500 }))).toEqual([{ path: "sessions[1].start", code: "slot-unavailable" }]);
  });

  it("refuses a slot overlapping a busy interval as slot-taken", () => {
    const busy = [{ therapistId: MAUDE, start: MONDAY, end: "2026-05-11T14:00:00.000Z" }];
    const issues = refused({}, busy);
    expect(codes(issues)).toEqual([{ path: "sessions[0].start", code: "slot-taken" }]);
  });

  it("counts the 15-minute buffer after a busy session", () => {
    // Ends 09:50 ADT: with the buffer, occupied until 10:05.
    const busy = [{ therapistId: MAUDE, start: "2026-05-11T12:20:00.000Z", end: "2026-05-11T12:50:00.000Z" }];
    expect(codes(refused({}, busy))).toEqual([{ path: "sessions[0].start", code: "slot-taken" }]);
    const earlier = [{ therapistId: MAUDE, start: "2026-05-11T12:00:00.000Z", end: "2026-05-11T12:45:00.000Z" }];
    expect(accepted({}, earlier).status).toBe("confirmed");
  });

  it("ignores another therapist's busy time", () => {
    const busy = [{ therapistId: DANIEL, start: MONDAY, end: "2026-05-11T14:00:00.000Z" }];
    expect(accepted({}, busy).status).toBe("confirmed");
  });

  it("flags two sessions of one request at the same time as duplicate-session", () => {
    const issues = refused({ sessions: [{ start: MONDAY }, { start: MONDAY }], quotedTotal: 23000 });
    expect(codes(issues)).toContainEqual({ path: "sessions[1].start", code: "duplicate-session" });
    expect(issues.map((i) => i.path)).not.toContain("sessions[0].start");
  });

  it("flags the same instant written two ways as duplicate-session", () => {
    const issues = refused({ sessions: [{ start: MONDAY }, { start: "2026-05-11T13:00:00Z" }], quotedTotal: 23000 });
    expect(codes(issues)).toContainEqual({ path: "sessions[1].start", code: "duplicate-session" });
  });

  it("refuses a session overlapping an earlier one of the same request", () => {
    const issues = refused({ sessions: [{ start: MONDAY }, { start: plusMinutes(MONDAY, 30) }], quotedTotal: 23000 });
    expect(codes(issues)).toEqual([{ path: "sessions[1].start", code: "slot-unavailable" }]);
  });
});

describe("checkBooking: quoted price and deal", () => {
  it("refuses a tampered quotedTotal as price-changed, naming the real price", () => {
    const issues = refused({ quotedTotal: 100 });
    expect(codes(issues)).toEqual([{ path: "quotedTotal", code: "price-changed" }]);
    expect(issues[0]?.message).toBe("the price is now 11500, not 100");
  });

  it("refuses a quote that left out a new client's discount", () => {
    expect(codes(refused({ client: NEW_CLIENT, quotedTotal: 11500 }))).toEqual([{ path: "quotedTotal", code: "price-changed" }]);
  });

  it("refuses an expired deal as deal-not-applicable, even at the right total", () => {
    const issues = refused({ sessions: weekly(MONDAY, 5), quotedTotal: 46000, quotedDealId: "spring-2026-fifth-free" });
    expect(codes(issues)).toEqual([{ path: "quotedDealId", code: "deal-not-applicable" }]);
    expect(issues[0]?.message).toContain(NOW);
  });

  it("refuses a new-client deal quoted to a returning client as deal-not-applicable", () => {
    expect(codes(refused({ quotedDealId: "first-visit-20" }))).toEqual([{ path: "quotedDealId", code: "deal-not-applicable" }]);
  });

  it("refuses a deal id the clinic does not have as unknown-deal", () => {
    expect(codes(refused({ quotedDealId: "black-friday" }))).toEqual([{ path: "quotedDealId", code: "unknown-deal" }]);
  });

  it("refuses an unknown promo code", () => {
    expect(codes(refused({ promoCode: "NOPE" }))).toEqual([{ path: "promoCode", code: "unknown-promo" }]);
  });

  it("accepts a known promo code that does not apply, at list price", () => {
    const booking = accepted({ promoCode: "RUNHFX15" });
    expect(booking.quote).toMatchObject({ promo: "not-applicable", total: 11500, deal: null });
  });
});

describe("checkBooking: screening outcomes", () => {
  it("refuses a booking whose answers call for the clinic (blood clot now) as callback-only", () => {
    const issues = refused({ answers: { ...HEALTHY, "blood-clot-now": true } });
    expect(codes(issues)).toEqual([{ path: "kind", code: "callback-only" }]);
  });

  it("asks for clearance (uncontrolled blood pressure) unless confirmed", () => {
    const answers = { ...HEALTHY, "uncontrolled-blood-pressure": true };
    expect(codes(refused({ answers }))).toEqual([{ path: "clearanceConfirmed", code: "clearance-required" }]);
    expect(codes(refused({ answers, clearanceConfirmed: false }))).toEqual([{ path: "clearanceConfirmed", code: "clearance-required" }]);

    const booking = accepted({ answers, clearanceConfirmed: true });
    expect(booking.status).toBe("confirmed");
    expect(booking.triage.outcome).toBe("clearance");
    expect(booking.quote.total).toBe(11500);
  });

  it("postpones a contagious illness by 3 days: a session before then is slot-unavailable", () => {
    const answers = { ...HEALTHY, "contagious-illness": true };
    // Without the illness the Tuesday slot is bookable.
    expect(accepted({ sessions: [{ start: TOMORROW_ISH }] }).status).toBe("confirmed");
    expect(codes(refused({ answers, sessions: [{ start: TOMORROW_ISH }] }))).toEqual([
      { path: "sessions[0].start", code: "slot-unavailable" },
    ]);

    const later = accepted({ answers });
    expect(later.triage.outcome).toBe("postpone");
    expect(later.triage.postponeUntil).toBe("2026-05-07");
    expect(later.sessions[0]?.start).toBe(MONDAY);
  });

  it("stores a call-back request as needs-review, without sessions and at no price", () => {
    const answers = { ...HEALTHY, "blood-clot-now": true };
    const booking = accepted({ kind: "callback", sessions: [], therapistId: undefined, answers, quotedTotal: 0, callbackNote: "Mornings" });
    expect(booking.status).toBe("needs-review");
    expect(booking.sessions).toEqual([]);
    expect(booking.quote).toMatchObject({ lines: [], total: 0, deal: null });
    expect(booking.triage.outcome).toBe("contact-clinic");
    expect(booking.answers).toEqual(answers);
  });

  it("never books the sessions a call-back request carries", () => {
    const booking = accepted({ kind: "callback", answers: { ...HEALTHY, "blood-clot-now": true }, quotedTotal: 0 });
    expect(booking.status).toBe("needs-review");
    expect(booking.sessions).toEqual([]);
  });

  it("refuses a call-back request with invalid answers", () => {
    const { "blood-clot-now": _omitted, ...answers } = HEALTHY;
    const result = check({ kind: "callback", sessions: [], answers, quotedTotal: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(codes(result.errors)).toEqual([{ path: "answers.blood-clot-now", code: "required" }]);
  });
});

describe("checkBooking: intake mode", () => {
  it("refuses the short update for a new client as full-intake-required", () => {
    const issues = refused({ client: NEW_CLIENT, intakeMode: "update", answers: HEALTHY_UPDATE_ANSWERS, quotedTotal: 9200 });
    expect(codes(issues)).toEqual([{ path: "intakeMode", code: "full-intake-required" }]);
  });

  it("refuses the update when the last full intake is unknown or a year old", () => {
    const unknown = refused({ client: RETURNING, intakeMode: "update", answers: HEALTHY_UPDATE_ANSWERS });
    expect(codes(unknown)).toEqual([{ path: "intakeMode", code: "full-intake-required" }]);
    const yearOld = refused({ client: { ...RETURNING, lastFullIntake: "2025-05-04" }, intakeMode: "update", answers: HEALTHY_UPDATE_ANSWERS });
    expect(codes(yearOld)).toEqual([{ path: "intakeMode", code: "full-intake-required" }]);
  });

  it("accepts the update from a returning client with a recent full intake", () => {
    const booking = accepted({ client: { ...RETURNING, lastFullIntake: "2025-05-05" }, intakeMode: "update", answers: HEALTHY_UPDATE_ANSWERS });
    expect(booking.status).toBe("confirmed");
    expect(booking.answers).toEqual(HEALTHY_UPDATE_ANSWERS);
  });
});

describe("checkBooking: wire schema", () => {
  it("refuses a request without consent to health data at consent.healthData", () => {
    const consent = { healthData: false as true, cancellationPolicy: true as const, at: NOW };
    expect(codes(refused({ consent }))).toEqual([{ path: "consent.healthData", code: "invalid_value" }]);
  });

  it("refuses an instant with an offset instead of Z", () => {
    expect(codes(refused({ sessions: [{ start: "2026-05-11T10:00:00-03:00" }] }))).toEqual([
      { path: "sessions[0].start", code: "invalid_format" },
    ]);
  });

  // These travel back to the client in the 422 body, so a problem the schema words no message for still reads as English.
  it("words problems the schema has no message for in zod's English", () => {
    expect(refused({ kind: "walk-in" as "booking", idempotencyKey: "short" })).toEqual([
      { path: "idempotencyKey", code: "too_small", message: "Too small: expected string to have >=16 characters" },
      { path: "kind", code: "invalid_value", message: 'Invalid option: expected one of "booking"|"callback"' },
    ]);
  });

  it("refuses something that is not a request at the root", () => {
    const result = checkBooking(config, "booking please", [], NOW);
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ path: "(root)", code: "invalid_type" })] });
  });
});
