import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, within } from "@testing-library/preact";
import {
  answerRemainingNo,
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
afterEach(unmountAll);

describe("a returning client", () => {
  it("answers the short update, and a change opens the matching questions", async () => {
    const user = setupUser();
    const { transport, requests } = fakeTransport();
    mount({ transport });
    await chooseService(user, "Deep tissue massage", 45);
    await heading("Health history");
    await user.click(within(screen.getByRole("group", { name: /first visit/ })).getByRole("radio", { name: "No" }));
    // Without a date the full form is the safe default.
    expect(screen.getByText(/Please fill in your full health history/).textContent).toBe("Please fill in your full health history. It takes about five minutes.");
    fireEvent.input(screen.getByLabelText(/last fill in the full health form/), { target: { value: "2026-06-15" } });
    expect((await screen.findByText(/Welcome back\. Only a few questions today/)).textContent).toBe(
      "Welcome back. Only a few questions today; a yes opens the parts that changed.",
    );
    expect(screen.queryByText(/Please fill in your full health history/)).toBeNull();
    expect(screen.queryByRole("group", { name: /osteoporosis/ })).toBeNull();

    const gate = screen.getByRole("group", { name: /Has anything changed since your last visit/ });
    await user.click(within(gate).getByRole("radio", { name: "Yes" }));
    const what = await screen.findByRole("group", { name: /What has changed/ });
    expect(screen.queryByRole("textbox", { name: /Which medications do you take/ })).toBeNull();
    await user.click(within(what).getByRole("checkbox", { name: "My medications" }));
    expect((await screen.findByRole<HTMLTextAreaElement>("textbox", { name: /Which medications do you take/ })).value).toBe("");
    await answerRemainingNo(user);
    await user.click(continueButton());

    await heading("Choose a time");
    await user.click(await firstFreeSlot());
    await user.click(continueButton());
    await fillDetails(user);
    await user.click(continueButton());
    await heading("Review and confirm");
    expect(screen.getByText(/Returning client/).textContent).toMatch(/^Returning client · \d+ answers given$/);
    await user.click(screen.getByRole("button", { name: "Confirm booking" }));
    await heading("You're booked");
    expect(requests[0]).toMatchObject({
      intakeMode: "update",
      client: { isNewClient: false, lastFullIntake: "2026-06-15" },
      quotedDealId: null,
    });
    expect(requests[0]?.answers["what-changed"]).toEqual(["medications"]);
    expect(requests[0]?.answers).not.toHaveProperty("osteoporosis");
  });
});
