import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clientStanding,
  CodeVerifySchema,
  normaliseEmail,
  standingOfVerified,
  UNVERIFIED_STANDING,
  VerifiedClientSchema,
} from "../../src/core/clients";
import { DEFAULT_QUESTIONNAIRE } from "../../src/core/screening";
import { HEALTHY_UPDATE_ANSWERS } from "./screening-fixtures";
import { checkBooking, demoBooking, NOW } from "./fixtures/booking-request";
import { demoClinic } from "./fixtures/demo-clinic";

const Q = DEFAULT_QUESTIONNAIRE; // full form every 12 months
const TODAY = "2026-05-04";
const dayArb = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2026-05-04T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe("normaliseEmail", () => {
  it("trims and lower-cases, and keeps dots and plus-tags", () => {
    expect(normaliseEmail("  Jo.Client+Massage@Example.COM \n")).toBe("jo.client+massage@example.com");
  });
});

describe("clientStanding", () => {
  it("gives an unverified client no new-client deal and the full form, whatever the records say", () => {
    fc.assert(
      fc.property(fc.nat(20), fc.option(dayArb, { nil: undefined }), (priorBookings, lastFullIntake) => {
        expect(clientStanding(Q, TODAY, { verified: false, priorBookings, lastFullIntake })).toEqual({ isNewClient: false, intakeMode: "full" });
      }),
    );
  });

  it("makes a verified client new exactly when no earlier booking is recorded, and a new client always fills the full form", () => {
    fc.assert(
      fc.property(fc.nat(20), fc.option(dayArb, { nil: undefined }), (priorBookings, lastFullIntake) => {
        const standing = clientStanding(Q, TODAY, { verified: true, priorBookings, lastFullIntake });
        expect(standing.isNewClient).toBe(priorBookings === 0);
        if (standing.isNewClient || lastFullIntake === undefined) expect(standing.intakeMode).toBe("full");
      }),
    );
  });

  it("asks a verified returning client the short update until the full form is a year old", () => {
    const returning = (lastFullIntake: string) => clientStanding(Q, TODAY, { verified: true, priorBookings: 2, lastFullIntake });
    expect(returning("2025-05-05").intakeMode).toBe("update");
    expect(returning("2025-05-04").intakeMode).toBe("full");
    expect(clientStanding(Q, TODAY, { verified: true, priorBookings: 2 }).intakeMode).toBe("full");
  });

  it("reads a /verify answer as the same standing the receiver decides", () => {
    expect(standingOfVerified(null)).toEqual(UNVERIFIED_STANDING);
    expect(standingOfVerified({ returning: false, intakeMode: "full" })).toEqual({ isNewClient: true, intakeMode: "full" });
    expect(standingOfVerified({ returning: true, intakeMode: "update" })).toEqual({ isNewClient: false, intakeMode: "update" });
  });
});

describe("the code routes' bodies", () => {
  it("accept six digits only, trimmed", () => {
    expect(CodeVerifySchema.safeParse({ email: "jo@example.com", code: " 012345 " }).data?.code).toBe("012345");
    for (const code of ["12345", "1234567", "12a456", ""]) expect(CodeVerifySchema.safeParse({ email: "jo@example.com", code }).success).toBe(false);
  });

  it("carry contact details only as name and phone", () => {
    const parsed = VerifiedClientSchema.parse({
      clientToken: "t".repeat(43),
      returning: true,
      intakeMode: "update",
      contact: { name: "Jo", phone: "902 555 0123", email: "leak@example.com" },
    });
    expect(parsed.contact).toEqual({ name: "Jo", phone: "902 555 0123" });
  });
});

describe("checkBookingRequest follows the receiver's standing, not the request's claims", () => {
  const config = demoClinic();
  const newClientClaim = { name: "Jo Client", email: "jo@client.example", phone: "+1 902 555 0199", isNewClient: true };

  it("refuses the new-client deal to an unverified client who claims to be new", () => {
    const result = checkBooking(config, demoBooking({ client: newClientClaim, quotedTotal: 9200, quotedDealId: "first-visit-20" }), [], NOW, UNVERIFIED_STANDING);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.code)).toEqual(["deal-not-applicable", "price-changed"]);
  });

  it("prices an unverified new-client claim at list price", () => {
    const result = checkBooking(config, demoBooking({ client: newClientClaim, quotedTotal: 11500 }), [], NOW, UNVERIFIED_STANDING);
    expect(result.ok && result.value.quote).toMatchObject({ total: 11500, deal: null });
  });

  it("grants the deal to a verified new client who claims nothing", () => {
    const result = checkBooking(config, demoBooking({ quotedTotal: 9200, quotedDealId: "first-visit-20" }), [], NOW, { isNewClient: true, intakeMode: "full" });
    expect(result.ok && result.value.quote.deal?.id).toBe("first-visit-20");
  });

  it("refuses the short update from an unverified client with a recent full-intake claim", () => {
    const claim = { ...newClientClaim, isNewClient: false, lastFullIntake: "2026-04-01" };
    const result = checkBooking(config, demoBooking({ client: claim, intakeMode: "update", answers: HEALTHY_UPDATE_ANSWERS }), [], NOW, UNVERIFIED_STANDING);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.code)).toEqual(["full-intake-required"]);
  });

  it("accepts the short update when the receiver's standing allows it, whatever the request claims", () => {
    const result = checkBooking(config, demoBooking({ client: newClientClaim, intakeMode: "update", answers: HEALTHY_UPDATE_ANSWERS }), [], NOW, {
      isNewClient: false,
      intakeMode: "update",
    });
    expect(result.ok).toBe(true);
  });
});
