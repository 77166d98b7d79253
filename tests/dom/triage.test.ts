import { en } from "../../src/widget/i18n/en";
import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/preact";
import {
  answerHealth,
  chooseService,
  continueButton,
  created,
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

const panel = () => screen.getByRole("heading", { name: "What your answers mean" }).parentElement as HTMLElement;

describe("screening outcomes and what the client can do next", () => {
  it("caution: explains, records the areas to avoid, and books normally", async () => {
    const user = setupUser();
    const { transport, requests } = fakeTransport();
    mount({ transport });
    await chooseService(user, "Clinical massage", 60);
    await answerHealth(user, { yes: [/open wound/] });
    await user.click(within(screen.getByRole("group", { name: /^Where is it\?/ })).getByRole("checkbox", { name: "Left thigh" }));
    expect(within(panel()).getByText(/You can book\. Your therapist will adapt/).textContent).toBe(en["triage.caution"]);
    expect(within(panel()).getAllByText(/^Areas your therapist will avoid:/).map((p) => p.textContent)).toEqual(["Areas your therapist will avoid: Left thigh"]);
    expect(within(panel()).getByText(/This is not a diagnosis/).textContent).toBe(en["triage.notDiagnosis"]);
    await user.click(continueButton());
    await heading("Choose a time");
    await user.click(await firstFreeSlot());
    await user.click(continueButton());
    await fillDetails(user);
    await user.click(continueButton());
    await heading("Review and confirm");
    expect(screen.getByText(/^Screening: /).textContent).toBe("Screening: your therapist will adapt the treatment");
    await user.click(screen.getByRole("button", { name: "Confirm booking" }));
    await heading("You're booked");
    expect(requests[0]?.answers["local-condition-areas"]).toEqual(["left-thigh"]);
  });

  it("postpone: hides the next days and says why", async () => {
    const user = setupUser();
    mount();
    await chooseService(user, "Clinical massage", 60);
    await answerHealth(user, { yes: [/fever/] });
    expect(within(panel()).getByText(/best postponed while you are unwell/).textContent).toBe(en["triage.postpone"]);
    expect(within(panel()).getByText(/^The first times offered start on/).textContent).toBe("The first times offered start on Friday, December 4.");
    await user.click(continueButton());
    await heading("Choose a time");
    const grid = await screen.findByRole("grid");
    const firstDay = within(grid).getAllByRole("rowheader")[0];
    expect(firstDay?.textContent).toBe("Friday, December 4");
  });

  it("clearance: asks to confirm a physician's clearance before booking", async () => {
    const user = setupUser();
    const { transport, requests } = fakeTransport();
    mount({ transport });
    await chooseService(user, "Clinical massage", 60);
    await answerHealth(user, { yes: [/broken a bone/] });
    expect(within(panel()).getByText(/needs to know that a physician or nurse practitioner has cleared you/).textContent).toBe(en["triage.clearance"]);
    await user.click(continueButton());
    const choiceError = await screen.findByText("Choose one of the two options to continue.");
    expect(choiceError.closest("fieldset")?.contains(screen.getByRole("radio", { name: "Ask the clinic to call me instead" }))).toBe(true);
    await user.click(screen.getByRole("radio", { name: "I have a physician's clearance and want to book" }));
    await user.click(continueButton());
    expect((await screen.findByText(/Tick the box to confirm the clearance/)).textContent).toContain(en["intakeError.clearance-unconfirmed"]);
    await user.click(screen.getByRole("checkbox", { name: /has cleared me for massage therapy/ }));
    await user.click(continueButton());
    await heading("Choose a time");
    await user.click(await firstFreeSlot());
    await user.click(continueButton());
    await fillDetails(user);
    await user.click(continueButton());
    await user.click(await screen.findByRole("button", { name: "Confirm booking" }));
    await heading("You're booked");
    expect(requests[0]).toMatchObject({ kind: "booking", clearanceConfirmed: true });
  });

  it("clearance: a call-back request is the other way forward", async () => {
    const user = setupUser();
    mount();
    await chooseService(user, "Clinical massage", 60);
    await answerHealth(user, { yes: [/broken a bone/] });
    await user.click(screen.getByRole("radio", { name: "Ask the clinic to call me instead" }));
    await user.click(continueButton());
    await heading("Your call-back request");
    expect(screen.queryByRole("navigation", { name: "Booking steps" })?.textContent).not.toMatch(/Time/);
  });

  it("contact-clinic: offers only a call-back request, sent as kind callback", async () => {
    const user = setupUser();
    const { transport, requests } = fakeTransport((request) => created(request));
    const { events } = mount({ transport });
    await chooseService(user, "Clinical massage", 60);
    await answerHealth(user, { yes: [/blood clot now/] });
    expect(within(panel()).getByText(/needs a short conversation with the clinic/).textContent).toBe(en["triage.contact-clinic"]);
    expect(screen.queryByRole("radio", { name: /clearance/ })).toBeNull();
    await user.click(continueButton());
    await heading("Your call-back request");
    await fillDetails(user);
    await user.type(screen.getByRole("textbox", { name: /When and how to reach you/ }), "Weekday mornings");
    await user.click(continueButton());
    await heading("Review your call-back request");
    await user.click(screen.getByRole("button", { name: "Send call-back request" }));
    await heading("Request sent");
    expect(requests[0]).toMatchObject({ kind: "callback", sessions: [], callbackNote: "Weekday mornings" });
    expect(screen.queryByRole("link", { name: /calendar/i })).toBeNull();
    expect(events.find((e) => e.name === "submitted")?.detail).toMatchObject({ kind: "callback", status: "needs-review" });
  });
});
