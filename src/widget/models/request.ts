import type { Answers } from "../../core/config";
import type { IntakeMode } from "../../core/screening";
import type { BookingRequest } from "../types";
import type { FlowKind } from "./flow";

export interface RequestParts {
  kind: FlowKind;
  locale: string;
  serviceId: string;
  minutes: number;
  therapistId: string | null;
  sessionStarts: string[];
  client: { name: string; email: string; phone: string; isNewClient: boolean; lastFullIntake?: string | undefined };
  consentAt: string;
  sensitiveAreas: readonly string[];
  intakeMode: IntakeMode;
  answers: Answers;
  clearanceConfirmed: boolean;
  promoCode: string;
  quotedTotal: number;
  quotedDealId: string | null;
  callbackNote: string;
}

/** The wire shape of `BookingRequestSchema`. Optional fields are left out rather than sent empty. */
export function buildBookingRequest(idempotencyKey: string, parts: RequestParts): BookingRequest {
  const isCallback = parts.kind === "callback";
  const note = parts.callbackNote.trim();
  return {
    version: 1,
    idempotencyKey,
    kind: parts.kind,
    locale: parts.locale,
    serviceId: parts.serviceId,
    minutes: parts.minutes,
    ...(parts.therapistId && !isCallback ? { therapistId: parts.therapistId } : {}),
    sessions: isCallback ? [] : parts.sessionStarts.map((start) => ({ start })),
    client: {
      name: parts.client.name.trim(),
      email: parts.client.email.trim(),
      phone: parts.client.phone.trim(),
      isNewClient: parts.client.isNewClient,
      ...(parts.client.lastFullIntake && !parts.client.isNewClient ? { lastFullIntake: parts.client.lastFullIntake } : {}),
    },
    consent: {
      healthData: true,
      cancellationPolicy: true,
      at: parts.consentAt,
      sensitiveAreas: [...parts.sensitiveAreas],
    },
    intakeMode: parts.intakeMode,
    answers: parts.answers,
    clearanceConfirmed: !isCallback && parts.clearanceConfirmed,
    ...(parts.promoCode.trim() && !isCallback ? { promoCode: parts.promoCode.trim() } : {}),
    quotedTotal: isCallback ? 0 : parts.quotedTotal,
    quotedDealId: isCallback ? null : parts.quotedDealId,
    ...(isCallback && note ? { callbackNote: note } : {}),
  };
}
