import type { Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { focusIsOn } from "./support/keyboard";
import { openPage, startE2E, type E2E } from "./support/browser";
import { continueButton, flowCodeHold, stepHeading, waitForFlow, waitForStep, widget } from "./support/flow";

let env: E2E;
beforeAll(async () => {
  env = await startE2E();
});
afterAll(async () => {
  await env?.close();
});

const flowMounted = (w: ReturnType<typeof widget>) =>
  w.evaluate((host) => (host as HTMLElement & { clinicConfig: unknown }).clinicConfig !== null);

describe("the first step before the rest of the widget", () => {
  it("index.html downloads its config once, alongside the bundle, without cookies or referrer", async () => {
    const configRequests: Request[] = [];
    const { context, page, problems } = await openPage(env, "index.html?from=sciatica-page", {
      async prepare(page) {
        // A cookie the clinic's site set: the config request must not carry it.
        await page.context().addCookies([{ name: "session", value: "s3cr3t", url: env.demo.url }]);
        page.on("request", (request) => {
          if (new URL(request.url()).pathname === "/api/config") configRequests.push(request);
        });
      },
    });
    try {
      const w = widget(page);
      await waitForStep(w, "Choose a service");
      await waitForFlow(w);
      expect(configRequests).toHaveLength(1);
      const headers = await configRequests[0]?.allHeaders();
      expect(headers?.cookie).toBeUndefined();
      expect(headers?.referer).toBeUndefined();
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("keeps a choice and the focus made while the flow was still downloading", async () => {
    const hold = flowCodeHold();
    const { context, page, problems } = await openPage(env, "index.html", { prepare: hold.install });
    try {
      const w = widget(page);
      await waitForStep(w, "Choose a service");
      const radio = () => w.getByRole("radio", { name: /^Myofascial release, 60 min/ });
      await radio().check();
      expect(await focusIsOn(radio())).toBe(true);
      expect(await flowMounted(w)).toBe(false);
      expect(hold.requests).toBe(1);

      hold.release();
      await waitForFlow(w);
      expect(await radio().isChecked()).toBe(true);
      expect(await focusIsOn(radio())).toBe(true);
      expect(await w.getByRole("radio").and(w.locator(":checked")).count()).toBe(1);

      await continueButton(w).click();
      await waitForStep(w, "Health history");
      expect(await stepHeading(w).count()).toBe(1);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      hold.release();
      await context.close();
    }
  });

  it("takes a Continue pressed early to the next step once the flow is there", async () => {
    const hold = flowCodeHold();
    const { context, page } = await openPage(env, "index.html", { prepare: hold.install });
    try {
      const w = widget(page);
      await waitForStep(w, "Choose a service");
      await w.getByRole("radio", { name: /^Sports massage, 45 min/ }).check();
      await continueButton(w).click();
      expect(await stepHeading(w).textContent()).toBe("Choose a service");

      hold.release();
      await waitForStep(w, "Health history");
      await w.getByRole("button", { name: "Back" }).click();
      await waitForStep(w, "Choose a service");
      expect(await w.getByRole("radio", { name: /^Sports massage, 45 min/ }).isChecked()).toBe(true);
    } finally {
      hold.release();
      await context.close();
    }
  });
});
