/**
 * The theme's custom properties as a clinic sets them, on the <clinic-booking> element, read back
 * from Chromium's computed styles: the focus ring follows --cb-accent unless --cb-focus is set,
 * in the widget and in the element's own floating button alike, and the old names still work.
 */
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, startE2E, type E2E, type OpenedPage } from "./support/browser";
import { waitForFlow, widget } from "./support/flow";

let env: E2E;
beforeAll(async () => {
  env = await startE2E();
});
afterAll(async () => {
  await env?.close();
});

const DEFAULT_ACCENT = "rgb(47, 93, 80)";
const RED = "rgb(200, 0, 0)";
const BLUE = "rgb(0, 0, 200)";

async function withPage(path: string, test: (opened: OpenedPage) => Promise<void>): Promise<void> {
  const opened = await openPage(env, path);
  try {
    await test(opened);
  } finally {
    await opened.context.close();
  }
}

/** Sets custom properties on the host element, as a clinic's stylesheet would. */
async function theme(page: Page, properties: Record<string, string>): Promise<void> {
  await page.locator("clinic-booking").first().evaluate((host, props) => {
    for (const [name, value] of Object.entries(props)) (host as HTMLElement).style.setProperty(name, value);
  }, properties);
}

/** The outline colour of `target` while it has keyboard focus. */
async function focusRing(target: Locator): Promise<string> {
  await target.focus();
  const { visible, color } = await target.evaluate((el) => ({ visible: el.matches(":focus-visible"), color: getComputedStyle(el).outlineColor }));
  expect(visible).toBe(true);
  return color;
}

const firstServiceRadio = (w: Locator) => w.getByRole("radio").first();
const floatingButton = (page: Page) => page.locator("clinic-booking").first().locator('[part="floating-button"]');

describe("theme custom properties in Chromium", () => {
  it("the widget's focus ring is the accent, --cb-accent's colour, or --cb-focus's when set", async () => {
    await withPage("index.html", async ({ page }) => {
      const w = widget(page);
      await waitForFlow(w);
      expect(await focusRing(firstServiceRadio(w))).toBe(DEFAULT_ACCENT);
      await theme(page, { "--cb-accent": RED });
      expect(await focusRing(firstServiceRadio(w))).toBe(RED);
      await theme(page, { "--cb-focus": BLUE });
      expect(await focusRing(firstServiceRadio(w))).toBe(BLUE);
    });
  });

  it("the floating button's focus ring follows the accent too, unless --cb-focus is set", async () => {
    await withPage("floating.html", async ({ page }) => {
      await floatingButton(page).waitFor({ state: "visible" });
      expect(await focusRing(floatingButton(page))).toBe(DEFAULT_ACCENT);
      await theme(page, { "--cb-accent": RED });
      expect(await focusRing(floatingButton(page))).toBe(RED);
      expect(await floatingButton(page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(RED);
      await theme(page, { "--cb-focus": BLUE });
      expect(await focusRing(floatingButton(page))).toBe(BLUE);
    });
  });

  it("the old names --cb-surface and --cb-on-accent still work, and the new names win", async () => {
    await withPage("floating.html", async ({ page }) => {
      const button = floatingButton(page);
      await button.waitFor({ state: "visible" });
      await theme(page, { "--cb-on-accent": RED, "--cb-surface": "rgb(250, 240, 230)" });
      expect(await button.evaluate((el) => getComputedStyle(el).color)).toBe(RED);
      await button.click();
      const dialog = page.locator("clinic-booking").first().locator('[part="dialog"]');
      await waitForFlow(page.locator("clinic-booking").first());
      const root = dialog.locator(".cb-root");
      expect(await dialog.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(250, 240, 230)");
      expect(await root.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(250, 240, 230)");
      await theme(page, { "--cb-bg": "rgb(255, 255, 255)", "--cb-accent-contrast": BLUE });
      expect(await dialog.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(255, 255, 255)");
      expect(await button.evaluate((el) => getComputedStyle(el).color)).toBe(BLUE);
    });
  });
});
