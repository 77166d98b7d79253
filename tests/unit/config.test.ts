import { describe, expect, it } from "vitest";
import { ClinicConfigSchema, compileConfig, parseClinicConfig, type ClinicConfig } from "../../src/core/config";
import { DEFAULT_QUESTIONNAIRE } from "../../src/core/screening";
import { dayNumber } from "../../src/core/time";
import { visibleDeals } from "../../src/core/pricing";
import { configProblems as problems, demoClinicInput, demoWith, REMOVE, valueAt } from "./fixtures/demo-clinic";

describe("parseClinicConfig on demo/clinic.json", () => {
  const result = parseClinicConfig(demoClinicInput());

  it("accepts it", () => {
    expect(problems(demoClinicInput())).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("fills the defaults a clinic may leave out", () => {
    if (!result.ok) throw new Error("demo config is invalid");
    const { value } = result;
    expect(value.therapists[1]?.closures).toEqual([]);
    expect(value.deals.find((d) => d.id === "fifth-session-free")).toMatchObject({ appliesTo: {}, newClientsOnly: false });
    expect(value.questionnaire).toBeUndefined();
    expect(value.booking).toEqual({
      slotStepMinutes: 15,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 15,
      minNoticeHours: 24,
      horizonDays: 60,
      maxSeriesSessions: 10,
      cancellationNoticeHours: 24,
      reminderHours: 24,
    });
  });

  it("shows its two standing offers, never the expired spring offer or the promo code", () => {
    if (!result.ok) throw new Error("demo config is invalid");
    expect(result.value.deals.find((d) => d.id === "spring-2026-fifth-free")?.validUntil).toBe("2026-04-30");
    const shown = visibleDeals(result.value, "2026-11-23T12:00:00.000Z").map((d) => d.id);
    expect(shown).toEqual(["fifth-session-free", "first-visit-20"]);
  });
});

describe("error messages name the exact path and what was expected", () => {
  it("a fractional price", () => {
    const config = demoWith({ "services[2].durations[0].price": 85.5 });
    expect(problems(config)).toEqual(["services[2].durations[0].price: expected a whole number of cents, got 85.5"]);
  });

  it("a price written as text, a negative price, a missing price", () => {
    const config = demoWith({
      "services[0].durations[0].price": "70.00",
      "services[0].durations[1].price": -9500,
      "services[0].durations[2].price": REMOVE,
    });
    expect(problems(config)).toEqual([
      'services[0].durations[0].price: expected a whole number of cents, got "70.00"',
      "services[0].durations[1].price: expected an amount of at least 0, got -9500",
      "services[0].durations[2].price: missing: expected a whole number of cents",
    ]);
  });

  it("several problems in different places, all at once", () => {
    const config = demoWith({
      "services[2].durations[0].price": 85.5,
      timeZone: "Atlantic/Halifax",
      currency: "CDN",
      "therapists[0].services[4]": "hot-stone",
      "clinic.email": "front desk",
    });
    expect(problems(config)).toEqual(
      expect.arrayContaining([
        "services[2].durations[0].price: expected a whole number of cents, got 85.5",
        'timeZone: expected an IANA time zone such as "America/Halifax", got "Atlantic/Halifax"',
        'currency: expected an ISO 4217 currency code such as "CAD", got "CDN"',
        'clinic.email: expected an email address such as "info@example.com", got "front desk"',
        expect.stringMatching(/^therapists\[0\]\.services\[4\]: unknown service "hot-stone"; known: "clinical-massage", /),
      ]),
    );
    expect(problems(config)).toHaveLength(5);
  });

  it("every missing section, when the input is an empty object", () => {
    expect(problems({})).toEqual([
      "clinic: missing: expected an object",
      "timeZone: missing: expected a string",
      "currency: missing: expected a string",
      "services: missing: expected an array",
      "therapists: missing: expected an array",
      "submit: missing: expected an object",
      "policies: missing: expected an object",
    ]);
  });

  it("input that is not an object at all", () => {
    for (const input of [null, [], "clinic.json", 42]) {
      expect(problems(input)[0], JSON.stringify(input)).toMatch(/^\(root\): expected an object, got /);
    }
  });
});

describe("time zone and currency", () => {
  it("refuses an unknown zone, an abbreviation and a wrongly capitalised zone", () => {
    expect(problems(demoWith({ timeZone: "Mars/Olympus_Mons" }))).toEqual([
      'timeZone: expected an IANA time zone such as "America/Halifax", got "Mars/Olympus_Mons"',
    ]);
    expect(problems(demoWith({ timeZone: "AST" }))).toEqual([
      'timeZone: expected an IANA time zone such as "America/Halifax", got "AST"',
    ]);
    expect(problems(demoWith({ timeZone: "america/halifax" }))).toEqual([
      'timeZone: expected the time zone spelled "America/Halifax", got "america/halifax"',
    ]);
  });

  it("accepts half-hour zones and UTC", () => {
    for (const zone of ["America/St_Johns", "Asia/Kolkata", "Asia/Kathmandu", "UTC"]) {
      expect(problems(demoWith({ timeZone: zone })), zone).toEqual([]);
    }
  });

  it("refuses a currency code Intl does not know, and a lower-case one with a suggestion", () => {
    expect(problems(demoWith({ currency: "ABC" }))).toEqual([
      'currency: expected an ISO 4217 currency code such as "CAD", got "ABC"',
    ]);
    expect(problems(demoWith({ currency: "cad" }))).toEqual([
      'currency: expected the currency code in capitals, "CAD", got "cad"',
    ]);
    expect(problems(demoWith({ currency: "JPY" }))).toEqual([]);
  });
});

describe("submission endpoint", () => {
  const endpoint = (url: string) => problems(demoWith({ "submit.endpoint": url }));

  it("refuses plain http except on localhost and 127.0.0.1", () => {
    expect(endpoint("http://clinic.example/api/bookings")).toEqual([
      'submit.endpoint: expected an https:// URL (http:// only for localhost), got "http://clinic.example/api/bookings"',
    ]);
    expect(endpoint("http://localhost.attacker.example/api")).toHaveLength(1);
    expect(endpoint("ftp://localhost/api")).toHaveLength(1);
    expect(endpoint("not a url")).toHaveLength(1);
    expect(endpoint("https://clinic.example/api/bookings")).toEqual([]);
    expect(endpoint("http://localhost:8787/api/bookings")).toEqual([]);
    expect(endpoint("http://127.0.0.1:8787/api/bookings")).toEqual([]);
  });

  it("refuses credentials in the URL, which every visitor would see", () => {
    expect(endpoint("https://clinic:secret@clinic.example/api")).toEqual([
      "submit.endpoint: expected a URL without a user name or password",
    ]);
  });

  it("wants bare origins in allowedOrigins, so they can match the Origin header", () => {
    const config = demoWith({ "submit.allowedOrigins": ["https://clinic.example/", "https://clinic.example/book"] });
    expect(problems(config)).toEqual([
      'submit.allowedOrigins[0]: expected an origin such as "https://www.example.com" (no path or trailing slash), got "https://clinic.example/"; did you mean "https://clinic.example"?',
      'submit.allowedOrigins[1]: expected an origin such as "https://www.example.com" (no path or trailing slash), got "https://clinic.example/book"; did you mean "https://clinic.example"?',
    ]);
  });

  it("only takes a web address as the clinic's website, since it becomes a link", () => {
    expect(problems(demoWith({ "clinic.website": "javascript:alert(1)" }))).toEqual([
      'clinic.website: expected an http(s) URL such as "https://www.example.com", got "javascript:alert(1)"',
    ]);
  });
});

describe("references between parts of the config", () => {
  it("a therapist offering a service that does not exist", () => {
    const config = demoWith({ "therapists[1].services[1]": "sport-massage" });
    expect(problems(config)).toEqual([
      'therapists[1].services[1]: unknown service "sport-massage"; known: "clinical-massage", "sports-massage", "myofascial-release", "deep-tissue", "trigger-point"',
    ]);
  });

  it("duplicate ids and durations", () => {
    const config = demoWith({
      "services[0].durations[2].minutes": 30,
      "services[5]": valueAt(demoClinicInput(), "services[3]"),
      "therapists[1].id": "maude-arsenault",
      "deals[1].id": "fifth-session-free",
    });
    expect(problems(config)).toEqual([
      "services[0].durations[2].minutes: duplicate duration 30",
      'services[5].id: duplicate service id "deep-tissue"',
      'therapists[1].id: duplicate therapist id "maude-arsenault"',
      'deals[1].id: duplicate deal id "fifth-session-free"',
    ]);
  });

  it("deals: unknown service, a duration nobody sells, a window that ends before it starts, a reused promo code", () => {
    const config = demoWith({
      "deals[0].appliesTo": { services: ["massage"] },
      "deals[1].appliesTo": { services: ["sports-massage", "deep-tissue"], durations: [60, 90] },
      "deals[2].validFrom": "2026-05-01",
      "deals[4]": valueAt(demoClinicInput(), "deals[3]"),
      "deals[4].id": "second-code",
      "deals[4].code": " runhfx15 ",
    });
    expect(problems(config)).toEqual([
      'deals[0].appliesTo.services[0]: unknown service "massage"; known: "clinical-massage", "sports-massage", "myofascial-release", "deep-tissue", "trigger-point"',
      "deals[1].appliesTo.durations[1]: expected a duration offered by the services this deal applies to (30, 45, 60), got 90",
      'deals[2].validUntil: expected validUntil on or after validFrom (2026-05-01), got "2026-04-30"',
      'deals[4].code: duplicate promo code "RUNHFX15", already used by deals[3]',
    ]);
  });

  it("an unknown deal kind lists the kinds there are", () => {
    expect(problems(demoWith({ "deals[0].kind": "bundle" }))).toEqual([
      'deals[0].kind: expected one of "every-nth-free", "percent-off", "promo-code", got "bundle"',
    ]);
  });

  it("a broken reference is reported together with a type error elsewhere", () => {
    const config = demoWith({
      "services[0].durations[0].minutes": 45.5,
      "therapists[0].services[0]": "reflexology",
    });
    expect(problems(config)).toEqual([
      "services[0].durations[0].minutes: expected whole minutes, got 45.5",
      expect.stringMatching(/^therapists\[0\]\.services\[0\]: unknown service "reflexology"/),
    ]);
  });
});

describe("hours and closures", () => {
  it("wall times, reversed and overlapping intervals, unknown weekdays", () => {
    const config = demoWith({
      "therapists[0].hours": {
        mon: [{ start: "9:00", end: "17:00" }],
        tue: [{ start: "17:00", end: "09:00" }],
        thu: [
          { start: "09:00", end: "13:00" },
          { start: "12:30", end: "17:00" },
        ],
        monday: [],
      },
    });
    expect(problems(config)).toEqual([
      'therapists[0].hours.mon[0].start: expected a time as "HH:MM" (24 h), got "9:00"',
      "therapists[0].hours.tue[0]: expected start before end, got 17:00–09:00",
      'therapists[0].hours: expected weekday keys mon, tue, wed, thu, fri, sat, sun, got "monday"',
      "therapists[0].hours.thu[1]: expected hours that do not overlap, got 09:00–13:00 and 12:30–17:00",
    ]);
  });

  it("closures: a date that does not exist, an end before the start", () => {
    const config = demoWith({
      "closures[0].to": "2026-02-30",
      "closures[1]": { from: "2027-01-02", to: "2027-01-01" },
    });
    expect(problems(config)).toEqual([
      'closures[0].to: expected a date that exists on the calendar, got "2026-02-30"',
      'closures[1].to: expected a date on or after from (2027-01-02), got "2027-01-01"',
    ]);
  });

  it("booking rules out of range", () => {
    const config = demoWith({ booking: { slotStepMinutes: 7.5, minNoticeHours: -1, horizonDays: 0 } });
    expect(problems(config)).toEqual([
      "booking.slotStepMinutes: expected a whole number, got 7.5",
      "booking.minNoticeHours: expected a number of at least 0, got -1",
      "booking.horizonDays: expected a number of at least 1, got 0",
    ]);
  });
});

describe("the compiled config", () => {
  const result = parseClinicConfig(demoClinicInput());
  if (!result.ok) throw new Error("demo config is invalid");
  const config = result.value;

  it("is frozen all the way down, so its indexes cannot go stale", () => {
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.therapists)).toBe(true);
    expect(Object.isFrozen(config.therapists[0]?.hours)).toBe(true);
    expect(() => (config.closures as unknown[]).push({ from: "2026-12-24", to: "2026-12-26" })).toThrow(TypeError);
  });

  it("serializes as the checked data alone (the receiver serves it as JSON)", () => {
    expect(Object.keys(config)).not.toContain("index");
    expect(JSON.parse(JSON.stringify(config))).toEqual(ClinicConfigSchema.parse(demoClinicInput()));
  });

  it("is lost by a spread copy, in type as at run time, so a changed config is compiled again", () => {
    const copy = { ...config, booking: { ...config.booking, horizonDays: 30 } };
    // @ts-expect-error: a spread copy is not a compiled config
    const notCompiled: ClinicConfig = copy;
    expect(Object.getOwnPropertyDescriptor(notCompiled, "index")).toBeUndefined();
    expect(compileConfig(copy).index.therapistById.size).toBe(config.therapists.length);
  });

  it("indexes services and therapists by id, and the default questionnaire when it has none", () => {
    for (const service of config.services) expect(config.index.serviceById.get(service.id)).toBe(service);
    for (const therapist of config.therapists) expect(config.index.therapistById.get(therapist.id)).toBe(therapist);
    expect(config.index.questionnaire).toBe(DEFAULT_QUESTIONNAIRE);
  });

  it("holds each therapist's closures together with the clinic's", () => {
    const data = ClinicConfigSchema.parse(demoClinicInput());
    const [first, ...others] = data.therapists;
    if (!first) throw new Error("demo config has no therapist");
    const compiled = compileConfig({
      ...data,
      closures: [{ from: "2026-12-25", to: "2026-12-26" }],
      therapists: [{ ...first, closures: [{ from: "2026-12-27", to: "2026-12-27" }, { from: "2026-12-30", to: "2026-12-30" }] }, ...others],
    });
    const day = (date: string) => dayNumber(date);
    expect(compiled.index.closedDays.get(first.id)).toEqual([
      { start: day("2026-12-25"), end: day("2026-12-28") },
      { start: day("2026-12-30"), end: day("2026-12-31") },
    ]);
    for (const other of others) expect(compiled.index.closedDays.get(other.id)).toEqual([{ start: day("2026-12-25"), end: day("2026-12-27") }]);
  });
});
