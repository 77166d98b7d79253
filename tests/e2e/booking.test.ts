import { readFile } from "node:fs/promises";
import ICAL from "ical.js";
import type { Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, startE2E, storedBooking, storedBookings, type E2E } from "./support/browser";
import {
  answerHealth,
  chooseService,
  continueButton,
  fillDetails,
  minorUnits,
  pickFirstSlot,
  shownReference,
  shownTotal,
  slotGrid,
  waitForStep,
  widget,
} from "./support/flow";

let env: E2E;
beforeAll(async () => {
  env = await startE2E();
});
afterAll(async () => {
  await env?.close();
});

const THURSDAY_NOON_UTC = Date.parse("2026-12-03T16:00:00.000Z");

describe("booking through the demo site, stored by the receiver", () => {
  it("a new client books a 60-minute myofascial session inline without verifying the email; the receiver stores the recomputed price and the .ics parses", async () => {
    const { context, page } = await openPage(env, "index.html");
    try {
      const w = widget(page);
      await chooseService(w, "Myofascial release", 60);
      await answerHealth(w);
      await continueButton(w).click();
      await waitForStep(w, "Choose a time");
      expect(await pickFirstSlot(w)).toBe("12:00 p.m.");
      // Without a verified email the first-visit offer does not apply (tests/e2e/returning-client.test.ts verifies one).
      expect(await shownTotal(w)).toBe("$115.00");
      await continueButton(w).click();
      await fillDetails(w, { name: "Robin Inline", email: "robin@example.com" });
      await continueButton(w).click();
      await waitForStep(w, "Review and confirm");
      await w.getByRole("button", { name: "Confirm booking" }).click();
      await waitForStep(w, "You're booked");

      const reference = await shownReference(w);
      const { sessions, intake, ...booking } = await storedBooking(env, reference);
      expect(booking).toMatchObject({
        kind: "booking",
        status: "confirmed",
        serviceId: "myofascial-release",
        minutes: 60,
        therapistId: "maude-arsenault",
        client: { name: "Robin Inline", email: "robin@example.com" },
        currency: "CAD",
        listTotal: 11500,
        discountTotal: 0,
        total: 11500,
        dealId: null,
      });
      expect(sessions).toHaveLength(1);
      expect(sessions[0]).toMatchObject({
        start: new Date(THURSDAY_NOON_UTC).toISOString(),
        end: new Date(THURSDAY_NOON_UTC + 3_600_000).toISOString(),
        price: 11500,
      });
      expect(intake.mode).toBe("full");
      expect(intake.answers["blood-clot-now"]).toBe(false);
      expect(await w.getByText("Total: $115.00").count()).toBe(1);

      const downloading = page.waitForEvent("download");
      await w.getByRole("link", { name: "Download calendar file (.ics)" }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.ics$/);
      const path = await download.path();
      const calendar = new ICAL.Component(ICAL.parse(await readFile(path, "utf8")));
      expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
      const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
      expect(events).toHaveLength(1);
      const event = events[0];
      if (!event) throw new Error("no VEVENT in the calendar file");
      expect(event.startDate.toJSDate().getTime()).toBe(THURSDAY_NOON_UTC);
      expect(event.endDate.toJSDate().getTime()).toBe(THURSDAY_NOON_UTC + 3_600_000);
      expect(event.description).toContain(reference);
      expect(event.description).toContain("Myofascial release, 60 min");
      expect(event.location).toContain("1585 Barrington Street");
    } finally {
      await context.close();
    }
  });

  it("a five-week series from the popup on services.html gets the 5th session free; the total shown is the total stored", async () => {
    const { context, page } = await openPage(env, "services.html");
    try {
      await page.getByRole("button", { name: /^Book this\s*: Clinical massage$/ }).click();
      const dialog = page.getByRole("dialog");
      await waitForStep(dialog, "Choose a service");
      expect(await dialog.getByRole("radio", { name: /^Clinical massage, 60 min/ }).isVisible()).toBe(true);
      await chooseService(dialog, "Clinical massage", 60);
      await answerHealth(dialog, { firstVisit: false });
      await continueButton(dialog).click();
      await waitForStep(dialog, "Choose a time");
      await dialog.getByRole("combobox", { name: "Therapist" }).selectOption({ label: "Maude Arsenault, RMT" });
      await pickFirstSlot(dialog);
      await dialog.getByRole("checkbox", { name: "Repeat weekly" }).check();
      await dialog.getByRole("combobox", { name: "Number of weekly sessions" }).selectOption("5");
      await dialog.getByRole("heading", { name: "Your weekly sessions" }).waitFor();
      await continueButton(dialog).click();
      // 24 December falls in the holiday closure: week 4 needs another time.
      const closedWeek = dialog.getByRole("group", { name: /Week 4 is taken at this time/ });
      await closedWeek.getByRole("radio").first().check();
      await dialog.getByText(/Offer applied: Book 4 consecutive sessions, the 5th is free/).first().waitFor();
      const timeTotal = await shownTotal(dialog);
      expect(timeTotal).toBe("$460.00");
      await continueButton(dialog).click();
      await fillDetails(dialog, { name: "Sam Series", email: "sam@example.com" });
      await continueButton(dialog).click();
      await waitForStep(dialog, "Review and confirm");
      const reviewTotal = await shownTotal(dialog);
      await dialog.getByRole("button", { name: "Confirm booking" }).click();
      await waitForStep(dialog, "You're booked");

      const reference = await shownReference(dialog);
      const { sessions, ...booking } = await storedBooking(env, reference);
      expect(booking).toMatchObject({ kind: "booking", serviceId: "clinical-massage", therapistId: "maude-arsenault", dealId: "fifth-session-free", listTotal: 57500, total: 46000 });
      expect(minorUnits(reviewTotal)).toBe(booking.total);
      expect(minorUnits(timeTotal)).toBe(booking.total);
      expect(sessions).toHaveLength(5);
      expect(sessions.map((s) => s.price)).toEqual([11500, 11500, 11500, 11500, 0]);
      expect(await dialog.getByRole("link", { name: /Add to Google Calendar/ }).count()).toBe(5);
    } finally {
      await context.close();
    }
  });

  it("two clients race for the same slot: one is booked, the other gets fresh times with every answer kept", async () => {
    const first = await openPage(env, "index.html");
    const second = await openPage(env, "index.html");
    try {
      const clients = [
        { opened: first, name: "Ada Racer", email: "ada@example.com" },
        { opened: second, name: "Bo Racer", email: "bo@example.com" },
      ];
      const labels: string[] = [];
      for (const { opened, name, email } of clients) {
        const w = widget(opened.page);
        await chooseService(w, "Trigger point therapy", 60);
        await answerHealth(w);
        await continueButton(w).click();
        await waitForStep(w, "Choose a time");
        await w.getByRole("combobox", { name: "Therapist" }).selectOption({ label: "Daniel Okafor, RMT" });
        labels.push(await pickFirstSlot(w));
        await continueButton(w).click();
        await fillDetails(w, { name, email });
        await continueButton(w).click();
        await waitForStep(w, "Review and confirm");
      }
      expect(labels[0]).toBe(labels[1]);
      const wantedDay = await slotDayOnReview(first.page);

      const a = widget(first.page);
      const b = widget(second.page);
      await a.getByRole("button", { name: "Confirm booking" }).click();
      await waitForStep(a, "You're booked");
      await b.getByRole("button", { name: "Confirm booking" }).click();
      await waitForStep(b, "Choose a time");
      await b.getByText(/just been taken|was just taken|no longer free/).first().waitFor();

      // The slot that was taken is gone from the refreshed grid.
      const row = slotGrid(b).getByRole("row", { name: new RegExp(`^${wantedDay}`) });
      expect(await row.getByRole("gridcell", { name: labels[0] ?? "", exact: true }).count()).toBe(0);
      expect(await slotGrid(b).getByRole("gridcell").count()).toBeGreaterThan(0);

      // Every answer is still there: details, consent and health history; B books another time.
      const other = await pickFirstSlot(b);
      await continueButton(b).click();
      await waitForStep(b, "Review and confirm");
      expect(await b.getByText("Bo Racer", { exact: true }).count()).toBe(1);
      expect(await b.getByText("bo@example.com", { exact: true }).count()).toBe(1);
      await b.getByRole("button", { name: "Edit Your details" }).click();
      await waitForStep(b, "Your details");
      expect(await b.getByRole("textbox", { name: /Full name/ }).inputValue()).toBe("Bo Racer");
      expect(await b.getByRole("checkbox", { name: /cancellation policy/ }).isChecked()).toBe(true);
      expect(await b.getByRole("checkbox", { name: /health information/ }).isChecked()).toBe(true);
      await continueButton(b).click();
      await waitForStep(b, "Review and confirm");
      await b.getByRole("button", { name: "Edit Health history" }).click();
      await waitForStep(b, "Health history");
      expect(await b.getByRole("group", { name: /first visit/ }).getByRole("radio", { name: "Yes", exact: true }).isChecked()).toBe(true);
      expect(await b.getByRole("group", { name: /fever/ }).getByRole("radio", { name: "No", exact: true }).isChecked()).toBe(true);
      expect(await b.getByRole("textbox", { name: /emergency/ }).inputValue()).toBe("Alex Doe");
      await continueButton(b).click();
      await waitForStep(b, "Review and confirm");
      await b.getByRole("button", { name: "Confirm booking" }).click();
      await waitForStep(b, "You're booked");
      expect(other).not.toBe("");

      const racers = (await storedBookings(env)).filter((b) => b.client.email === "ada@example.com" || b.client.email === "bo@example.com");
      expect(racers.map((b) => b.client.email).sort()).toEqual(["ada@example.com", "bo@example.com"]);
      const [ada, bo] = ["ada@example.com", "bo@example.com"].map((email) => racers.find((b) => b.client.email === email));
      const [adaSession, boSession] = [ada?.sessions[0], bo?.sessions[0]];
      if (!adaSession || !boSession) throw new Error("a racer's session is missing");
      expect(ada?.therapistId).toBe("daniel-okafor");
      // Different times for the same therapist, not overlapping.
      expect(adaSession.end <= boSession.start || boSession.end <= adaSession.start).toBe(true);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it("the connection drops while the booking is sent, then returns: one booking, not two", async () => {
    const { context, page } = await openPage(env, "index.html");
    try {
      const posts: { key: string | undefined; answered: boolean }[] = [];
      await page.route("**/api/bookings", async (route: Route) => {
        const request = route.request();
        if (request.method() !== "POST") return route.continue();
        const key = request.headers()["idempotency-key"];
        if (posts.length === 0) {
          // The receiver gets the booking, but its answer never reaches the page.
          posts.push({ key, answered: false });
          await route.fetch();
          return route.abort("connectionreset");
        }
        posts.push({ key, answered: true });
        return route.continue();
      });

      const w = widget(page);
      await chooseService(w, "Deep tissue massage", 45);
      await answerHealth(w);
      await continueButton(w).click();
      await waitForStep(w, "Choose a time");
      await pickFirstSlot(w);
      await continueButton(w).click();
      await fillDetails(w, { name: "Dee Dropped", email: "dee@example.com" });
      await continueButton(w).click();
      await waitForStep(w, "Review and confirm");
      await w.getByRole("button", { name: "Confirm booking" }).click();
      await waitForStep(w, "You're booked");

      const reference = await shownReference(w);
      expect(posts.length).toBeGreaterThanOrEqual(2);
      expect(new Set(posts.map((p) => p.key)).size).toBe(1);
      const mine = (await storedBookings(env)).filter((b) => b.client.email === "dee@example.com");
      expect(mine.map((b) => b.reference)).toEqual([reference]);
    } finally {
      await context.close();
    }
  });
});

/** The day of the chosen time as the review prints it, e.g. "Wednesday, December 2". */
async function slotDayOnReview(page: Page): Promise<string> {
  const line = await widget(page).getByRole("listitem").filter({ hasText: /^Session 1, / }).innerText();
  const match = /^Session 1, (\w+, \w+ \d+)/.exec(line);
  if (!match?.[1]) throw new Error(`no session line on the review: ${line}`);
  return match[1];
}
