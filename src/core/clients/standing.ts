import type { Questionnaire } from "../config/questionnaire";
import { needsFullForm, type IntakeMode } from "../screening/mode";
import type { LocalDate } from "../time/local-date";
import type { VerifiedClient } from "./contract";

/** What the receiver knows of a client, from its own records. */
export interface ClientRecord {
  /** Whether the client proved the email with a one-time code. */
  verified: boolean;
  /** Bookings stored earlier under the client's normalised email. */
  priorBookings: number;
  /** Clinic-calendar day of the client's latest booking with the full form. */
  lastFullIntake?: LocalDate | undefined;
}

/** What prices the booking and picks the intake: decided from records, never from the client's word. */
export interface ClientStanding {
  /** Whether `newClientsOnly` deals apply. */
  isNewClient: boolean;
  intakeMode: IntakeMode;
}

/**
 * An unverified client is treated alike whatever the records say, so that neither the price nor
 * the form can tell a visitor whether an email is known: no new-client deal, the full form.
 */
export const UNVERIFIED_STANDING: Readonly<ClientStanding> = { isNewClient: false, intakeMode: "full" };

export function clientStanding(questionnaire: Questionnaire, today: LocalDate, record: ClientRecord): ClientStanding {
  if (!record.verified) return UNVERIFIED_STANDING;
  const isNewClient = record.priorBookings === 0;
  const full = needsFullForm(questionnaire, {
    isNewClient,
    ...(record.lastFullIntake ? { lastFullIntake: record.lastFullIntake } : {}),
    today,
  });
  return { isNewClient, intakeMode: full ? "full" : "update" };
}

/** The standing a `/verify` answer carries: what the widget prices and asks with, as the receiver will. */
export function standingOfVerified(verified: Pick<VerifiedClient, "returning" | "intakeMode"> | null): ClientStanding {
  if (!verified) return UNVERIFIED_STANDING;
  return { isNewClient: !verified.returning, intakeMode: verified.intakeMode };
}
