import type { Issue } from "../src/core/result";
import { WIDGET_EVENT_NAMES, type StepId, type SubmitFailureReason, type WidgetEventName } from "../src/widget/types";
import type { RequestFailure } from "../src/widget/submit";
import type { DisplayMode } from "./attributes";

export type { DisplayMode };

export interface ClinicBookingReadyDetail {
  mode: DisplayMode;
  /** The locale the widget speaks, e.g. "fr-CA". */
  locale: string;
}

export interface ClinicBookingStepDetail {
  step: StepId;
  /** Position of the step in the client's flow (0-based) and the number of steps in it. */
  index: number;
  of: number;
}

export interface ClinicBookingSubmittedDetail {
  reference: string;
  kind: "booking" | "callback";
  status: "confirmed" | "needs-review";
  /** Number of sessions booked (0 for a call-back request). */
  sessions: number;
}

/** Problems the host page can react to; none carries an answer the client typed. */
export type ClinicBookingErrorDetail =
  /** The clinic's config is invalid; each issue is `path: message` for the integrator. */
  | { kind: "config"; issues: Issue[] }
  /** The config could not be loaded (network, HTTP status, not JSON). */
  | { kind: "config-unavailable"; reason: RequestFailure; message: string }
  /** `ClinicBooking(...)` was called with something it does not understand. */
  | { kind: "usage"; message: string }
  | { kind: "slot-taken" }
  | { kind: "invalid"; count: number }
  | { kind: "failed"; reason: SubmitFailureReason; retryable: boolean };

export type ClinicBookingEventName = WidgetEventName;

/** The detail of each event; the map below fails the typecheck when an event has none. */
interface ClinicBookingEventDetails {
  ready: ClinicBookingReadyDetail;
  step: ClinicBookingStepDetail;
  submitted: ClinicBookingSubmittedDetail;
  error: ClinicBookingErrorDetail;
}

/** `element.addEventListener("clinic-booking:submitted", (e) => e.detail.reference)` is typed through this. */
export type ClinicBookingEventMap = {
  [N in ClinicBookingEventName as `clinic-booking:${N}`]: CustomEvent<ClinicBookingEventDetails[N]>;
};

export type ClinicBookingEventDetail<N extends ClinicBookingEventName> = ClinicBookingEventDetails[N];

export const EVENT_PREFIX = "clinic-booking:";
export const EVENT_NAMES: readonly ClinicBookingEventName[] = WIDGET_EVENT_NAMES;

export function isEventName(value: unknown): value is ClinicBookingEventName {
  return EVENT_NAMES.some((name) => name === value);
}

/** Events bubble out of the shadow root so a listener on `document` hears every widget. */
export function dispatchClinicEvent<N extends ClinicBookingEventName>(
  target: EventTarget,
  name: N,
  detail: ClinicBookingEventDetail<N>,
): void {
  target.dispatchEvent(new CustomEvent(`${EVENT_PREFIX}${name}`, { detail, bubbles: true, composed: true }));
}
