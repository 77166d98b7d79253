import { batch, computed, effect, signal, untracked } from "@preact/signals";
import type { ClinicConfig } from "../../core/config";
import type { Issue } from "../../core/result";
import { resolveLocale } from "../i18n/locale";
import type { BookingTransport, ClientCodeService, StepId, SubmitOutcome, WidgetEventName, WidgetPrefill } from "../types";
import type { BusyInterval } from "../../core/slots";
import { localDateAt } from "../../core/time";
import { confirmationFromBooking, type Confirmation } from "./confirmation";
import { createDetailsModel } from "./details";
import { createFirstStepModel, type FirstStepModel } from "./first-step";
import { firstStepConfigOf } from "./first-step-config";
import { newIdempotencyKey } from "./idempotency";
import { offersOf } from "./offers";
import { createIntakeModel } from "./intake";
import { createPriceModel } from "./price";
import { createClientVerification } from "./verification";
import { buildBookingRequest, type RequestParts } from "./request";
import { createScheduleModel } from "./schedule";
import { applyServerIssues } from "./server-issues";
import { createSubmission } from "./submission";

export interface WidgetModelOptions {
  config: ClinicConfig;
  locale: string;
  now: () => Date;
  transport: BookingTransport;
  clientCodes?: ClientCodeService | undefined;
  fetchAvailability: (from: string, to: string) => Promise<BusyInterval[]>;
  emit: (name: WidgetEventName, detail: object) => void;
  prefill?: WidgetPrefill | undefined;
  /** The client's own zone, for showing their time beside the clinic's. */
  clientTimeZone?: string | undefined;
  newKey?: () => string;
  /** The service step painted before the config was checked: the flow carries on from its state. */
  firstStep?: FirstStepModel | undefined;
}

export type WidgetModel = ReturnType<typeof createWidgetModel>;

