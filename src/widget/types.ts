import type { Booking, BookingRequest } from "../core/booking/contract";
import type { VerifiedClient } from "../core/clients/contract";
import type { ClinicConfig } from "../core/config";
import type { Issue } from "../core/result";
import type { BusyInterval } from "../core/slots";
import type { PaintedWidget } from "./paint";

export type { Booking, BookingRequest, BusyInterval, ClinicConfig, Issue, VerifiedClient };

/** Why a submission failed without a usable answer from the receiver. */
export const SUBMIT_FAILURE_REASONS = ["offline", "timeout", "server", "redirect", "insecure-endpoint", "rate-limited"] as const;
export type SubmitFailureReason = (typeof SUBMIT_FAILURE_REASONS)[number];

/** What one call of the transport ended with: the widget never sees HTTP itself. */
export type SubmitOutcome =
  | { kind: "created"; booking: Booking }
  /** 409: a session was taken in between; issues point at `sessions[i].start`. */
  | { kind: "slot-taken"; issues: Issue[] }
  /** 422: the receiver rejected fields; paths like `client.email`, `answers.<id>`, `quotedTotal`. */
  | { kind: "invalid"; issues: Issue[] }
  | { kind: "failed"; reason: SubmitFailureReason; retryable: boolean };

/**
 * Sends one booking request. Retries, timeout, https check and the Idempotency-Key header
 * (equal to `request.idempotencyKey`) are the transport's job; it resolves, never rejects.
 */
export type BookingTransport = (request: BookingRequest, signal?: AbortSignal, proof?: ClientProof) => Promise<SubmitOutcome>;

/** What proves the client owns the booking's email: the token a one-time code earned (memory only). */
export interface ClientProof {
  clientToken?: string | undefined;
}

/** How asking for a one-time code ended. */
export type CodeRequestOutcome =
  | { kind: "sent" }
  | { kind: "invalid-email" }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "failed" };

/** How checking a one-time code ended. */
export type CodeVerifyOutcome =
  | { kind: "verified"; client: VerifiedClient }
  /** Wrong, expired, used up or burnt by too many tries: the receiver does not say which. */
  | { kind: "code-invalid" }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "failed" };

/** The receiver's one-time code routes; resolves, never rejects. */
export interface ClientCodeService {
  requestCode(email: string, locale: string): Promise<CodeRequestOutcome>;
  verifyCode(email: string, code: string): Promise<CodeVerifyOutcome>;
}

/** What the widget tells its host; the embed names each `clinic-booking:<name>`. */
export const WIDGET_EVENT_NAMES = ["ready", "step", "submitted", "error"] as const;
export type WidgetEventName = (typeof WIDGET_EVENT_NAMES)[number];

/** Values the host page may fill in ahead of the client. Never health answers. */
export interface WidgetPrefill {
  name?: string;
  email?: string;
  serviceId?: string;
}

/** Every step, in the order of a booking's flow. */
export const STEP_IDS = ["service", "health", "time", "details", "review", "confirmation"] as const;
export type StepId = (typeof STEP_IDS)[number];

export interface WidgetOptions {
  config: ClinicConfig;
  /** Wins over the page language, which wins over `config.locales[0]`. */
  locale?: string;
  /** The host page's `<html lang>`, read by the embed. */
  pageLocale?: string;
  prefill?: WidgetPrefill;
  /** The service step painted before the config was checked (`paintFirstStep`): the flow carries on from it. */
  painted?: PaintedWidget;
  /** The client's IANA zone; defaults to the browser's. Their own time is shown when it differs from the clinic's. */
  clientTimeZone?: string;
  /** Clock for tests and demos; defaults to the real time. */
  now?: () => Date;
  transport: BookingTransport;
  /** One-time codes for returning clients; without it the widget offers no code step. */
  clientCodes?: ClientCodeService | undefined;
  /** Busy intervals of every therapist between two ISO UTC instants. */
  fetchAvailability: (from: string, to: string) => Promise<BusyInterval[]>;
  /** Event detail never carries health answers or contact details. */
  emit: (name: WidgetEventName, detail: object) => void;
}

export interface WidgetHandle {
  unmount(): void;
  setLocale(locale: string): void;
  prefill(values: WidgetPrefill): void;
  /** Only moves to steps the client has already reached. */
  goTo?(step: StepId): void;
}
