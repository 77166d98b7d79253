import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/preact";
import {
  answerHealth,
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

describe("in French", () => {
  it("follows the page language and formats money and dates the French-Canadian way", async () => {
    const user = setupUser();
    const { transport, requests } = fakeTransport();
    const { host } = mount({ transport, pageLocale: "fr-CA" });
    expect(host.querySelector("[lang]")?.getAttribute("lang")).toBe("fr-CA");
    expect(within(screen.getByRole("navigation", { name: "Étapes de la réservation" })).getAllByRole("listitem")[0]?.textContent).toMatch(/Service/);
    expect(screen.getAllByText(/Offre : 20 % de rabais sur votre première visite/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/jusqu’au|jusqu'au/).length).toBeGreaterThan(0);

    await chooseService(user, "Massothérapie clinique", 60);
    await answerHealth(user, { yes: [/fièvre/] });
    expect(screen.getByText(/^Les premiers horaires proposés/).textContent).toBe("Les premiers horaires proposés commencent le vendredi 4 décembre.");
    await user.click(continueButton());

    await heading("Choisissez un horaire");
    const grid = await screen.findByRole("grid", { name: "Horaires disponibles" });
    expect(within(grid).getAllByRole("rowheader")[0]?.textContent).toBe("vendredi 4 décembre");
    await user.click(await firstFreeSlot());
    // An unverified first visit pays the list price: the first-visit offer needs a verified email.
    expect(screen.getByText("Total").closest("p")?.textContent).toMatch(/115,00\s\$/);
    await user.click(continueButton());

    await fillDetails(user);
    await user.click(continueButton());
    await heading("Vérifier et confirmer");
    await user.click(screen.getByRole("button", { name: "Confirmer la réservation" }));
    await heading("C'est réservé");
    expect(requests[0]?.locale).toBe("fr-CA");
    expect(screen.getByRole("link", { name: /Ajouter à Google Agenda/ }).getAttribute("href")).toMatch(/^https:\/\/calendar\.google\.com\//);
  });

  it("switches language live and keeps the answers", async () => {
    const user = setupUser();
    const { handle } = mount();
    await chooseService(user, "Clinical massage", 60);
    handle.setLocale("fr");
    await heading("Dossier de santé");
    await user.click(screen.getByRole("button", { name: /Service/ }));
    await heading("Choisissez un service");
    expect((screen.getByRole("radio", { name: /^Massothérapie clinique, 60 min/ }) as HTMLInputElement).checked).toBe(true);
  });
});
