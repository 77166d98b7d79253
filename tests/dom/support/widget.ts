import { screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { expect } from "vitest";
import type { BusyInterval } from "../../../src/core/slots";
import { mountWidget } from "../../../src/widget/mount";
import type {
  Booking,
  BookingRequest,
  ClientCodeService,
  ClientProof,
  CodeRequestOutcome,
  CodeVerifyOutcome,
  SubmitOutcome,
  VerifiedClient,
  WidgetHandle,
  WidgetOptions,
} from "../../../src/widget/types";

import { NOW, demoConfig } from "./config";

export { NOW, demoConfig };

export type Respond = (request: BookingRequest, attempt: number) => SubmitOutcome | Promise<SubmitOutcome>;

/** A transport that records every request (and the proof sent beside it) and answers as told (a created booking by default). */
export function fakeTransport(respond: Respond = (request) => created(request)) {
  const requests: BookingRequest[] = [];
  const proofs: (ClientProof | undefined)[] = [];
  const transport = async (request: BookingRequest, _signal?: AbortSignal, proof?: ClientProof): Promise<SubmitOutcome> => {
    requests.push(structuredClone(request));
    proofs.push(proof);
    return respond(request, requests.length);
  };
  return { transport, requests, proofs };
}

export const RIGHT_CODE = "123456";
export const CLIENT_TOKEN = "client-token-0123456789-abcdefghij-0123456789";

/** The receiver's code routes: every email gets RIGHT_CODE, verified as `client` says. */
export function fakeClientCodes(client: Omit<VerifiedClient, "clientToken"> = { returning: false, intakeMode: "full", contact: null }) {
  const codeRequests: { email: string; locale: string }[] = [];
  const verifications: { email: string; code: string }[] = [];
  const service: ClientCodeService = {
    async requestCode(email, locale): Promise<CodeRequestOutcome> {
      codeRequests.push({ email, locale });
      return { kind: "sent" };
    },
    async verifyCode(email, code): Promise<CodeVerifyOutcome> {
      verifications.push({ email, code });
      return code === RIGHT_CODE ? { kind: "verified", client: { ...client, clientToken: CLIENT_TOKEN } } : { kind: "code-invalid" };
    },
  };
  return { service, codeRequests, verifications };
}

/** Asks for a code for `email` and enters `code` (RIGHT_CODE unless told), in the health step. */
export async function verifyEmail(user: User, email: string, code = RIGHT_CODE): Promise<void> {
  const field = await screen.findByRole("textbox", { name: /^(Your email|Votre courriel)/ });
  await user.clear(field);
  await user.type(field, email);
  await user.click(screen.getByRole("button", { name: /^(Send code|Envoyer le code)$/ }));
  const codeField = await screen.findByRole("textbox", { name: /^(6-digit code|Code à 6 chiffres)/ });
  await user.type(codeField, code);
  await user.click(screen.getByRole("button", { name: /^(Verify|Vérifier)$/ }));
}

export function created(request: BookingRequest, overrides: Partial<Booking> = {}): SubmitOutcome {
  const price = 11500;
  const sessions = request.sessions.map((s) => ({
    start: s.start,
    end: new Date(Date.parse(s.start) + request.minutes * 60_000).toISOString(),
    listPrice: price,
    discount: 0,
    price,
    dealId: null,
  }));
  return {
    kind: "created",
    booking: {
      id: "b1",
      reference: "HX-7K2Q",
      status: request.kind === "callback" ? "needs-review" : "confirmed",
      kind: request.kind,
      serviceId: request.serviceId,
      minutes: request.minutes,
      therapistId: request.therapistId ?? null,
      sessions,
      currency: "CAD",
      listTotal: price * sessions.length,
      discountTotal: 0,
      total: request.quotedTotal,
      dealId: request.quotedDealId,
      outcome: "ok",
      createdAt: NOW.toISOString(),
      calendarUrl: "https://receiver.clinic.example/api/bookings/b1/calendar.ics?token=t0k3n",
      ...overrides,
    },
  };
}

export interface Mounted {
  handle: WidgetHandle;
  events: { name: string; detail: object }[];
  availabilityCalls: { from: string; to: string }[];
  host: HTMLElement;
}

let mounted: Mounted[] = [];

export function mount(options: Partial<WidgetOptions> & { busy?: BusyInterval[] } = {}): Mounted {
  const host = document.createElement("div");
  document.body.append(host);
  const events: Mounted["events"] = [];
  const availabilityCalls: Mounted["availabilityCalls"] = [];
  const busy = options.busy ?? [];
  const handle = mountWidget(host, {
    config: options.config ?? demoConfig(),
    now: () => NOW,
    clientTimeZone: "America/Halifax",
    transport: options.transport ?? fakeTransport().transport,
    fetchAvailability:
      options.fetchAvailability ??
      (async (from, to) => {
        availabilityCalls.push({ from, to });
        return busy;
      }),
    emit: (name, detail) => events.push({ name, detail }),
    ...options,
  });
  const result = { handle, events, availabilityCalls, host };
  mounted.push(result);
  return result;
}

export function unmountAll(): void {
  for (const m of mounted) {
    m.handle.unmount();
    m.host.remove();
  }
  mounted = [];
}

export type User = ReturnType<typeof userEvent.setup>;
export const setupUser = () => userEvent.setup({ delay: null });

export const heading = (name: string | RegExp) => screen.findByRole("heading", { level: 2, name });
export const continueButton = () => screen.getByRole("button", { name: /^(Continue|Continuer|Save and return to review)$/ });

export async function chooseService(user: User, service: string, minutes: number): Promise<void> {
  await heading(/Choose a service|Choisissez un service/);
  await user.click(screen.getByRole("radio", { name: new RegExp(`^${service}, ${minutes} min`) }));
  await user.click(continueButton());
}

/** Answers the first-visit question and every required question with "No" (nothing to report). */
export async function answerHealth(user: User, options: { firstVisit?: boolean; yes?: RegExp[] } = {}): Promise<void> {
  await heading(/Health history|Dossier de santé/);
  const firstVisit = screen.getByRole("group", { name: /first visit|première visite/ });
  await user.click(within(firstVisit).getByRole("radio", { name: options.firstVisit === false ? /^(No|Non)$/ : /^(Yes|Oui)$/ }));
  for (const pattern of options.yes ?? []) {
    await user.click(within(screen.getByRole("group", { name: pattern })).getByRole("radio", { name: /^(Yes|Oui)$/ }));
  }
  await answerRemainingNo(user);
  for (const field of screen.queryAllByRole("textbox", { name: /emergency|urgence/i })) await user.type(field, "Alex Doe");
  for (const field of screen.queryAllByRole("textbox", { name: /^(Their phone number|Son numéro)/ })) await user.type(field, "902 555 0100");
}

/** Every radio group still unanswered that offers "No" gets it; new follow-ups are handled in later passes. */
export async function answerRemainingNo(user: User): Promise<void> {
  for (let pass = 0; pass < 3; pass++) {
    const open = screen
      .getAllByRole("group")
      .filter((g) => within(g).queryAllByRole("radio").length > 0)
      .filter((g) => !within(g).queryAllByRole("radio").some((r) => (r as HTMLInputElement).checked))
      .filter((g) => within(g).queryByRole("radio", { name: /^(No|Non)$/ }));
    if (open.length === 0) return;
    for (const group of open) await user.click(within(group).getByRole("radio", { name: /^(No|Non)$/ }));
  }
}

export async function firstFreeSlot(): Promise<HTMLElement> {
  const grid = await screen.findByRole("grid");
  const cells = within(grid).getAllByRole("gridcell");
  const first = cells[0];
  if (!first) throw new Error("no slot in the grid");
  return first;
}

export async function fillDetails(user: User, values: { name?: string; email?: string; phone?: string } = {}): Promise<void> {
  await heading(/Your details|Vos coordonnées|call-back|rappel/);
  // A verified email comes filled in: each field is typed afresh.
  for (const [name, value] of [
    [/Full name|Nom complet/, values.name ?? "Jordan Client"],
    [/^(Email|Courriel)/, values.email ?? "jordan@example.com"],
    [/^(Phone|Téléphone)/, values.phone ?? "902 555 0123"],
  ] as const) {
    const field = screen.getByRole("textbox", { name });
    await user.clear(field);
    await user.type(field, value);
  }
  await user.click(screen.getByRole("checkbox", { name: /health information|renseignements de santé/ }));
  await user.click(screen.getByRole("checkbox", { name: /cancellation policy|politique d'annulation/ }));
}

export async function waitForStep(name: string | RegExp): Promise<HTMLElement> {
  const h = await heading(name);
  await waitFor(() => expect(document.activeElement === h || document.activeElement?.closest("section") !== null).toBe(true));
  return h;
}

/** The total shown in the price summary (time step or review). */
export function shownTotal(): string {
  const label = screen.getByText(/^(Total)$/);
  return label.closest("p")?.querySelector("strong")?.textContent ?? "";
}

/** A new client, Clinical massage 60 min, the first free time, details filled: stops on the review. */
export async function bookToReview(user: User): Promise<void> {
  await chooseService(user, "Clinical massage", 60);
  await answerHealth(user);
  await user.click(continueButton());
  await heading("Choose a time");
  await user.click(await firstFreeSlot());
  await user.click(continueButton());
  await fillDetails(user);
  await user.click(continueButton());
  await heading("Review and confirm");
}
