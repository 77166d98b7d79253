import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/preact";
import type { SubmitFailureReason, SubmitOutcome } from "../../src/widget/types";
import { bookToReview, created, fakeTransport, heading, mount, setupUser, unmountAll, type Respond } from "./support/widget";

vi.setConfig({ testTimeout: 20_000 });
afterEach(unmountAll);

const confirm = () => screen.getByRole("button", { name: /^(Confirm booking|Try again)$/ });

async function expectAnswersKept(user: ReturnType<typeof setupUser>): Promise<void> {
  await user.click(screen.getByRole("button", { name: "Edit Your details" }));
  await heading("Your details");
  expect((screen.getByRole("textbox", { name: /Full name/ }) as HTMLInputElement).value).toBe("Jordan Client");
  expect((screen.getByRole("textbox", { name: /^Email/ }) as HTMLInputElement).value).toBe("jordan@example.com");
  expect((screen.getByRole("checkbox", { name: /health information/ }) as HTMLInputElement).checked).toBe(true);
  await user.click(screen.getByRole("button", { name: "Save and return to review" }));
  await heading("Review and confirm");
}

const failing =
  (reason: SubmitFailureReason, retryable: boolean): Respond =>
  () => ({ kind: "failed", reason, retryable });

describe("submit failures keep the form and offer a retry", () => {
  const cases: [SubmitFailureReason, boolean, RegExp][] = [
    ["offline", true, /You seem to be offline/],
    ["timeout", true, /took too long to answer/],
    ["redirect", false, /could not be sent safely \(the clinic's address redirected\)/],
    ["insecure-endpoint", false, /could not be sent safely \(the connection is not encrypted\)/],
    ["rate-limited", true, /Too many attempts/],
  ];
  for (const [reason, retryable, message] of cases) {
    it(`${reason}: explains, keeps every answer, and retries with the same key`, async () => {
      const user = setupUser();
      const { transport, requests } = fakeTransport(failing(reason, retryable));
      const { events } = mount({ transport });
      await bookToReview(user);
      await user.click(confirm());
      const notice = (await screen.findByText(message)).closest('[part="error"]');
      expect(notice?.textContent).toMatch(new RegExp(`${message.source}.*Nothing was booked yet\\.$`));
      if (!retryable) expect(notice?.textContent).toContain("Please call the clinic at +1 902-555-0148.");
      expect(events).toContainEqual({ name: "error", detail: { kind: "failed", reason, retryable } });
      await expectAnswersKept(user);
      await user.click(screen.getByRole("button", { name: "Try again" }));
      await waitFor(() => expect(requests).toHaveLength(2));
      expect(requests[1]?.idempotencyKey).toBe(requests[0]?.idempotencyKey);
    });
  }

  it("a server error then success books once, with one idempotency key", async () => {
    const user = setupUser();
    const { transport, requests } = fakeTransport((request, attempt) =>
      attempt === 1 ? { kind: "failed", reason: "server", retryable: true } : created(request),
    );
    mount({ transport });
    await bookToReview(user);
    await user.click(confirm());
    expect((await screen.findByText(/had a problem/)).textContent).toBe(
      "The clinic's system had a problem. Your answers are kept: please try again in a moment.",
    );
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await heading("You're booked");
    expect(requests).toHaveLength(2);
    expect(new Set(requests.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(requests[0]?.idempotencyKey.length).toBeGreaterThanOrEqual(16);
  });

  it("409: back to the time step with fresh availability, a message, and the rest kept", async () => {
    const user = setupUser();
    let busy: { therapistId: string; start: string; end: string }[] = [];
    const { transport, requests } = fakeTransport((request, attempt) => {
      if (attempt > 1) return created(request);
      // Someone else booked this time in between: the next availability answer shows it busy.
      const start = request.sessions[0]?.start ?? "";
      busy = [{ therapistId: request.therapistId ?? "", start, end: new Date(Date.parse(start) + 3_600_000).toISOString() }];
      return { kind: "slot-taken", issues: [{ path: "sessions[0].start", code: "slot-taken", message: "taken" }] };
    });
    let availabilityCalls = 0;
    mount({
      transport,
      fetchAvailability: async () => {
        availabilityCalls += 1;
        return busy;
      },
    });
    await bookToReview(user);
    const callsBefore = availabilityCalls;
    await user.click(confirm());
    await heading("Choose a time");
    expect(screen.getAllByText(/the time you chose has just been taken/).length).toBeGreaterThan(0);
    await waitFor(() => expect(availabilityCalls).toBeGreaterThan(callsBefore));
    const takenStart = requests[0]?.sessions[0]?.start ?? "";
    const grid = await screen.findByRole("grid");
    await waitFor(() => expect(grid.querySelector('[aria-selected="true"]')).toBeNull());
    const cells = [...grid.querySelectorAll<HTMLElement>('[role="gridcell"]')];
    const other = cells.find((c) => c.dataset.start !== takenStart);
    if (!other) throw new Error("no other slot");
    await user.click(other);
    await user.click(screen.getByRole("button", { name: "Save and return to review" }));
    await heading("Review and confirm");
    await user.click(confirm());
    await heading("You're booked");
    expect(requests[1]?.sessions[0]?.start).not.toBe(takenStart);
    expect(requests[1]?.client.email).toBe("jordan@example.com");
    expect(requests[1]?.answers).toEqual(requests[0]?.answers);
    // A new time is a new request: it must not reuse the key the receiver answered 409 to.
    expect(requests[1]?.idempotencyKey).not.toBe(requests[0]?.idempotencyKey);
  });

  it("422: errors go to their fields and step, linked and announced", async () => {
    const user = setupUser();
    const { transport } = fakeTransport((request, attempt): SubmitOutcome =>
      attempt === 1
        ? { kind: "invalid", issues: [{ path: "client.email", code: "invalid_format", message: "expected an email" }] }
        : created(request),
    );
    mount({ transport });
    await bookToReview(user);
    await user.click(confirm());
    await heading("Your details");
    const email = screen.getByRole("textbox", { name: /^Email/ });
    expect(email.getAttribute("aria-invalid")).toBe("true");
    const describedBy = email.getAttribute("aria-describedby") ?? "";
    const error = document.getElementById(describedBy.split(" ")[0] ?? "");
    expect(error?.textContent).toMatch(/Enter an email address like name@example.com/);
    await user.clear(email);
    await user.type(email, "jordan.client@example.com");
    await user.click(screen.getByRole("button", { name: "Save and return to review" }));
    await heading("Review and confirm");
    await user.click(confirm());
    await heading("You're booked");
  });

  it("a double click sends once", async () => {
    const user = setupUser();
    let release: () => void = () => {};
    const { transport, requests } = fakeTransport(
      (request) => new Promise<SubmitOutcome>((resolve) => (release = () => resolve(created(request)))),
    );
    mount({ transport });
    await bookToReview(user);
    await user.dblClick(confirm());
    await user.click(screen.getByRole("button", { name: /Sending/ }));
    expect(requests).toHaveLength(1);
    release();
    await heading("You're booked");
    expect(requests).toHaveLength(1);
  });
});

describe("a 422 issue that no field owns", () => {
  const unowned: SubmitOutcome = {
    kind: "invalid",
    issues: [
      { path: "(root)", code: "unrecognized_keys", message: 'Unrecognized key: "extra"' },
      { path: "locale", code: "invalid_value", message: "Invalid option: expected one of en|fr" },
    ],
  };

  it("is told in the widget's language, never in the receiver's words, and the answers stay", async () => {
    const user = setupUser();
    const { transport, requests } = fakeTransport((request, attempt) => (attempt === 1 ? unowned : created(request)));
    const { handle } = mount({ transport });
    await bookToReview(user);
    handle.setLocale("fr");
    await heading("Vérifier et confirmer");
    await user.click(screen.getByRole("button", { name: "Confirmer la réservation" }));
    const notices = await screen.findAllByText(/La clinique n'a pas pu accepter cette demande/);
    expect(notices.map((notice) => notice.textContent)).toEqual([
      "La clinique n'a pas pu accepter cette demande. Vos réponses sont conservées : réessayez, ou appelez la clinique au +1 902-555-0148.",
    ]);
    expect(document.body.textContent).not.toMatch(/Unrecognized key|Invalid option|extra/);
    await user.click(screen.getByRole("button", { name: "Confirmer la réservation" }));
    await heading("C'est réservé");
    expect(requests).toHaveLength(2);
    expect(requests[1]?.client).toEqual(requests[0]?.client);
  });

  it("reads the same in English, and is announced", async () => {
    const user = setupUser();
    const { host } = mount({ transport: fakeTransport(() => unowned).transport });
    await bookToReview(user);
    await user.click(confirm());
    const notices = await screen.findAllByText(/The clinic could not accept this request/);
    const message = "The clinic could not accept this request. Your answers are kept: please try again, or call the clinic at +1 902-555-0148.";
    expect(notices.map((notice) => notice.textContent)).toEqual([message]);
    const live = host.querySelector('[role="status"][aria-live="polite"]');
    await waitFor(() => expect(live?.textContent).toBe(message));
  });
});
