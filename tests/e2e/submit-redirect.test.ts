/**
 * An endpoint answering the booking POST with a redirect, in Chromium. With `redirect: "error"`
 * Chromium reports it as a bare network failure, which reads as "offline" and is retried; the
 * widget must tell it apart: no retry, the clinic's phone, and every answer kept.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, startE2E, type E2E } from "./support/browser";
import { bookToReview, waitForStep, widget } from "./support/flow";
import { startRedirectingReceiver, type RedirectingReceiver } from "./support/redirecting-receiver";

let env: E2E;
let receiver: RedirectingReceiver;
beforeAll(async () => {
  env = await startE2E();
  receiver = await startRedirectingReceiver(env.demo.origin, env.demo.origin);
});
afterAll(async () => {
  await receiver?.close();
  await env?.close();
});

/** The demo clinic's config, with its bookings sent to the redirecting receiver. */
async function sendBookingsTo(page: Page, endpoint: string): Promise<void> {
  await page.route("**/api/config", async (route) => {
    const answer = await route.fetch();
    const config = (await answer.json()) as { submit: { endpoint: string } };
    config.submit.endpoint = endpoint;
    await route.fulfill({ response: answer, json: config });
  });
}

describe("a booking endpoint that redirects, in Chromium", () => {
  it("is told apart from being offline: sent once, the clinic's phone shown, answers kept", async () => {
    const { page, context } = await openPage(env, "index.html", { prepare: (p) => sendBookingsTo(p, receiver.endpoint) });
    try {
      const w = widget(page);
      await bookToReview(w, "Clinical massage", 60);
      await w.getByRole("button", { name: "Confirm booking" }).click();
      const notice = w.locator('[part="error"]', { hasText: /Nothing was booked yet/ });
      await notice.waitFor();
      expect(await notice.locator("p").allInnerTexts()).toEqual([
        "The booking could not be sent safely (the clinic's address redirected). Please call the clinic at +1 902-555-0148.",
        "Nothing was booked yet.",
      ]);
      // The outcome is shown only once the transport has given up: retries would have come first.
      expect(receiver.posts()).toBe(1);
      await w.getByRole("button", { name: "Edit Your details" }).click();
      await waitForStep(w, "Your details");
      expect(await w.getByRole("textbox", { name: /Full name/ }).inputValue()).toBe("Jordan Client");
      expect(await w.getByRole("checkbox", { name: /health information/ }).isChecked()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
