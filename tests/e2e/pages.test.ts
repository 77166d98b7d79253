import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseRadio, firstUnansweredNo, focusIsOn, press, typeInto, waitForFocus } from "./support/keyboard";
import { openPage, startE2E, storedBooking, type E2E } from "./support/browser";
import {
  answerHealth,
  chooseService,
  continueButton,
  fillDetails,
  minorUnits,
  pickFirstSlot,
  shownReference,
  shownTotal,
  slots,
  stepHeading,
  waitForFlow,
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

describe("the demo pages", () => {
  it("the whole booking with the keyboard alone", async () => {
    const { context, page } = await openPage(env, "index.html");
    try {
      const w = widget(page);
      await waitForStep(w, "Choose a service");
      // chooseRadio finds the group by the radios' name, which the flow gives anew when it takes over.
      await waitForFlow(w);
      await chooseRadio(page, w, w.getByRole("radio", { name: /^Myofascial release, 60 min/ }), "the service");
      await press(page, continueButton(w), "Enter", "Continue");

      await waitForStep(w, "Health history");
      await waitForFocus(page, stepHeading(w, "Health history"), "Health history");
      await chooseRadio(page, w, w.getByRole("group", { name: /first visit/ }).getByRole("radio", { name: "Yes", exact: true }), "first visit");
      for (let answered = 0; answered < 40; answered++) {
        const open = await firstUnansweredNo(w);
        if (!open) break;
        await chooseRadio(page, w, open.getByRole("radio", { name: "No", exact: true }), `"No" in a question`);
      }
      await typeInto(page, w.getByRole("textbox", { name: /emergency/ }), "Alex Doe", "emergency contact");
      await typeInto(page, w.getByRole("textbox", { name: /^Their phone number/ }), "902 555 0100", "their phone");
      await press(page, continueButton(w), "Enter", "Continue");

      await waitForStep(w, "Choose a time");
      await waitForFocus(page, stepHeading(w, "Choose a time"), "Choose a time");
      const first = slots(w).first();
      await first.waitFor();
      const firstLabel = (await first.innerText()).trim();
      await press(page, slots(w), "ArrowRight", "the slot grid");
      await page.keyboard.press("Enter");
      const chosen = slots(w).and(w.locator("[aria-selected=true]"));
      await chosen.waitFor();
      const chosenLabel = (await chosen.innerText()).trim();
      expect(chosenLabel).not.toBe(firstLabel);
      await press(page, continueButton(w), "Enter", "Continue");

      await waitForStep(w, "Your details");
      await waitForFocus(page, stepHeading(w, "Your details"), "Your details");
      await typeInto(page, w.getByRole("textbox", { name: /Full name/ }), "Kim Keys", "name");
      await typeInto(page, w.getByRole("textbox", { name: /^Email/ }), "kim@example.com", "email");
      await typeInto(page, w.getByRole("textbox", { name: /^Phone/ }), "902 555 0199", "phone");
      await press(page, w.getByRole("checkbox", { name: /health information/ }), "Space", "health consent");
      await press(page, w.getByRole("checkbox", { name: /cancellation policy/ }), "Space", "policy consent");
      await press(page, continueButton(w), "Enter", "Continue");

      await waitForStep(w, "Review and confirm");
      await waitForFocus(page, stepHeading(w, "Review and confirm"), "Review and confirm");
      await press(page, w.getByRole("button", { name: "Confirm booking" }), "Enter", "Confirm booking");
      await waitForStep(w, "You're booked");
      // The confirmation heading takes the focus.
      expect(await focusIsOn(stepHeading(w, "You're booked"))).toBe(true);

      const { sessions, ...booking } = await storedBooking(env, await shownReference(w));
      expect(booking).toMatchObject({ client: { name: "Kim Keys", email: "kim@example.com" }, serviceId: "myofascial-release", total: 11500 });
      expect(sessions).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it("hostile.html under a strict CSP: the booking completes with no violation and no console error, at the same font sizes as index.html", async () => {
    const reference = await openPage(env, "index.html");
    await waitForFlow(widget(reference.page));
    const referenceSizes = await fontSizes(widget(reference.page));
    await reference.context.close();

    const { context, page, problems } = await openPage(env, "hostile.html", { initScript: WATCH_CSP });
    try {
      const cspMessages = problems.consoleMessages.filter((text) => /Content.Security.Policy/i.test(text) && !META_FRAME_ANCESTORS.test(text));
      const w = widget(page);
      await waitForStep(w, "Choose a service");
      await waitForFlow(w);
      expect(await fontSizes(w)).toEqual(referenceSizes);
      expect(referenceSizes.heading).not.toBe(referenceSizes.body);

      await chooseService(w, "Clinical massage", 45);
      await answerHealth(w);
      await continueButton(w).click();
      await waitForStep(w, "Choose a time");
      await waitForFocus(page, stepHeading(w, "Choose a time"), "Choose a time");
      await pickFirstSlot(w);
      await continueButton(w).click();
      await fillDetails(w, { name: "Harper Hostile", email: "harper@example.com" });
      await continueButton(w).click();
      await waitForStep(w, "Review and confirm");
      await waitForFocus(page, stepHeading(w, "Review and confirm"), "Review and confirm");
      await w.getByRole("button", { name: "Confirm booking" }).click();
      await waitForStep(w, "You're booked");
      const booking = await storedBooking(env, await shownReference(w));
      expect(booking).toMatchObject({ client: { name: "Harper Hostile" }, minutes: 45, total: 9500 });

      const violations = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? null);
      expect(violations).toEqual([]);
      expect(cspMessages).toEqual([]);
      expect(problems.consoleErrors.filter((text) => !META_FRAME_ANCESTORS.test(text))).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("fr.html: the booking in French, with French dates and amounts", async () => {
    const { context, page } = await openPage(env, "fr.html", { locale: "fr-CA" });
    try {
      const w = widget(page);
      await waitForStep(w, "Choisissez un service");
      await chooseService(w, "Relâchement myofascial", 60);
      await answerHealth(w);
      await continueButton(w).click();
      await waitForStep(w, "Choisissez un horaire");
      await slots(w).first().waitFor();
      const days = await w.getByRole("rowheader").allInnerTexts();
      expect(days[0]).toBe("jeudi 3 décembre");
      // French clock times: "12 h", "13 h 30" (other tests in this file may have taken noon).
      expect(await pickFirstSlot(w)).toMatch(/^\d{1,2} h( \d{2})?$/);
      const total = normaliseSpaces(await shownTotal(w));
      // An unverified first visit: list price (the offer needs a verified email).
      expect(total).toBe("115,00 $");
      await continueButton(w).click();
      await fillDetails(w, { name: "Camille Français", email: "camille@example.com" });
      await continueButton(w).click();
      await waitForStep(w, "Vérifier et confirmer");
      const review = normaliseSpaces(await w.getByRole("region", { name: "Vérifier et confirmer" }).innerText());
      expect(review).toContain("jeudi 3 décembre");
      expect(review).toContain("115,00 $");
      await w.getByRole("button", { name: "Confirmer la réservation" }).click();
      await waitForStep(w, "C'est réservé");
      expect(normaliseSpaces(await w.getByText(/^Total :/).first().innerText())).toBe("Total : 115,00 $");

      const booking = await storedBooking(env, await shownReference(w));
      expect(booking.locale).toMatch(/^fr/);
      expect(booking.total).toBe(minorUnits(total));
    } finally {
      await context.close();
    }
  });
});

/**
 * Chromium's notice about the page's own <meta> policy (the demo repeats its header there, and
 * browsers ignore frame-ancestors in a meta tag). It is about the host page, not a violation.
 */
const META_FRAME_ANCESTORS = /^The Content Security Policy directive 'frame-ancestors' is ignored when delivered via a <meta> element\.$/;

const WATCH_CSP = `
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
  }, true);
`;

async function fontSizes(w: Locator): Promise<{ heading: string; button: string; body: string; radioLabel: string }> {
  const size = (locator: Locator) => locator.first().evaluate((element) => getComputedStyle(element).fontSize);
  return {
    heading: await size(stepHeading(w)),
    button: await size(continueButton(w)),
    body: await size(w.getByText(/^Pick the type of massage/)),
    radioLabel: await size(w.getByText("60 min", { exact: true })),
  };
}

function normaliseSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}
