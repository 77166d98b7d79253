import type { BookingRules } from "../config/schema";
import { DAY_MS } from "../time";

/**
 * An instant no bookable start can reach: the horizon counts calendar days in the clinic's zone,
 * so two days beyond it in elapsed time cover any offset and the length of the last day.
 */
export function beyondHorizonMs(rules: Pick<BookingRules, "horizonDays">, nowMs: number): number {
  return nowMs + (rules.horizonDays + 2) * DAY_MS;
}
