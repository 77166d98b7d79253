import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, startE2E, storedBooking, type E2E, type OpenedPage } from "./support/browser";
import { answerHealth, chooseService, continueButton, fillDetails, pickFirstSlot, shownReference, slotGrid, waitForStep, widget } from "./support/flow";

let env: E2E;
beforeAll(async () => {
  env = await startE2E();
});
afterAll(async () => {
  await env?.close();
});

const panel = (w: Locator) => w.getByRole("heading", { name: "What your answers mean" }).locator("xpath=..");

async function withPage(test: (opened: OpenedPage, w: Locator) => Promise<void>): Promise<void> {
  const opened = await openPage(env, "index.html");
  try {
    await test(opened, widget(opened.page));
  } finally {
    await opened.context.close();
  }
}

/** From the call-back form to "Request sent"; returns the reference. */
async function sendCallback(w: Locator, email: string): Promise<string> {
  await waitForStep(w, "Your call-back request");
  // No time step for a call-back.
  expect(await w.getByRole("navigation", { name: "Booking steps" }).innerText()).not.toMatch(/\bTime\b/);
  await fillDetails(w, { name: "Casey Callback", email });
  await w.getByRole("textbox", { name: /When and how to reach you/ }).fill("Weekday mornings");
  await continueButton(w).click();
  await waitForStep(w, "Review your call-back request");
  await w.getByRole("button", { name: "Send call-back request" }).click();
  await waitForStep(w, "Request sent");
  expect(await w.getByRole("link", { name: /calendar/i }).count()).toBe(0);
  return shownReference(w);
}

describe("each screening outcome, from the page to the receiver", () => {
  it("a blood clot now (DVT): only a call-back request, stored as needs-review", async () => {
    await withPage(async (_opened, w) => {
      await chooseService(w, "Clinical massage", 60);
      await answerHealth(w, { yes: [/blood clot now/] });
      await panel(w).getByText(/needs a short conversation with the clinic/).waitFor();
      expect(await w.getByRole("radio", { name: /clearance/ }).count()).toBe(0);
      await continueButton(w).click();
      const reference = await sendCallback(w, "dvt@example.com");

      const { sessions, intake, ...booking } = await storedBooking(env, reference);
      expect(booking).toMatchObject({ kind: "callback", status: "needs-review", outcome: "contact-clinic", therapistId: null, total: 0 });
      expect(sessions).toEqual([]);
      expect(intake.callbackNote).toBe("Weekday mornings");
      expect(intake.answers["blood-clot-now"]).toBe(true);
    });
  });

  it("a fever: the next three days offer no time", async () => {
    await withPage(async (_opened, w) => {
      await chooseService(w, "Clinical massage", 60);
      await answerHealth(w, { yes: [/fever/] });
      await panel(w).getByText(/best postponed while you are unwell/).waitFor();
      expect(await panel(w).getByText("The first times offered start on Friday, December 4.").count()).toBe(1);
      await continueButton(w).click();
      await waitForStep(w, "Choose a time");
      await slotGrid(w).getByRole("gridcell").first().waitFor();
      const days = await slotGrid(w).getByRole("rowheader").allInnerTexts();
      expect(days[0]).toBe("Friday, December 4");
      // Without the fever, Daniel and Maude both have times on Wednesday 2 and Thursday 3 December.
      expect(days.filter((day) => /December [123]$/.test(day))).toEqual([]);
    });
  });

  it("recent surgery without a physician's clearance: the client asks for a call-back", async () => {
    await withPage(async (_opened, w) => {
      await chooseService(w, "Clinical massage", 60);
      await answerHealth(w, { yes: [/surgery or an injury/] });
      // Three weeks ago: within the six weeks that need a physician's clearance.
      await w.getByLabel(/^When did it happen\?/).fill("2026-11-10");
      await w.getByRole("textbox", { name: /What was it, and which part of the body\?/ }).fill("Knee arthroscopy, left knee");
      await panel(w).getByText(/needs to know that a physician or nurse practitioner has cleared you/).waitFor();
      await w.getByRole("radio", { name: "Ask the clinic to call me instead" }).check();
      await continueButton(w).click();
      const reference = await sendCallback(w, "surgery@example.com");

      const { sessions, intake, ...booking } = await storedBooking(env, reference);
      expect(booking).toMatchObject({ kind: "callback", status: "needs-review", outcome: "clearance", total: 0 });
      expect(sessions).toEqual([]);
      expect(intake.clearanceConfirmed).toBe(false);
      expect(intake.answers["surgery-or-injury"]).toBe(true);
      expect(intake.answers["surgery-or-injury-date"]).toBe("2026-11-10");
    });
  });

  it("a local skin condition: books, with the area recorded for the therapist", async () => {
    await withPage(async (_opened, w) => {
      await chooseService(w, "Clinical massage", 60);
      await answerHealth(w, { yes: [/open wound/] });
      await w.getByRole("group", { name: /^Where is it\?/ }).getByRole("checkbox", { name: "Left thigh" }).check();
      await panel(w).getByText("Areas your therapist will avoid: Left thigh").waitFor();
      await continueButton(w).click();
      await waitForStep(w, "Choose a time");
      await pickFirstSlot(w);
      await continueButton(w).click();
      await fillDetails(w, { name: "Kit Skin", email: "skin@example.com" });
      await continueButton(w).click();
      await waitForStep(w, "Review and confirm");
      expect(await w.getByText(/Screening: your therapist will adapt the treatment/).count()).toBe(1);
      await w.getByRole("button", { name: "Confirm booking" }).click();
      await waitForStep(w, "You're booked");

      const { sessions, intake, ...booking } = await storedBooking(env, await shownReference(w));
      expect(booking).toMatchObject({ kind: "booking", status: "confirmed", outcome: "caution" });
      expect(sessions).toHaveLength(1);
      expect(intake.areasToAvoid).toEqual(["left-thigh"]);
      expect(intake.answers["local-condition-areas"]).toEqual(["left-thigh"]);
    });
  });
});
