import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/preact";
import {
  answerRemainingNo,
  chooseService,
  CLIENT_TOKEN,
  continueButton,
  fakeClientCodes,
  fakeTransport,
  firstFreeSlot,
  heading,
  mount,
  setupUser,
  unmountAll,
  verifyEmail,
} from "./support/widget";

vi.setConfig({ testTimeout: 30_000 });
afterEach(unmountAll);

const RETURNING = { returning: true, intakeMode: "update" as const, contact: { name: "Robin Back", phone: "902 555 0177" } };

async function sayNotFirstVisit(user: ReturnType<typeof setupUser>) {
  await chooseService(user, "Deep tissue massage", 45);
  await heading("Health history");
  await user.click(within(screen.getByRole("group", { name: /first visit/ })).getByRole("radio", { name: "No" }));
}

describe("a returning client", () => {
  it("verifies a code, answers the short update, and books with details filled in and the token beside the request", async () => {
    const user = setupUser();
    const { transport, requests, proofs } = fakeTransport();
    const codes = fakeClientCodes(RETURNING);
    mount({ transport, clientCodes: codes.service });
    await sayNotFirstVisit(user);
    // Saying so changes nothing by itself: the full form until the email is verified.
    expect(screen.getByText(/Please fill in your full health history/).textContent).toBe("Please fill in your full health history. It takes about five minutes.");

    await verifyEmail(user, "robin@example.com");
    const verified = await screen.findByText(/^Email verified/);
    expect(verified.textContent).toBe("Email verified: robin@example.com. Welcome back; your contact details are filled in.");
    await waitFor(() => expect(document.activeElement).toBe(verified));
    expect(codes.codeRequests).toEqual([{ email: "robin@example.com", locale: "en" }]);
    expect(screen.getByText(/Welcome back\. Only a few questions today/).textContent).toBe(
      "Welcome back. Only a few questions today; a yes opens the parts that changed.",
    );
    expect(screen.queryByRole("group", { name: /osteoporosis/ })).toBeNull();

    const gate = screen.getByRole("group", { name: /Has anything changed since your last visit/ });
    await user.click(within(gate).getByRole("radio", { name: "Yes" }));
    const what = await screen.findByRole("group", { name: /What has changed/ });
    await user.click(within(what).getByRole("checkbox", { name: "My medications" }));
    expect((await screen.findByRole<HTMLTextAreaElement>("textbox", { name: /Which medications do you take/ })).value).toBe("");
    await answerRemainingNo(user);
    await user.click(continueButton());

    await heading("Choose a time");
    await user.click(await firstFreeSlot());
    await user.click(continueButton());
    await heading("Your details");
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: /Full name/ }).value).toBe("Robin Back");
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: /^Email/ }).value).toBe("robin@example.com");
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: /^Phone/ }).value).toBe("902 555 0177");
    await user.click(screen.getByRole("checkbox", { name: /health information/ }));
    await user.click(screen.getByRole("checkbox", { name: /cancellation policy/ }));
    await user.click(continueButton());
    await heading("Review and confirm");
    expect(screen.getByText(/Returning client/).textContent).toMatch(/^Returning client · \d+ answers given$/);
    await user.click(screen.getByRole("button", { name: "Confirm booking" }));
    await heading("You're booked");
    expect(requests[0]).toMatchObject({ intakeMode: "update", client: { email: "robin@example.com", isNewClient: false }, quotedDealId: null });
    expect(requests[0]?.answers["what-changed"]).toEqual(["medications"]);
    expect(proofs[0]).toEqual({ clientToken: CLIENT_TOKEN });
    expect(JSON.stringify(requests[0])).not.toContain(CLIENT_TOKEN);
  });

  it("keeps every answer through a wrong code, says why in the live region, and takes the right one", async () => {
    const user = setupUser();
    const codes = fakeClientCodes(RETURNING);
    const { host } = mount({ clientCodes: codes.service });
    await sayNotFirstVisit(user);
    const clot = screen.getByRole("group", { name: /^Do you have a blood clot now/ });
    await user.click(within(clot).getAllByRole("radio", { name: "No" })[0] as HTMLElement);

    await verifyEmail(user, "robin@example.com", "000000");
    const codeField = screen.getByRole("textbox", { name: /^6-digit code/ });
    expect(codeField.getAttribute("autocomplete")).toBe("one-time-code");
    expect(codeField.getAttribute("inputmode")).toBe("numeric");
    const problem = "This code is wrong, has expired or was already used. Check the latest email, or send a new code.";
    expect(codeField.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(codeField.getAttribute("aria-describedby")?.split(" ")[0] ?? "")?.textContent).toContain(problem);
    await waitFor(() => expect(within(host).getByRole("status", { hidden: true }).textContent).toBe(problem));
    expect(within(screen.getByRole("group", { name: /^Do you have a blood clot now/ })).getAllByRole<HTMLInputElement>("radio", { name: "No" })[0]?.checked).toBe(true);

    await user.clear(codeField);
    await user.type(codeField, "123456");
    await user.click(screen.getByRole("button", { name: "Verify" }));
    expect((await screen.findByText(/^Email verified/)).textContent).toMatch(/robin@example\.com/);
    expect(within(screen.getByRole("group", { name: /^Do you have a blood clot now/ })).getAllByRole<HTMLInputElement>("radio", { name: "No" })[0]?.checked).toBe(true);
    expect(codes.verifications.map((v) => v.code)).toEqual(["000000", "123456"]);
  });

  it("refuses a malformed email or code before asking the receiver, and moves the focus to the field each step asks for", async () => {
    const user = setupUser();
    const codes = fakeClientCodes(RETURNING);
    mount({ clientCodes: codes.service });
    await sayNotFirstVisit(user);
    await user.type(await screen.findByRole("textbox", { name: /^Your email/ }), "robin@");
    await user.click(screen.getByRole("button", { name: "Send code" }));
    expect((await screen.findByText(/Enter an email address like/)).textContent).toMatch(/name@example\.com/);
    expect(codes.codeRequests).toEqual([]);

    await user.type(screen.getByRole("textbox", { name: /^Your email/ }), "example.com");
    await user.click(screen.getByRole("button", { name: "Send code" }));
    const codeField = await screen.findByRole("textbox", { name: /^6-digit code/ });
    await waitFor(() => expect(document.activeElement).toBe(codeField));
    await user.type(codeField, "12345");
    await user.click(screen.getByRole("button", { name: "Verify" }));
    expect((await screen.findByText("Enter the 6 digits from the email.")).closest("p")?.id).toBe(codeField.getAttribute("aria-describedby")?.split(" ")[0]);
    expect(codes.verifications).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Use another email" }));
    const emailField = await screen.findByRole<HTMLInputElement>("textbox", { name: /^Your email/ });
    expect(emailField.value).toBe("robin@example.com");
    await waitFor(() => expect(document.activeElement).toBe(emailField));
  });
});

