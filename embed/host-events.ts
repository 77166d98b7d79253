import { STEP_IDS, SUBMIT_FAILURE_REASONS } from "../src/widget/types";
import type { DisplayMode } from "./attributes";
import { dispatchClinicEvent, type ClinicBookingErrorDetail, type ClinicBookingEventDetail, type ClinicBookingEventName } from "./events";

// What the flow emits, as the host page gets it: loaded with the flow (embed/widget-code.ts), not before it.

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

function widgetError(d: Loose): ClinicBookingErrorDetail | null {
  switch (d.kind) {
    case "slot-taken":
      return { kind: "slot-taken" };
    case "invalid":
      return { kind: "invalid", count: count(d.count) };
    case "failed": {
      const reason = SUBMIT_FAILURE_REASONS.find((r) => r === d.reason);
      return reason ? { kind: "failed", reason, retryable: d.retryable === true } : null;
    }
    default:
      return null;
  }
}
