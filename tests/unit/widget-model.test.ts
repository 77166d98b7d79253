import { describe, expect, it } from "vitest";
import type { BookingRequest, ClientCodeService, ClientProof, SubmitOutcome } from "../../src/widget/types";
import { createWidgetModel, type WidgetModel } from "../../src/widget/models/widget";
import { reviewIssueMessages } from "../../src/widget/models/server-issues";
import { NOW, demoConfig } from "../dom/support/config";

function setup(
  respond: (request: BookingRequest, attempt: number) => SubmitOutcome | Promise<SubmitOutcome> = okBooking,
  clientCodes?: ClientCodeService,
) {
  const requests: BookingRequest[] = [];
  const proofs: (ClientProof | undefined)[] = [];
  const events: string[] = [];
  let keys = 0;
  const model = createWidgetModel({
    config: demoConfig(),
    locale: "en",
    now: () => NOW,
    transport: async (request, _signal, proof) => {
      requests.push(request);
      proofs.push(proof);
      return respond(request, requests.length);
    },
    clientCodes,
    fetchAvailability: async () => [],
    emit: (name) => events.push(name),
    newKey: () => `key-${++keys}-0123456789abcdef`,
  });
  return { model, requests, proofs, events };
}

/** A receiver's code routes that accept "123456" for any email, answering `returning`. */
function codeService(returning: boolean, intakeMode: "full" | "update"): ClientCodeService {
  return {
    requestCode: async () => ({ kind: "sent" }),
    verifyCode: async (_email, code) =>
      code === "123456"
        ? {
            kind: "verified",
            client: { clientToken: "token-0123456789abcdef-0123456789abcdef-xyz", returning, intakeMode, contact: returning ? { name: "Jo Back", phone: "902 555 0199" } : null },
          }
        : { kind: "code-invalid" },
  };
}

async function verifyEmail(model: WidgetModel, email = "jo@example.com", code = "123456"): Promise<boolean> {
  model.returning.start();
  model.returning.setEmail(email);
  expect(await model.returning.requestCode()).toBe(true);
  model.returning.setCode(code);
  return model.returning.verify();
}

function okBooking(request: BookingRequest): SubmitOutcome {
  return {
    kind: "created",
    booking: {
      id: "1",
      reference: "REF-1",
      status: "confirmed",
      kind: request.kind,
      serviceId: request.serviceId,
      minutes: request.minutes,
      therapistId: request.therapistId ?? null,
      sessions: [],
      currency: "CAD",
      listTotal: 0,
      discountTotal: 0,
      total: 0,
      dealId: null,
      outcome: "ok",
      createdAt: NOW.toISOString(),
    },
  };
}

/** Answers every visible required question with the harmless answer. */
function answerNothingToReport(model: WidgetModel): void {
  for (let pass = 0; pass < 3; pass++) {
    for (const q of model.intake.questions.value) {
      if (!q.required || model.intake.answers.value[q.id] !== undefined) continue;
      if (q.kind === "yes-no") model.intake.setAnswer(q.id, false);
      else if (q.kind === "single-choice") model.intake.setAnswer(q.id, "no");
      else if (q.kind === "text") model.intake.setAnswer(q.id, "Alex");
    }
  }
}

async function toReview(model: WidgetModel, options: { firstVisit?: boolean } = {}): Promise<void> {
  model.service.choose("clinical-massage", 60);
  expect(model.continueStep()).toBe(true);
  model.intake.setFirstVisit(options.firstVisit ?? true);
  answerNothingToReport(model);
  expect(model.continueStep()).toBe(true);
  await model.schedule.ensureLoaded();
  const slot = model.schedule.slots.value[0];
  if (!slot) throw new Error("no slot");
  model.schedule.select(slot);
  expect(model.continueStep()).toBe(true);
  model.details.set("name", "Jordan");
  model.details.set("email", "jordan@example.com");
  model.details.set("phone", "902 555 0123");
  model.details.setConsent("health", true);
  model.details.setConsent("policy", true);
  expect(model.continueStep()).toBe(true);
  expect(model.flow.current.value).toBe("review");
}

