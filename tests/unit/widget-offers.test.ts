import { describe, expect, it } from "vitest";
import { offersOf } from "../../src/widget/models/offers";
import { NOW, demoConfig } from "../dom/support/config";

const now = NOW.toISOString();
const ids = (deals: { id: string }[]) => deals.map((d) => d.id);

describe("the offers on the service step", () => {
  it("says the demo clinic's two offers once, for every service, and none again on a card", () => {
    const config = demoConfig();
    const offers = offersOf(config, now);
    expect(ids(offers.everyService)).toEqual(["fifth-session-free", "first-visit-20"]);
    for (const service of config.services) expect(ids(offers.own(service.id)), service.id).toEqual([]);
  });

  it("leaves a deal for some services on their cards only, in the config's order", () => {
    const config = demoConfig((input) => {
      input.deals = [
        ...(input.deals ?? []),
        { id: "sports-10", kind: "percent-off", name: "10% off sports massage", percent: 10, appliesTo: { services: ["sports-massage"] } },
        { id: "long-15", kind: "percent-off", name: "15% off 60 minutes", percent: 15, appliesTo: { durations: [60] } },
      ];
    });
    const offers = offersOf(config, now);
    // Every demo service has a 60-minute length, so that deal covers them all.
    expect(ids(offers.everyService)).toEqual(["fifth-session-free", "first-visit-20", "long-15"]);
    expect(ids(offers.own("sports-massage"))).toEqual(["sports-10"]);
    expect(ids(offers.own("deep-tissue"))).toEqual([]);
  });

  it("shows an expired or secret deal nowhere", () => {
    const offers = offersOf(demoConfig(), now);
    const all = [...offers.everyService, ...demoConfig().services.flatMap((s) => offers.own(s.id))];
    expect(ids(all)).not.toContain("spring-2026-fifth-free");
    expect(ids(all)).not.toContain("run-club-partner");
  });

  it("puts every deal of a one-service clinic above its only card", () => {
    const config = demoConfig((input) => {
      input.services = input.services.slice(0, 1);
      const only = input.services[0]?.id ?? "";
      for (const therapist of input.therapists) therapist.services = therapist.services?.filter((id) => id === only) ?? [only];
      input.deals = (input.deals ?? []).filter((d) => d.kind !== "promo-code");
    });
    const offers = offersOf(config, now);
    expect(ids(offers.everyService)).toEqual(["fifth-session-free", "first-visit-20"]);
    expect(offers.own(config.services[0]?.id ?? "")).toEqual([]);
  });
});
