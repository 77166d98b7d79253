/**
 * The service step on a phone: short enough to read at a glance, Continue never laid over the
 * list, and no axe-core violation, on the demo clinic's home page.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AXE_SCRIPT, axeViolations } from "./support/axe";
import { openPage, startE2E, type E2E } from "./support/browser";
import { waitForFlow, waitForStep, widget } from "./support/flow";

/** The five demo services with their lengths, prices and the two offers: it was about 2,700 px. */
const PHONE_STEP_HEIGHT_BUDGET = 2_000;

let env: E2E;
beforeAll(async () => {
  env = await startE2E();
});
afterAll(async () => {
  await env?.close();
});

/** At each scroll position through the step, the card headings the Back / Continue bar covers. */
async function coveredHeadings(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = document.querySelector("clinic-booking")?.shadowRoot;
    const step = root?.querySelector(".cb-step");
    const bar = root?.querySelector(".cb-actions");
    if (!root || !step || !bar) throw new Error("no service step on the page");
    const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
    const top = step.getBoundingClientRect().top + window.scrollY;
    const bottom = top + step.getBoundingClientRect().height;
    const covered = new Set<string>();
    for (let y = Math.max(0, top - window.innerHeight); y <= bottom; y += 60) {
      window.scrollTo(0, y);
      await frame();
      const over = bar.getBoundingClientRect();
      for (const heading of Array.from(root.querySelectorAll(".cb-card__title"))) {
        const box = heading.getBoundingClientRect();
        const onScreen = box.bottom > 0 && box.top < window.innerHeight;
        const overlaps = box.top < over.bottom && over.top < box.bottom && box.left < over.right && over.left < box.right;
        if (onScreen && overlaps) covered.add(`${heading.textContent ?? ""} at scroll ${String(y)}`);
      }
    }
    return [...covered];
  });
}

describe("the service step", () => {
  for (const width of [375, 1280]) {
    it(`${width} px: Continue never covers a card's heading while scrolling, and axe-core finds nothing`, async () => {
      const { context, page } = await openPage(env, "index.html", { width, height: 812 });
      try {
        const w = widget(page);
        await waitForStep(w, "Choose a service");
        await waitForFlow(w);
        if (width === 375) {
          const box = await w.locator(".cb-step").boundingBox();
          expect(box?.height).toBeLessThanOrEqual(PHONE_STEP_HEIGHT_BUDGET);
        }
        expect(await coveredHeadings(page)).toEqual([]);
        await page.addScriptTag({ path: AXE_SCRIPT });
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
