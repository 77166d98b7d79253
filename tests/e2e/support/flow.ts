/**
 * The booking flow as a client goes through it, with Playwright locators (they pierce the
 * widget's open shadow root). Patterns accept English and French labels.
 */
import type { Locator, Page } from "playwright-core";

const YES = /^(Yes|Oui)$/;
const NO = /^(No|Non)$/;

/** The widget on the page: the inline element, or the popup's dialog. */
export function widget(page: Page, selector = "clinic-booking"): Locator {
  return page.locator(selector).first();
}

export function stepHeading(root: Locator, name?: string | RegExp): Locator {
  return name === undefined ? root.getByRole("heading", { level: 2 }) : root.getByRole("heading", { level: 2, name });
}

export async function waitForStep(root: Locator, name: string | RegExp): Promise<void> {
  await stepHeading(root, name).waitFor({ state: "visible" });
}

/**
 * The whole flow is mounted, not only the first step painted ahead of it: the two are drawn
 * alike, and a measurement taken as one replaces the other reads a detached element.
 */
export async function waitForFlow(element: Locator): Promise<void> {
  await element.evaluate((host) =>
    (host as HTMLElement & { clinicConfig: unknown }).clinicConfig !== null
      ? undefined
      : new Promise<void>((done) => host.addEventListener("clinic-booking:ready", () => done(), { once: true })),
  );
}

/** The flow's code, which the bundle imports after the first paint. */
export const FLOW_CODE = /\/embed\/chunks\/widget-code-[^/]+\.js$/;

/**
 * Holds every request for the flow's code until `release()`, so the step on screen stays the
 * early-painted one. Pass `install` as `openPage`'s `prepare`; `requests` counts what it held.
 */
export function flowCodeHold() {
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  const hold = {
    requests: 0,
    release: () => release(),
    install: async (page: Page) => {
      await page.route(FLOW_CODE, async (route) => {
        hold.requests++;
        await held;
        await route.continue();
      });
    },
  };
  return hold;
}

export function continueButton(root: Locator): Locator {
  return root.getByRole("button", { name: /^(Continue|Continuer|Save and return to review|Enregistrer et revenir)/ });
}

export async function chooseService(root: Locator, service: string, minutes: number): Promise<void> {
  await waitForStep(root, /Choose a service|Choisissez un service/);
  await root.getByRole("radio", { name: new RegExp(`^${service}, ${minutes} min`) }).check();
  await continueButton(root).click();
}

export interface HealthOptions {
  firstVisit?: boolean;
  /** Questions (by their group's accessible name) answered "Yes". */
  yes?: RegExp[];
}

/** The first-visit question, the given "Yes" answers, "No" to everything else, emergency contact. */
export async function answerHealth(root: Locator, options: HealthOptions = {}): Promise<void> {
  await waitForStep(root, /Health history|Dossier de santé|Antécédents/);
  const firstVisit = root.getByRole("group", { name: /first visit|première visite/ });
  await firstVisit.getByRole("radio", { name: options.firstVisit === false ? NO : YES }).check();
  for (const pattern of options.yes ?? []) {
    await root.getByRole("group", { name: pattern }).first().getByRole("radio", { name: YES }).check();
  }
  await answerRemainingNo(root);
  for (const field of await root.getByRole("textbox", { name: /emergency|urgence/i }).all()) await field.fill("Alex Doe");
  for (const field of await root.getByRole("textbox", { name: /^(Their phone number|Son numéro)/ }).all()) await field.fill("902 555 0100");
}

/** Every radio group still unanswered that offers "No" gets it; follow-ups are handled in later passes. */
export async function answerRemainingNo(root: Locator): Promise<void> {
  for (let pass = 0; pass < 4; pass++) {
    let answered = 0;
    for (const group of await root.getByRole("group").all()) {
      if ((await group.locator("input[type=radio]").count()) === 0) continue;
      if ((await group.locator("input[type=radio]:checked").count()) > 0) continue;
      const no = group.getByRole("radio", { name: NO });
      if ((await no.count()) !== 1) continue;
      await no.check();
      answered++;
    }
    if (answered === 0) return;
  }
}

