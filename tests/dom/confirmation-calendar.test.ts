import { afterEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/preact";
import { bookToReview, created, fakeTransport, heading, mount, setupUser, unmountAll } from "./support/widget";

vi.setConfig({ testTimeout: 20_000 });
afterEach(unmountAll);

/** Books with a receiver whose answer carries `calendarUrl` (left out when undefined). */
async function bookWithCalendar(calendarUrl: string | undefined): Promise<void> {
  const user = setupUser();
  const { transport } = fakeTransport((request) => {
    const outcome = created(request);
    if (outcome.kind === "created") {
      if (calendarUrl === undefined) delete outcome.booking.calendarUrl;
      else outcome.booking.calendarUrl = calendarUrl;
    }
    return outcome;
  });
  mount({ transport });
  await bookToReview(user);
  await user.click(screen.getByRole("button", { name: "Confirm booking" }));
  await heading("You're booked");
}

const calendarFileLink = () => screen.queryByRole("link", { name: /Download calendar file/ });

describe("the confirmation's calendar file", () => {
  it("links to the receiver's address, named after the booking", async () => {
    await bookWithCalendar("https://receiver.clinic.example/api/bookings/b9/calendar.ics?token=abc");
    const link = calendarFileLink();
    expect(link?.getAttribute("href")).toBe("https://receiver.clinic.example/api/bookings/b9/calendar.ics?token=abc");
    expect(link?.getAttribute("download")).toBe("HX-7K2Q.ics");
  });

  it.each([
    ["no address", undefined],
    ["an empty address", ""],
    ["a script address", "javascript:alert(document.cookie)"],
    ["a data address", "data:text/calendar,BEGIN:VCALENDAR"],
    ["a relative address", "/api/bookings/b9/calendar.ics"],
  ])("is left out when the receiver gives %s, and the add-to-calendar links remain", async (_what, calendarUrl) => {
    await bookWithCalendar(calendarUrl);
    expect(calendarFileLink()).toBeNull();
    expect(screen.getByRole("link", { name: /Add to Google Calendar/ }).getAttribute("href")).toMatch(/^https:\/\/calendar\.google\.com\//);
  });
});
