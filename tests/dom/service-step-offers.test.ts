import { afterEach, describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/preact";
import { demoConfig, heading, mount, unmountAll } from "./support/widget";

afterEach(unmountAll);

const cards = () => screen.getAllByRole("group").filter((group) => group.getAttribute("part") === "service-card");

describe("the offers on the service step", () => {
  it("says the offers every service has once, above the list, and not again on each card", async () => {
    mount();
    await heading("Choose a service");
    const offers = screen.getByRole("list", { name: "Offers on every service" });
    expect(within(offers).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Offer: Book 4 consecutive sessions, the 5th is free · until June 30, 2027",
      "Offer: 20% off your first visit · first visit only · until March 31, 2027",
    ]);
    expect(screen.getAllByText(/20% off your first visit/)).toHaveLength(1);
    expect(cards()).toHaveLength(5);
    for (const card of cards()) expect(within(card).queryByText(/^Offer: /)).toBeNull();
    // Read before the services, as it is shown.
    expect(offers.compareDocumentPosition(cards()[0] as Node) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });

  it("keeps a deal for one service on that card only", async () => {
    const config = demoConfig((input) => {
      input.deals = [...(input.deals ?? []), { id: "sports-10", kind: "percent-off", name: "10% off sports massage", percent: 10, appliesTo: { services: ["sports-massage"] } }];
    });
    mount({ config });
    await heading("Choose a service");
    const sports = screen.getByRole("group", { name: "Sports massage" });
    expect(within(sports).getAllByRole("listitem").map((badge) => badge.textContent)).toEqual(["Offer: 10% off sports massage"]);
    expect(screen.getAllByText(/10% off sports massage/)).toHaveLength(1);
    expect(within(screen.getByRole("list", { name: "Offers on every service" })).queryByText(/10% off sports/)).toBeNull();
  });
});