export function slotGrid(root: Locator): Locator {
  return root.getByRole("grid");
}

export function slots(root: Locator): Locator {
  return slotGrid(root).getByRole("gridcell");
}

/** Chooses the first time in the grid and returns its label; waits until the grid shows it chosen. */
export async function pickFirstSlot(root: Locator): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const first = slots(root).first();
    await first.waitFor({ state: "visible" });
    const label = (await first.innerText()).trim();
    await first.click();
    // The grid may re-render under the pointer (a therapist or window change still loading).
    const chosen = slots(root).and(root.locator("[aria-selected=true]")).first();
    try {
      await chosen.waitFor({ state: "visible", timeout: 2_000 });
      return (await chosen.innerText()).trim();
    } catch (error) {
      if (attempt >= 3) throw new Error(`the time ${label} did not stay chosen`, { cause: error });
    }
  }
}

export interface Details {
  name?: string;
  email?: string;
  phone?: string;
}

export async function fillDetails(root: Locator, values: Details = {}): Promise<void> {
  await waitForStep(root, /Your details|Vos coordonnées|call-back|rappel/);
  await root.getByRole("textbox", { name: /Full name|Nom complet/ }).fill(values.name ?? "Jordan Client");
  await root.getByRole("textbox", { name: /^(Email|Courriel)/ }).fill(values.email ?? "jordan@example.com");
  await root.getByRole("textbox", { name: /^(Phone|Téléphone)/ }).fill(values.phone ?? "902 555 0123");
  await root.getByRole("checkbox", { name: /health information|renseignements de santé/ }).check();
  await root.getByRole("checkbox", { name: /cancellation policy|politique d'annulation/ }).check();
}

/** A new client through service, health (all "No"), the first free time and details, up to the review. */
export async function bookToReview(root: Locator, service: string, minutes: number, details: Details = {}): Promise<void> {
  await chooseService(root, service, minutes);
  await answerHealth(root);
  await continueButton(root).click();
  await waitForStep(root, "Choose a time");
  await pickFirstSlot(root);
  await continueButton(root).click();
  await fillDetails(root, details);
  await continueButton(root).click();
  await waitForStep(root, "Review and confirm");
}

/** The total in the price summary (time step or review), e.g. "$92.00". */
export async function shownTotal(root: Locator): Promise<string> {
  const label = root.getByText(/^Total$/).first();
  return (await label.locator("xpath=ancestor::p[1]//strong").first().innerText()).trim();
}

/** The booking reference shown on the confirmation, e.g. "7K3M-9QXD-2F4H-ABCD". */
export async function shownReference(root: Locator): Promise<string> {
  const label = root.getByText(/^(Your reference|Votre référence)$/).first();
  const reference = (await label.locator("xpath=ancestor::p[1]//strong").first().innerText()).trim();
  if (!/^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(reference)) throw new Error(`unexpected booking reference ${JSON.stringify(reference)}`);
  return reference;
}

/** Parses "$1,234.56" or "1 234,56 $" into minor units. */
export function minorUnits(shown: string): number {
  const digits = shown.replace(/[^\d.,]/g, "");
  const normalised = /,\d{2}$/.test(digits) ? digits.replace(/[.\s]/g, "").replace(",", ".") : digits.replace(/,/g, "");
  return Math.round(Number(normalised) * 100);
}

/** One booking from the service step to the confirmation: the first free time, the default answers and details. */
export async function bookFirstFreeTime(root: Locator, service: string, minutes: number): Promise<void> {
  await chooseService(root, service, minutes);
  await answerHealth(root);
  await continueButton(root).click();
  await waitForStep(root, /Choose a time|Choisissez un horaire/);
  await pickFirstSlot(root);
  await continueButton(root).click();
  await fillDetails(root);
  await continueButton(root).click();
  await waitForStep(root, /Review and confirm|Vérifier et confirmer/);
  await root.getByRole("button", { name: /^(Confirm booking|Confirmer la réservation)$/ }).click();
  await waitForStep(root, /You're booked|C'est réservé/);
}
