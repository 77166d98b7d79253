import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/preact";
import {
  answerHealth,
  bookToReview,
  chooseService,
  continueButton,
  fakeTransport,
  fillDetails,
  firstFreeSlot,
  heading,
  mount,
  setupUser,
  unmountAll,
} from "./support/widget";

vi.setConfig({ testTimeout: 30_000 });
afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

describe("health answers stay in the form", () => {
  it("a whole booking writes nothing to storage, cookies, the URL or the console", async () => {
    const user = setupUser();
    const spies = [
      vi.spyOn(Storage.prototype, "setItem"),
      vi.spyOn(console, "log"),
      vi.spyOn(console, "info"),
      vi.spyOn(console, "warn"),
      vi.spyOn(console, "error"),
      vi.spyOn(console, "debug"),
      vi.spyOn(history, "pushState"),
      vi.spyOn(history, "replaceState"),
    ];
    const cookieBefore = document.cookie;
    const urlBefore = location.href;
    const { transport, requests } = fakeTransport();
    mount({ transport });
    await chooseService(user, "Clinical massage", 60);
    await answerHealth(user);
    await user.type(screen.getByRole("textbox", { name: /what brings you in/ }), "Sore calves after a marathon");
    await user.click(continueButton());
    await heading("Choose a time");
    await user.click(await firstFreeSlot());
    await user.click(continueButton());
    await fillDetails(user);
    await user.click(continueButton());
    await user.click(await screen.findByRole("button", { name: "Confirm booking" }));
    await heading("You're booked");

    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(document.cookie).toBe(cookieBefore);
    expect(location.href).toBe(urlBefore);
    expect(requests[0]?.answers["main-concern"]).toBe("Sore calves after a marathon");
    for (const link of screen.getAllByRole("link")) {
      expect(decodeURIComponent(link.getAttribute("href") ?? "")).not.toMatch(/marathon|calves/);
    }
  });

  it("the bot trap is invisible to people and password managers; filled, it pretends success and sends nothing", async () => {
    const user = setupUser();
    const { transport, requests } = fakeTransport();
    const { host } = mount({ transport });
    await bookToReview(user);
    await user.click(screen.getByRole("button", { name: "Edit Your details" }));
    await heading("Your details");
    const trap = host.querySelector<HTMLInputElement>(".cb-hp input");
    if (!trap) throw new Error("no bot trap");
    expect(trap.closest("[aria-hidden='true']")).not.toBeNull();
    expect(trap.tabIndex).toBe(-1);
    expect(trap.getAttribute("autocomplete")).toBe("off");
    expect(trap.name).not.toMatch(/name|mail|phone|tel|url|web|address|company/i);
    expect(screen.queryByRole("textbox", { name: /Leave this field empty/ })).toBeNull();
    await user.type(trap, "https://spam.example");
    await user.click(screen.getByRole("button", { name: "Save and return to review" }));
    await user.click(await screen.findByRole("button", { name: "Confirm booking" }));
    await heading("You're booked");
    expect(requests).toHaveLength(0);
  });

  it("warns before the page closes while a form is started and unsent, never after booking", async () => {
    const user = setupUser();
    mount();
    const leave = () => {
      const event = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    await heading("Choose a service");
    expect(leave()).toBe(false);
    await chooseService(user, "Clinical massage", 60);
    await heading("Health history");
    await waitFor(() => expect(leave()).toBe(true));
    await answerHealth(user);
    await user.click(continueButton());
    await heading("Choose a time");
    await user.click(await firstFreeSlot());
    await user.click(continueButton());
    await fillDetails(user);
    await user.click(continueButton());
    await user.click(await screen.findByRole("button", { name: "Confirm booking" }));
    await heading("You're booked");
    await waitFor(() => expect(leave()).toBe(false));
  });
});
