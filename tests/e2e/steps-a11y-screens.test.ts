import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AXE_SCRIPT, axeViolations, type AxeViolation } from "./support/axe";
import { openPage, startE2E, type E2E } from "./support/browser";
import { answerHealth, continueButton, fillDetails, pickFirstSlot, waitForStep, widget } from "./support/flow";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SCREENSHOTS = join(ROOT, "test-results", "screenshots");

let env: E2E;
beforeAll(async () => {
  env = await startE2E();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await env?.close();
});

const STEPS = ["service", "health", "time", "details", "review", "confirmation"] as const;
type Step = (typeof STEPS)[number];

/** Books one session and calls `at` on each step, once it is filled in and ready to leave. */
async function walkSteps(w: Locator, at: (step: Step) => Promise<void>): Promise<void> {
  await waitForStep(w, "Choose a service");
  await w.getByRole("radio", { name: /^Clinical massage, 60 min/ }).check();
  await at("service");
  await continueButton(w).click();
  await answerHealth(w);
  await at("health");
  await continueButton(w).click();
  await waitForStep(w, "Choose a time");
  await pickFirstSlot(w);
  await at("time");
  await continueButton(w).click();
  await fillDetails(w);
  await at("details");
  await continueButton(w).click();
  await waitForStep(w, "Review and confirm");
  await at("review");
  await w.getByRole("button", { name: "Confirm booking" }).click();
  await waitForStep(w, "You're booked");
  await at("confirmation");
}

describe("every step, at phone and desktop widths", () => {
  for (const width of [1280, 375]) {
    it(`${width} px: a screenshot of each step, and no WCAG 2.2 AA violation from axe-core`, async () => {
      const { context, page } = await openPage(env, "index.html", { width, height: 900 });
      try {
        const w = widget(page);
        await waitForStep(w, "Choose a service");
        await page.addScriptTag({ path: AXE_SCRIPT });
        const found: Partial<Record<Step, AxeViolation[]>> = {};
        const seen: Step[] = [];
        const sideways: Partial<Record<Step, number>> = {};
        await walkSteps(w, async (step) => {
          seen.push(step);
          sideways[step] = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          const path = join(SCREENSHOTS, `${String(STEPS.indexOf(step) + 1)}-${step}-${String(width)}.png`);
          const shot = await w.screenshot({ path, animations: "disabled" });
          expect(shot.byteLength).toBeGreaterThan(1_000);
          found[step] = await axeViolations(page);
        });
        expect(seen).toEqual([...STEPS]);
        // The page never scrolls sideways: at 375 px every step fits the viewport.
        expect(sideways).toEqual(Object.fromEntries(STEPS.map((step) => [step, 0])));
        expect(found).toEqual(Object.fromEntries(STEPS.map((step) => [step, []])));
      } finally {
        await context.close();
      }
    });
  }
});
