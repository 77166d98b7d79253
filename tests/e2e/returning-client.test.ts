import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/server/store/sqlite";
import { newBooking } from "../unit/fixtures/new-booking";
import { AXE_SCRIPT, axeViolations } from "./support/axe";
import { openPage, startE2E, storedBooking, type E2E } from "./support/browser";
import { answerHealth, answerRemainingNo, chooseService, continueButton, fillDetails, pickFirstSlot, shownReference, shownTotal, waitForStep, widget } from "./support/flow";
import { codeFromOutbox } from "./support/outbox";

let env: E2E;
beforeAll(async () => {
  env = await startE2E();
  // An earlier visit, in March, with the full form: nine months later the short update is due.
  const store = openSqliteStore(env.databasePath);
  try {
    const earlier = newBooking("earlier-visit", [], {
      client: { name: "Robin Return", email: "robin.return@example.com", phone: "902 555 0177", isNewClient: true },
      createdAt: "2026-03-02T12:00:00.000Z",
    });
    await store.insertBooking(earlier, { key: "seed-earlier-visit-0001", requestHash: "seed", response: { status: 201, body: "{}" } });
  } finally {
    await store.close();
  }
});
afterAll(async () => {
  await env?.close();
});

async function askCode(w: Locator, email: string): Promise<void> {
  await w.getByRole("textbox", { name: /^Your email/ }).fill(email);
  await w.getByRole("button", { name: "Send code" }).click();
  await w.getByRole("textbox", { name: /^6-digit code/ }).waitFor();
}

async function enterCode(w: Locator, code: string): Promise<void> {
  await w.getByRole("textbox", { name: /^6-digit code/ }).fill(code);
  await w.getByRole("button", { name: "Verify", exact: true }).click();
}

describe("returning clients prove their email with a code from the outbox", () => {
  it("a client with an earlier booking verifies a code and gets the short form and their details; every code view passes axe", async () => {
    const { context, page } = await openPage(env, "index.html");
    try {
      const w = widget(page);
      await chooseService(w, "Myofascial release", 60);
      await waitForStep(w, "Health history");
      await page.addScriptTag({ path: AXE_SCRIPT });
      await w.getByRole("group", { name: /first visit/ }).getByRole("radio", { name: "No", exact: true }).check();
      await w.getByRole("textbox", { name: /^Your email/ }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await askCode(w, "Robin.Return@example.com");
      expect(await axeViolations(page)).toEqual([]);
      const code = await codeFromOutbox(env.outboxDir, "Robin.Return@example.com");
      await enterCode(w, code === "000000" ? "000001" : "000000");
      await w.getByText(/^This code is wrong/).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await enterCode(w, code);
      await w.getByText("Email verified: robin.return@example.com. Welcome back; your contact details are filled in.").waitFor();
      await w.getByText("Welcome back. Only a few questions today; a yes opens the parts that changed.").waitFor();
      expect(await w.getByRole("group", { name: /Has anything changed since your last visit/ }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      await answerRemainingNo(w);
      await continueButton(w).click();
      await waitForStep(w, "Choose a time");
      await pickFirstSlot(w);
      await continueButton(w).click();
      await waitForStep(w, "Your details");
      expect(await w.getByRole("textbox", { name: /Full name/ }).inputValue()).toBe("Robin Return");
      expect(await w.getByRole("textbox", { name: /^Phone/ }).inputValue()).toBe("902 555 0177");
      await w.getByRole("checkbox", { name: /health information/ }).check();
      await w.getByRole("checkbox", { name: /cancellation policy/ }).check();
      await continueButton(w).click();
      await waitForStep(w, "Review and confirm");
      await w.getByRole("button", { name: "Confirm booking" }).click();
      await waitForStep(w, "You're booked");
      const stored = await storedBooking(env, await shownReference(w));
      expect(stored).toMatchObject({ client: { email: "Robin.Return@example.com", isNewClient: false }, dealId: null, intake: { mode: "update" } });
    } finally {
      await context.close();
    }
  });

  it("a new client verifies a code and gets the first-visit offer, which the receiver grants", async () => {
    const { context, page } = await openPage(env, "index.html");
    try {
      const w = widget(page);
      await chooseService(w, "Myofascial release", 60);
      await answerHealth(w);
      await w.getByRole("button", { name: "Verify your email to get the first-visit offer" }).click();
      await askCode(w, "casey.new@example.com");
      await enterCode(w, await codeFromOutbox(env.outboxDir, "casey.new@example.com"));
      await w.getByText(/^Email verified: casey\.new@example\.com/).waitFor();
      await continueButton(w).click();
      await waitForStep(w, "Choose a time");
      await pickFirstSlot(w);
      expect(await shownTotal(w)).toBe("$92.00");
      await continueButton(w).click();
      await fillDetails(w, { name: "Casey New", email: "casey.new@example.com" });
      await continueButton(w).click();
      await waitForStep(w, "Review and confirm");
      await w.getByRole("button", { name: "Confirm booking" }).click();
      await waitForStep(w, "You're booked");
      const stored = await storedBooking(env, await shownReference(w));
      expect(stored).toMatchObject({ total: 9200, dealId: "first-visit-20", client: { isNewClient: true } });
    } finally {
      await context.close();
    }
  });
});