describe("widget model", () => {
  it("cannot leave a step with missing answers, and says which", () => {
    const { model } = setup();
    expect(model.continueStep()).toBe(false);
    expect(model.service.error.value).toBe("choose-service");
    model.service.choose("clinical-massage", 60);
    model.continueStep();
    expect(model.continueStep()).toBe(false);
    expect(model.intake.errors.value.isNewClient).toBe("required");
  });

  it("asks the full form of a client who only says they were here before", () => {
    const { model } = setup(okBooking, codeService(true, "update"));
    model.intake.setFirstVisit(false);
    expect(model.intake.mode.value).toBe("full");
    expect(model.intake.questions.value.map((q) => q.id)).not.toContain("changes-since-last-visit");
  });

  it("asks a verified returning client the update the receiver allows, and fills in their contact", async () => {
    const { model } = setup(okBooking, codeService(true, "update"));
    model.intake.setFirstVisit(false);
    expect(await verifyEmail(model, " Jo@Example.com")).toBe(true);
    expect(model.intake.mode.value).toBe("update");
    expect(model.intake.questions.value.map((q) => q.id)).toContain("changes-since-last-visit");
    expect([model.details.name.value, model.details.email.value, model.details.phone.value]).toEqual(["Jo Back", "Jo@Example.com", "902 555 0199"]);
    // Another email in the details is not the verified one: the full form again.
    model.details.set("email", "someone@example.com");
    expect(model.intake.mode.value).toBe("full");
  });

  it("keeps every answer and the full form when a code is wrong", async () => {
    const { model } = setup(okBooking, codeService(true, "update"));
    model.intake.setFirstVisit(false);
    model.intake.setAnswer("blood-clot-now", false);
    expect(await verifyEmail(model, "jo@example.com", "654321")).toBe(false);
    expect(model.returning.error.value).toBe("code-invalid");
    expect(model.intake.answers.value["blood-clot-now"]).toBe(false);
    expect(model.intake.mode.value).toBe("full");
  });

  it("drops a verification the receiver no longer takes, and prices the booking as unverified", async () => {
    const refusal: SubmitOutcome = {
      kind: "invalid",
      issues: [
        { path: "quotedDealId", code: "deal-not-applicable", message: "no" },
        { path: "quotedTotal", code: "price-changed", message: "no" },
      ],
    };
    const { model } = setup(() => refusal, codeService(false, "full"));
    await toReview(model);
    expect(await verifyEmail(model, "jordan@example.com")).toBe(true);
    expect(model.price.quote.value?.deal?.id).toBe("first-visit-20");
    await model.submit();
    expect(model.returning.verified.value).toBeNull();
    expect(model.price.quote.value?.deal).toBeNull();
    expect(model.intake.answers.value["blood-clot-now"]).toBe(false);
  });

  it("prices a first visit with the new-client offer only once the email is verified", async () => {
    const { model, requests, proofs } = setup(okBooking, codeService(false, "full"));
    await toReview(model);
    expect(model.price.quote.value?.deal).toBeNull();
    expect(await verifyEmail(model, "jordan@example.com")).toBe(true);
    expect(model.price.quote.value?.deal?.id).toBe("first-visit-20");
    await model.submit();
    expect(requests[0]).toMatchObject({ quotedDealId: "first-visit-20", client: { isNewClient: true } });
    expect(proofs[0]).toEqual({ clientToken: "token-0123456789abcdef-0123456789abcdef-xyz" });
    expect(JSON.stringify(requests[0])).not.toContain("token-0123456789abcdef");
  });

  it("sends one request with a key kept for retries and renewed after success", async () => {
    const outcomes: SubmitOutcome[] = [{ kind: "failed", reason: "server", retryable: true }];
    const { model, requests } = setup((request) => outcomes.shift() ?? okBooking(request));
    await toReview(model);
    await model.submit();
    expect(model.submission.status.value).toBe("failed");
    await model.submit();
    expect(model.flow.current.value).toBe("confirmation");
    expect(requests.map((r) => r.idempotencyKey)).toEqual(["key-1-0123456789abcdef", "key-1-0123456789abcdef"]);
    model.startOver();
    await toReview(model);
    await model.submit();
    expect(requests[2]?.idempotencyKey).toBe("key-2-0123456789abcdef");
  });

  it("ignores a second submit while the first is in flight", async () => {
    let release: (value: SubmitOutcome) => void = () => {};
    const { model, requests } = setup((request) => new Promise((resolve) => (release = () => resolve(okBooking(request)))));
    await toReview(model);
    const first = model.submit();
    const second = model.submit();
    release(okBooking(requests[0] as BookingRequest));
    await Promise.all([first, second]);
    expect(requests).toHaveLength(1);
  });

  it("on 409 returns to the time step, drops the taken time and keeps every answer", async () => {
    const { model } = setup(() => ({ kind: "slot-taken", issues: [{ path: "sessions[0].start", code: "slot-taken", message: "taken" }] }));
    await toReview(model);
    const answers = model.intake.answers.value;
    await model.submit();
    expect(model.flow.current.value).toBe("time");
    expect(model.schedule.notice.value).toBe("slot-taken");
    expect(model.intake.answers.value).toEqual(answers);
    expect(model.details.email.value).toBe("jordan@example.com");
  });

  it("on 422 sends the client to the earliest step with a problem and marks the fields", async () => {
    const { model } = setup(() => ({
      kind: "invalid",
      issues: [
        { path: "client.email", code: "invalid_format", message: "bad email" },
        { path: "answers.pregnant", code: "required", message: "required" },
      ],
    }));
    await toReview(model);
    await model.submit();
    expect(model.flow.current.value).toBe("health");
    expect(model.intake.errors.value.pregnant).toBe("required");
    expect(model.details.errors.value.email).toBe("invalid-email");
  });

  it("on 422 keeps the issues no field owns for the review, told there from the widget's catalogue", async () => {
    const { model } = setup(() => ({
      kind: "invalid",
      issues: [
        { path: "version", code: "invalid_value", message: "Invalid input: expected 1" },
        { path: "(root)", code: "unrecognized_keys", message: 'Unrecognized key: "extra"' },
        { path: "locale", code: "invalid_value", message: "Invalid option" },
      ],
    }));
    await toReview(model);
    await model.submit();
    expect(model.flow.current.value).toBe("review");
    expect(reviewIssueMessages(model.reviewIssues.value)).toEqual(["review.serverIssue.version", "review.serverIssue"]);
  });

  it("sends nothing when the bot field is filled, yet looks successful", async () => {
    const { model, requests } = setup();
    await toReview(model);
    model.details.set("honeypot", "http://spam.example");
    await model.submit();
    expect(requests).toHaveLength(0);
    expect(model.flow.current.value).toBe("confirmation");
  });

  it("turns a blood clot answer into a call-back request without sessions", async () => {
    const { model, requests } = setup();
    model.service.choose("clinical-massage", 60);
    model.continueStep();
    model.intake.setFirstVisit(true);
    model.intake.setAnswer("blood-clot-now", true);
    answerNothingToReport(model);
    expect(model.intake.triage.value.outcome).toBe("contact-clinic");
    expect(model.continueStep()).toBe(true);
    expect(model.flow.current.value).toBe("details");
    model.details.set("name", "Jordan");
    model.details.set("email", "jordan@example.com");
    model.details.set("phone", "902 555 0123");
    model.details.set("callbackNote", "Afternoons");
    model.details.setConsent("health", true);
    model.details.setConsent("policy", true);
    model.continueStep();
    await model.submit();
    expect(requests[0]).toMatchObject({ kind: "callback", sessions: [], callbackNote: "Afternoons", quotedTotal: 0 });
    expect(requests[0]?.therapistId).toBeUndefined();
  });

  it("marks the form dirty once the client starts, and clean after the booking", async () => {
    const { model } = setup();
    expect(model.dirty.value).toBe(false);
    await toReview(model);
    expect(model.dirty.value).toBe(true);
    await model.submit();
    expect(model.dirty.value).toBe(false);
  });
});

describe("idempotency across outcomes", () => {
  it("uses a new key after a 409, since the corrected request is a different one", async () => {
    const outcomes: SubmitOutcome[] = [{ kind: "slot-taken", issues: [] }];
    const { model, requests } = setup((request) => outcomes.shift() ?? okBooking(request));
    await toReview(model);
    await model.submit();
    expect(model.flow.current.value).toBe("time");
    await model.schedule.ensureLoaded();
    const slot = model.schedule.slots.value[1];
    if (slot) model.schedule.select(slot);
    model.continueStep();
    expect(model.flow.current.value).toBe("review");
    await model.submit();
    expect(requests.map((r) => r.idempotencyKey)).toEqual(["key-1-0123456789abcdef", "key-2-0123456789abcdef"]);
  });
});
