import { describe, expect, it } from "vitest";
import { createDetailsModel } from "../../src/widget/models/details";
import { mapServerIssues } from "../../src/widget/models/server-issues";
import { NOW } from "../dom/support/config";

describe("details model", () => {
  it("validates with the contract's rules and shows errors only after a first attempt", () => {
    const details = createDetailsModel(() => NOW);
    details.set("email", "not-an-email");
    expect(details.errors.value).toEqual({});
    expect(details.validate()).toBe(false);
    expect(details.errors.value).toEqual({
      name: "required",
      email: "invalid-email",
      phone: "required",
      healthConsent: "consent-health",
      policyConsent: "consent-policy",
    });
    details.set("phone", "12-34");
    expect(details.errors.value.phone).toBe("invalid-phone");
    details.set("phone", "+1 (902) 555-0123");
    expect(details.errors.value.phone).toBeUndefined();
  });

  it("records when both consents were given, and never pre-ticks them", () => {
    const details = createDetailsModel(() => NOW);
    expect(details.healthConsent.value).toBe(false);
    details.setConsent("health", true);
    expect(details.consentAt.value).toBeNull();
    details.setConsent("policy", true);
    expect(details.consentAt.value).toBe(NOW.toISOString());
  });

  it("lets a prefill fill only empty fields", () => {
    const details = createDetailsModel(() => NOW);
    details.set("name", "Typed");
    details.prefill({ name: "From page", email: "page@example.com" });
    expect(details.name.value).toBe("Typed");
    expect(details.email.value).toBe("page@example.com");
  });

  it("treats any text in the bot field as a bot", () => {
    const details = createDetailsModel(() => NOW);
    expect(details.isBot.value).toBe(false);
    details.set("honeypot", " x ");
    expect(details.isBot.value).toBe(true);
  });
});

describe("receiver issues", () => {
  const issue = (path: string, code = "invalid") => ({ path, code, message: path });

  it("sends the client to the earliest step with a problem", () => {
    expect(mapServerIssues([issue("client.email"), issue("answers.fever", "required")]).step).toBe("health");
    expect(mapServerIssues([issue("sessions[1].start", "slot-unavailable"), issue("consent.healthData")]).step).toBe("time");
    expect(mapServerIssues([issue("minutes")]).step).toBe("service");
    expect(mapServerIssues([issue("somethingElse")]).step).toBe("review");
  });

  it("maps each path to its field", () => {
    const mapped = mapServerIssues([
      issue("answers.pregnant", "required"),
      issue("client.phone"),
      issue("consent.cancellationPolicy"),
      issue("promoCode", "unknown-promo"),
      issue("quotedTotal", "price-changed"),
      issue("clearanceConfirmed", "clearance-required"),
      issue("version"),
    ]);
    expect(mapped.intake).toEqual({ pregnant: "required", clearance: "clearance-required" });
    expect(mapped.details).toEqual({ phone: "invalid-phone", policyConsent: "consent-policy" });
    expect(mapped.promo).toBe(true);
    expect(mapped.priceChanged).toBe(true);
    expect(mapped.other.map((i) => i.path)).toEqual(["version"]);
  });
});
