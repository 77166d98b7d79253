import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/preact";
import {
  answerHealth,
  chooseService,
  continueButton,
  fakeTransport,
  fillDetails,
  firstFreeSlot,
  heading,
  mount,
  setupUser,
  shownTotal,
  unmountAll,
} from "./support/widget";

vi.setConfig({ testTimeout: 30_000 });
afterEach(unmountAll);

describe("a weekly series", () => {
  it("shows each week, takes an alternative for a closed week, and applies the 5th-free deal", async () => {
    const user = setupUser();
    const { transport, requests } = fakeTransport();
    mount({ transport });
    await chooseService(user, "Clinical massage", 60);
    await answerHealth(user, { firstVisit: false });
    await user.click(continueButton());
    await heading("Choose a time");
    await user.selectOptions(screen.getByRole("combobox", { name: "Therapist" }), "Maude Arsenault, RMT");
    await user.click(await firstFreeSlot());

    await user.click(screen.getByRole("checkbox", { name: "Repeat weekly" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Number of weekly sessions" }), "5");
    const weeks = await screen.findByRole("heading", { name: "Your weekly sessions" });
    const list = weeks.nextElementSibling as HTMLElement;
    expect(within(list).getAllByRole("listitem")).toHaveLength(5);
    expect(within(list).getAllByText("available")).toHaveLength(4);

    // The clinic is closed over the holidays: week 4 needs another day.
    await user.click(continueButton());
    expect((await screen.findAllByText(/choose another time or skip them/)).length).toBeGreaterThan(0);
    const closedWeek = screen.getByRole("group", { name: /Week 4 is taken at this time/ });
    const alternatives = within(closedWeek).getAllByRole("radio");
    expect(alternatives.length).toBeGreaterThan(1);
    await user.click(alternatives[0] as HTMLElement);

    expect(screen.getByText(/Offer applied: Book 4 consecutive sessions, the 5th is free/).closest("p")?.textContent).toBe(
      "Offer applied: Book 4 consecutive sessions, the 5th is free −$115.00",
    );
    expect(screen.getByText(/You save /).textContent).toBe("You save $115.00");
    expect(shownTotal()).toBe("$460.00");
    expect(screen.getAllByText("free").map((price) => price.closest("li")?.textContent)).toEqual([expect.stringMatching(/^Session 5/)]);

    await user.click(continueButton());
    await fillDetails(user);
    await user.click(continueButton());
    await heading("Review and confirm");
    expect(shownTotal()).toBe("$460.00");
    await user.click(screen.getByRole("button", { name: "Confirm booking" }));
    await heading("You're booked");
    expect(requests[0]?.sessions).toHaveLength(5);
    expect(requests[0]).toMatchObject({ therapistId: "maude-arsenault", quotedTotal: 46000, quotedDealId: "fifth-session-free" });
    expect(screen.getAllByRole("link", { name: /Add to Google Calendar/ })).toHaveLength(5);
    expect(screen.getAllByRole("link", { name: /Download calendar file/ })).toHaveLength(1);
  });
});
