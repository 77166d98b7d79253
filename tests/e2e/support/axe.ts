import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** Add to a page with `page.addScriptTag({ path: AXE_SCRIPT })` before `axeViolations`. */
export const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core on the widget element (it walks open shadow roots); only what a failure message needs. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  return page.evaluate(async (tags) => {
    interface AxeResult {
      violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<AxeResult> } }).axe;
    const element = document.querySelector("clinic-booking");
    if (!element) throw new Error("no <clinic-booking> on the page");
    const result = await axe.run(element, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, WCAG_TAGS);
}