describe("the code step in French", () => {
  it("asks, sends and verifies in French, and asks the receiver for a French email", async () => {
    const user = setupUser();
    const codes = fakeClientCodes(RETURNING);
    mount({ pageLocale: "fr-CA", clientCodes: codes.service });
    await chooseService(user, "Massothérapie clinique", 60);
    await heading(/Dossier de santé|Antécédents/);
    await user.click(within(screen.getByRole("group", { name: /première visite/ })).getByRole("radio", { name: "Non" }));
    expect(screen.getByText(/^Bon retour\. Confirmez votre courriel/).textContent).toMatch(/code à usage unique/);
    await verifyEmail(user, "robin@example.com", "999999");
    expect((await screen.findByText(/^Ce code est erroné/)).textContent).toMatch(/envoyez un nouveau code/);
    const codeField = screen.getByRole("textbox", { name: /^Code à 6 chiffres/ });
    await user.clear(codeField);
    await user.type(codeField, "123456");
    await user.click(screen.getByRole("button", { name: "Vérifier" }));
    expect((await screen.findByText(/^Courriel confirmé/)).textContent).toBe("Courriel confirmé : robin@example.com. Bon retour; vos coordonnées sont remplies.");
    expect(codes.codeRequests).toEqual([{ email: "robin@example.com", locale: "fr-CA" }]);
  });
});
