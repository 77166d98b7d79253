/** Driving the widget with the keyboard only: Tab to reach a control, then keys to use it. */
import type { Locator, Page } from "playwright-core";

/** True when the page's focus, followed through shadow roots, is on one of `candidates`. */
export async function focusIsOn(candidates: Locator): Promise<boolean> {
  return candidates.evaluateAll((elements) => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active !== null && (elements as Element[]).includes(active);
  });
}

/** Presses Tab until the focus is on one of `candidates`. */
export async function tabTo(page: Page, candidates: Locator, what: string): Promise<void> {
  for (let presses = 0; presses < 200; presses++) {
    if (await focusIsOn(candidates)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Tabs into the radio group of `target`, then arrows (or Space) until it is checked. */
export async function chooseRadio(page: Page, root: Locator, target: Locator, what: string): Promise<void> {
  const name = await target.getAttribute("name");
  const group = name ? root.locator(`input[type=radio][name="${name}"]`) : target;
  await tabTo(page, group, what);
  if (await focusIsOn(target)) await page.keyboard.press("Space");
  for (let presses = 0; presses < 20 && !(await target.isChecked()); presses++) await page.keyboard.press("ArrowDown");
  if (!(await target.isChecked())) throw new Error(`the keyboard did not check ${what}`);
}

export async function press(page: Page, target: Locator, key: string, what: string): Promise<void> {
  await tabTo(page, target, what);
  await page.keyboard.press(key);
}

export async function typeInto(page: Page, target: Locator, text: string, what: string): Promise<void> {
  await tabTo(page, target, what);
  await page.keyboard.type(text);
}

/** The first radio group with a "No" that has no answer yet. */
export async function firstUnansweredNo(w: Locator): Promise<Locator | null> {
  for (const group of await w.getByRole("group").all()) {
    if ((await group.locator("input[type=radio]").count()) === 0) continue;
    if ((await group.locator("input[type=radio]:checked").count()) > 0) continue;
    if ((await group.getByRole("radio", { name: "No", exact: true }).count()) === 1) return group;
  }
  return null;
}

/** Waits until the focus is on `target` (a step heading takes it after each step change). */
export async function waitForFocus(page: Page, target: Locator, what: string): Promise<void> {
  for (let frame = 0; frame < 300; frame++) {
    if (await focusIsOn(target)) return;
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
  }
  throw new Error(`the focus never moved to ${what}`);
}