/** The whole client flow, without any DOM: components render it and forward events to it. */
export function createWidgetModel(options: WidgetModelOptions) {
  const { config, now, emit } = options;
  const firstLocale = resolveLocale([options.locale, ...config.locales]);
  const first = options.firstStep ?? createFirstStepModel({ config: firstStepConfigOf(config), locale: firstLocale });
  // From here on the first step shows the checked config, with its defaults filled in.
  first.config.value = firstStepConfigOf(config);
  first.setLocale(firstLocale);
  const { locale, flow, service } = first;
  const clientTimeZone = options.clientTimeZone ?? config.timeZone;
  const today = () => localDateAt(config.timeZone, now().getTime());
  const details = createDetailsModel(now);
  const { returning, standing } = createClientVerification({ service: options.clientCodes, locale: () => locale.value, details });
  const intake = createIntakeModel(config, today, () => standing.value.intakeMode);
  const choice = () => {
    const serviceId = service.serviceId.value;
    const minutes = service.minutes.value;
    return serviceId !== null && minutes !== null && service.complete.value ? { serviceId, minutes } : null;
  };
  const schedule = createScheduleModel({
    config,
    now,
    fetchAvailability: options.fetchAvailability,
    choice,
    notBefore: () => intake.triage.value.postponeUntil,
  });
  const price = createPriceModel({ config, now, choice, sessions: () => schedule.sessions.value, isNewClient: () => standing.value.isNewClient });
  const submission = createSubmission({ transport: options.transport, newKey: options.newKey ?? (() => newIdempotencyKey()) });
  const confirmation = signal<Confirmation | null>(null);
  /** Receiver complaints no field owns, shown on the review. */
  const reviewIssues = signal<Issue[]>([]);
  /** False once unmounted: a late answer must not move a widget nobody sees, nor emit events. */
  let live = true;

  if (options.prefill) applyPrefill(options.prefill);

  const dirty = computed(
    () =>
      !flow.finished.value &&
      (flow.reached.value.size > 1 || intake.isNewClient.value !== null || Object.keys(intake.answers.value).length > 0),
  );

  function isComplete(step: StepId): boolean {
    switch (step) {
      case "service":
        return service.complete.value;
      case "health":
        return intake.complete.value && intake.path.value !== null;
      case "time":
        return schedule.complete.value;
      case "details":
        return details.complete.value;
      default:
        return true;
    }
  }

  function validateStep(step: StepId): boolean {
    switch (step) {
      case "service":
        return service.validate();
      case "health":
        return intake.validate();
      case "time":
        return schedule.validate();
      case "details":
        return details.validate();
      default:
        return true;
    }
  }

  /** "Continue": checks the step and moves on; false leaves the client where the errors are. */
  function continueStep(): boolean {
    const step = flow.current.value;
    if (!validateStep(step)) return false;
    if (step === "health") flow.setKind(intake.path.value ?? "booking");
    flow.next(isComplete);
    return true;
  }

  /** The deals the service step advertises, judged now: expired ones never show. */
  const offers = () => offersOf(config, now().toISOString());

  function requestParts(): RequestParts | null {
    const chosen = choice();
    const quote = price.quote.value;
    const kind = flow.kind.value;
    if (!chosen || (kind === "booking" && !quote)) return null;
    return {
      kind,
      locale: locale.value,
      ...chosen,
      therapistId: schedule.selected.value?.therapistId ?? null,
      sessionStarts: schedule.sessions.value,
      client: {
        name: details.name.value,
        email: details.email.value,
        phone: details.phone.value,
        // The client's own answer, sent for the clinic's information: the receiver decides from its records.
        isNewClient: intake.isNewClient.value !== false,
      },
      consentAt: details.consentAt.value ?? now().toISOString(),
      sensitiveAreas: details.sensitiveAreas.value,
      intakeMode: intake.mode.value,
      answers: intake.cleanAnswers.value,
      clearanceConfirmed: intake.clearanceConfirmed.value,
      promoCode: price.promoCode.value,
      quotedTotal: quote?.total ?? 0,
      quotedDealId: quote?.deal?.id ?? null,
      callbackNote: details.callbackNote.value,
    };
  }

  async function submit(): Promise<void> {
    if (flow.current.value !== "review" || submission.isSending()) return;
    const order = flow.steps.value;
    const missing = order.slice(0, order.indexOf("review")).find((s) => !isComplete(s));
    if (missing) {
      flow.goTo(missing, { fromReview: true });
      validateStep(missing);
      return;
    }
    const parts = requestParts();
    if (!parts) return;
    reviewIssues.value = [];
    price.serverError.value = null;
    if (details.isBot.value) {
      // Something filled the field no person can see: look successful, send nothing.
      submission.pretendDone();
      finish({ reference: newIdempotencyKey().slice(0, 8).toUpperCase(), kind: parts.kind, status: "confirmed", ...pretendTotals(parts) });
      return;
    }
    const clientToken = returning.token.value ?? undefined;
    const outcome = await submission.send((key) => buildBookingRequest(key, parts), { clientToken });
    if (outcome && live) handleOutcome(outcome);
  }

  function pretendTotals(parts: RequestParts): Omit<Confirmation, "reference" | "kind" | "status"> {
    const quote = price.quote.value;
    const ms = parts.minutes * 60_000;
    return {
      serviceId: parts.serviceId,
      minutes: parts.minutes,
      sessions: parts.kind === "booking" ? parts.sessionStarts.map((start) => ({ start, end: new Date(Date.parse(start) + ms).toISOString() })) : [],
      currency: config.currency,
      total: quote?.total ?? 0,
      discountTotal: quote?.discountTotal ?? 0,
      calendarUrl: null,
    };
  }

  function finish(result: Confirmation): void {
    confirmation.value = result;
    flow.open("confirmation");
    emit("submitted", { reference: result.reference, kind: result.kind, status: result.status, sessions: result.sessions.length });
  }

  function handleOutcome(outcome: SubmitOutcome): void {
    switch (outcome.kind) {
      case "created":
        finish(confirmationFromBooking(outcome.booking));
        return;
      case "slot-taken":
        flow.goTo("time", { fromReview: true });
        void schedule.refreshAfterConflict();
        emit("error", { kind: "slot-taken" });
        return;
      case "invalid":
        showServerIssues(outcome.issues);
        emit("error", { kind: "invalid", count: outcome.issues.length });
        return;
      case "failed":
        emit("error", { kind: "failed", reason: outcome.reason, retryable: outcome.retryable });
    }
  }

  function showServerIssues(issues: Issue[]): void {
    // The receiver wants the full form, or refuses the new-client offer, of a client the widget
    // holds verified: the verification no longer holds (its token lasts two hours). Every answer
    // stays; the price and the form become those of an unverified client.
    const newClientOfferRefused = standing.value.isNewClient && issues.some((issue) => issue.path === "quotedDealId");
    if (newClientOfferRefused || issues.some((issue) => issue.path === "intakeMode")) returning.forget();
    const step = batch(() => applyServerIssues(issues, { service, intake, details, schedule, price, reviewIssues }));
    if (step !== "review") flow.goTo(step, { fromReview: true });
  }

  function applyPrefill(values: WidgetPrefill): void {
    first.applyPrefill(values);
    details.prefill(values);
  }

  /** Another booking after a confirmation: a clean form. */
  function startOver(): void {
    batch(() => {
      for (const part of [service, intake, schedule, price, details, submission, returning]) part.reset();
      confirmation.value = null;
      reviewIssues.value = [];
      flow.restart();
    });
  }

  function dispose(): void {
    live = false;
    submission.abort();
  }

  /** Side effects the model owns: availability when the time step opens, step events for the host. */
  function start(): () => void {
    return effect(() => {
      const step = flow.current.value;
      untracked(() => {
        if (step === "time") void schedule.ensureLoaded();
        emit("step", { step, index: flow.index.value, of: flow.steps.value.length });
      });
    });
  }

  return {
    config,
    locale,
    clientTimeZone,
    today,
    now,
    flow,
    service,
    intake,
    returning,
    standing,
    schedule,
    price,
    details,
    submission,
    confirmation,
    reviewIssues,
    dirty,
    isComplete,
    continueStep,
    back: first.back,
    edit: first.edit,
    offers,
    submit,
    setLocale: first.setLocale,
    applyPrefill,
    startOver,
    start,
    dispose,
  };
}
