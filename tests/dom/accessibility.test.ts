import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/preact";
import axe from "axe-core";
import {
  answerHealth,
  bookToReview,
  chooseService,
  continueButton,
  fillDetails,
  firstFreeSlot,
  heading,
  mount,
  setupUser,
  unmountAll,
} from "./support/widget";

vi.setConfig({ testTimeout: 40_000 });
afterEach(unmountAll);

/** Rules that need real layout (colour contrast, target size) are checked in a browser, not here. */
async function violations(root: HTMLElement): Promise<string[]> {
  const result = await axe.run(root, {
    rules: { "color-contrast": { enabled: false }, "target-size": { enabled: false }, region: { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("accessibility", () => {
  it("has no axe violations on any step", async () => {
    const user = setupUser();
    const { host } = mount();
    await heading("Choose a service");
    expect(await violations(host)).toEqual([]);
    await chooseService(user, "Clinical massage", 60);
    await answerHealth(user, { yes: [/broken a bone/] });
    expect(await violations(host)).toEqual([]);
    await user.click(screen.getByRole("radio", { name: "I have a physician's clearance and want to book" }));
    await user.click(screen.getByRole("checkbox", { name: /has cleared me for massage therapy/ }));
    await user.click(continueButton());
    await heading("Choose a time");
    await user.click(await firstFreeSlot());
    await user.click(screen.getByRole("checkbox", { name: "Repeat weekly" }));
    expect(await violations(host)).toEqual([]);
    await user.click(screen.getByRole("checkbox", { name: "Repeat weekly" }));
    await user.click(continueButton());
    await heading("Your details");
    await user.click(continueButton());
    expect(await violations(host)).toEqual([]);
    await fillDetails(user);
    await user.click(continueButton());
    await heading("Review and confirm");
    expect(await violations(host)).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Confirm booking" }));
    await heading("You're booked");
    expect(await violations(host)).toEqual([]);
  });

  it("has no axe violations in French, on a call-back request", async () => {
    const user = setupUser();
    const { host } = mount({ locale: "fr" });
    await chooseService(user, "Massothérapie clinique", 60);
    await answerHealth(user, { yes: [/en ce moment un caillot de sang/] });
    expect(await violations(host)).toEqual([]);
    await user.click(continueButton());
    await heading("Votre demande de rappel");
    expect(await violations(host)).toEqual([]);
  });

  it("moves focus to each new step's heading, announces errors politely and links them to the fields", async () => {
    const user = setupUser();
    const { host } = mount();
    const first = await heading("Choose a service");
    // The first step does not steal focus from the host page.
    expect(document.activeElement).not.toBe(first);
    await user.click(continueButton());
    const live = host.querySelector('[role="status"][aria-live="polite"]');
    await waitFor(() => expect(live?.textContent).toBe("Please check 1 answer below."));
    const radio = screen.getByRole("radio", { name: /^Clinical massage, 60 min/ });
    expect(radio.getAttribute("aria-invalid")).toBe("true");
    const card = radio.closest("fieldset");
    const described = document.getElementById(card?.getAttribute("aria-describedby") ?? "");
    expect(described?.textContent).toMatch(/Choose a service and a length to continue/);
    await user.click(radio);
    await user.click(continueButton());
    const health = await heading("Health history");
    await waitFor(() => expect(document.activeElement).toBe(health));
    expect(health.tabIndex).toBe(-1);
  });

  it("sets lang on the widget root and labels every control", async () => {
    const user = setupUser();
    const { host } = mount({ locale: "en" });
    expect(host.querySelector(".cb-root")?.getAttribute("lang")).toBe("en");
    await bookToReview(user);
    for (const button of screen.getAllByRole("button")) {
      const name = button.getAttribute("aria-label") ?? button.textContent?.trim() ?? "";
      expect(name, button.outerHTML).toMatch(/\p{L}/u);
    }
  });

  it("keeps every answer when going back and forth with the stepper", async () => {
    const user = setupUser();
    mount();
    await chooseService(user, "Sports massage", 45);
    await answerHealth(user);
    await user.type(screen.getByRole("textbox", { name: /what brings you in/ }), "Sore calves");
    await user.click(screen.getByRole("button", { name: "Back" }));
    await heading("Choose a service");
    expect((screen.getByRole("radio", { name: /^Sports massage, 45 min/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(continueButton());
    await heading("Health history");
    expect((screen.getByRole("textbox", { name: /what brings you in/ }) as HTMLInputElement).value).toBe("Sore calves");
  });
});
