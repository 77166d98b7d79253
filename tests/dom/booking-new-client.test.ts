import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/preact";
import {
  answerHealth,
  bookToReview,
  chooseService,
  CLIENT_TOKEN,
  continueButton,
  fakeClientCodes,
  fakeTransport,
  fillDetails,
  firstFreeSlot,
  heading,
  mount,
  setupUser,
  shownTotal,
  unmountAll,
  verifyEmail,
} from "./support/widget";

vi.setConfig({ testTimeout: 20_000 });
afterEach(unmountAll);

describe("a new client books one session", () => {
  it("goes from service to confirmation and sends one complete request", async () => {
    const user = setupUser();
    const { transport, requests, proofs } = fakeTransport();
    const codes = fakeClientCodes();
    const { events } = mount({ transport, clientCodes: codes.service });

    await heading("Choose a service");
    const clinical = screen.getByRole("group", { name: "Clinical massage" });
    // An offer for every service is said once, above the cards.
    const offers = screen.getByRole("list", { name: "Offers on every service" });
    expect(within(offers).getAllByRole("listitem").map((badge) => badge.textContent)).toContain(
      "Offer: 20% off your first visit · first visit only · until March 31, 2027",
    );
    expect(within(clinical).getByRole("radio", { name: /60 min/ }).getAttribute("aria-label")).toMatch(/^Clinical massage, 60 min.*\$115\.00$/);
    // The spring offer ended on 30 April 2026: never shown.
    expect(screen.queryByText(/Spring renewal/)).toBeNull();
    await chooseService(user, "Clinical massage", 60);
    await answerHealth(user);
    // The offer is for a verified email with no earlier booking: the client proves the address first.
    await user.click(screen.getByRole("button", { name: "Verify your email to get the first-visit offer" }));
    await verifyEmail(user, "jordan@example.com");
    expect((await screen.findByText(/^Email verified/)).textContent).toBe(
      "Email verified: jordan@example.com. First-visit offers apply to this booking.",
    );
    await user.click(continueButton());

    await heading("Choose a time");
    const slot = await firstFreeSlot();
    await user.click(slot);
    expect(slot.getAttribute("aria-selected")).toBe("true");
    // 20% off the first visit: $115.00 → $92.00
    expect(shownTotal()).toBe("$92.00");
    expect(screen.getByText(/Offer applied: 20% off your first visit/).closest("p")?.textContent).toBe("Offer applied: 20% off your first visit −$23.00");
    // A partner code for sports massage only: the client is told, the price stays.
    await user.type(screen.getByRole("textbox", { name: /Promo code/ }), "runhfx15");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    const refusal = await screen.findByText("This code does not apply to this booking.");
    expect(screen.getByRole("textbox", { name: /Promo code/ }).getAttribute("aria-describedby")?.split(" ")).toContain(refusal.id);
    expect(shownTotal()).toBe("$92.00");
    await user.click(screen.getByRole("button", { name: "Remove code" }));
    await user.click(continueButton());

    await fillDetails(user);
    await user.click(continueButton());

    await heading("Review and confirm");
    await user.click(screen.getByRole("button", { name: "Confirm booking" }));

    await heading("You're booked");
    expect(screen.getByText("HX-7K2Q").closest("p")?.textContent).toBe("Your reference HX-7K2Q");
    expect(requests).toHaveLength(1);
    const request = requests[0];
    expect(request).toMatchObject({
      version: 1,
      kind: "booking",
      locale: "en",
      serviceId: "clinical-massage",
      minutes: 60,
      intakeMode: "full",
      quotedTotal: 9200,
      quotedDealId: "first-visit-20",
      client: { name: "Jordan Client", email: "jordan@example.com", phone: "902 555 0123", isNewClient: true },
      consent: { healthData: true, cancellationPolicy: true },
    });
    expect(request?.sessions).toHaveLength(1);
    expect(proofs[0]).toEqual({ clientToken: CLIENT_TOKEN });
    expect(request?.answers["blood-clot-now"]).toBe(false);
    expect(screen.getByRole("link", { name: /Download calendar file/ }).getAttribute("href")).toBe(
      "https://receiver.clinic.example/api/bookings/b1/calendar.ics?token=t0k3n",
    );
    expect(screen.getByRole("link", { name: /Add to Google Calendar/ }).getAttribute("href")).toMatch(/^https:\/\/calendar\.google\.com/);
    expect(events.map((e) => e.name)).toContain("submitted");
    expect(screen.getByRole("heading", { name: "Before your visit" }).nextElementSibling?.textContent).toMatch(/^Arrive 10 minutes early for your first visit\./);
    expect(screen.getByRole("heading", { name: "After your massage" }).nextElementSibling?.textContent).toMatch(/^Drink water and take it easy/);
    await waitFor(() => expect(document.activeElement?.textContent).toBe("You're booked"));
  });

  it("pays the list price without a verified email, whatever the first-visit answer", async () => {
    const user = setupUser();
    const { transport, requests, proofs } = fakeTransport();
    mount({ transport, clientCodes: fakeClientCodes().service });
    await bookToReview(user);
    expect(shownTotal()).toBe("$115.00");
    expect(screen.queryByText(/Offer applied/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "Confirm booking" }));
    await heading("You're booked");
    expect(requests[0]).toMatchObject({ quotedTotal: 11500, quotedDealId: null, client: { isNewClient: true } });
    expect(proofs[0]).toEqual({});
  });
});
