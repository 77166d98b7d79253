import type { ClinicConfig } from "../config";

/** One appointment as the calendar sees it: what and when, never anything from the health history. */
export interface CalendarSession {
  /** Overrides the UID derived from the booking reference and the session's position. */
  uid?: string;
  /** ISO 8601 instants. */
  start: string;
  end: string;
  /** Already translated for the client. */
  serviceName: string;
  minutes: number;
}

/** All a calendar entry needs from the clinic's config; a whole `ClinicConfig` fits. */
export type CalendarClinic = Pick<ClinicConfig, "clinic" | "locales">;
