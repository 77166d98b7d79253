import type { Issue } from "../src/core/result";
import { STEP_IDS, type StepId, type SubmitFailureReason, type WidgetEventName } from "../src/widget/types";
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

/** `element.addEventListener("clinic-booking:submitted", (e) => e.detail.reference)` is typed through this. */
export interface ClinicBookingEventMap {
  "clinic-booking:ready": CustomEvent<ClinicBookingReadyDetail>;
  "clinic-booking:step": CustomEvent<ClinicBookingStepDetail>;
  "clinic-booking:submitted": CustomEvent<ClinicBookingSubmittedDetail>;
  "clinic-booking:error": CustomEvent<ClinicBookingErrorDetail>;
}

export type ClinicBookingEventName = WidgetEventName;
export type ClinicBookingEventType = keyof ClinicBookingEventMap;
export type ClinicBookingEventDetail<N extends ClinicBookingEventName> =
  ClinicBookingEventMap[`clinic-booking:${N}`]["detail"];

export const EVENT_PREFIX = "clinic-booking:";
export const EVENT_NAMES: readonly ClinicBookingEventName[] = ["ready", "step", "submitted", "error"];

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

/**
 * The flow's `emit` for one element: only what `hostDetail` lets through is dispatched, and
 * nothing before `release()` (the events of the mount itself wait until the element is mounted).
 */
export function hostEvents(target: EventTarget, mode: DisplayMode) {
  let held: (() => void)[] | null = [];
  return {
    emit(name: ClinicBookingEventName, detail: object): void {
      const safe = hostDetail(name, detail, mode);
      if (!safe) return;
      const send = () => dispatchClinicEvent(target, name, safe);
      if (held) held.push(send);
      else send();
    },
    release(): void {
      const waiting = held ?? [];
      held = null;
      for (const send of waiting) send();
    },
  };
}

type Loose = Record<string, unknown>;
const text = (value: unknown): value is string => typeof value === "string";
const count = (value: unknown): number => (typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : 0);

/**
 * Copies only the documented fields of what the widget emitted, so a field added inside the
 * widget cannot reach the host page (or its analytics) unreviewed. Null drops the event.
 */
export function hostDetail<N extends ClinicBookingEventName>(
  name: N,
  raw: object,
  mode: DisplayMode,
): ClinicBookingEventDetail<N> | null;
export function hostDetail(name: ClinicBookingEventName, raw: object, mode: DisplayMode): ClinicBookingEventDetail<ClinicBookingEventName> | null {
  const d = raw as Loose;
  switch (name) {
    case "ready":
      return { mode, locale: text(d.locale) ? d.locale : "en" };
    case "step": {
      const step = STEP_IDS.find((id) => id === d.step);
      return step ? { step, index: count(d.index), of: count(d.of) } : null;
    }
    case "submitted":
      if (!text(d.reference)) return null;
      return {
        reference: d.reference,
        kind: d.kind === "callback" ? "callback" : "booking",
        status: d.status === "needs-review" ? "needs-review" : "confirmed",
        sessions: count(d.sessions),
      };
    case "error":
      return widgetError(d);
  }
}

const FAILURE_REASONS: readonly SubmitFailureReason[] = ["offline", "timeout", "server", "redirect", "insecure-endpoint", "rate-limited"];

function widgetError(d: Loose): ClinicBookingErrorDetail | null {
  switch (d.kind) {
    case "slot-taken":
      return { kind: "slot-taken" };
    case "invalid":
      return { kind: "invalid", count: count(d.count) };
    case "failed": {
      const reason = FAILURE_REASONS.find((r) => r === d.reason);
      return reason ? { kind: "failed", reason, retryable: d.retryable === true } : null;
    }
    default:
      return null;
  }
}
