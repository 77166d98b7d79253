import { clinicDateAt } from "../../core/time";

/** Calendar arithmetic on "YYYY-MM-DD" without a zone: the date is a label, not an instant. */
export function addDaysToDate(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const utc = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return utc.toISOString().slice(0, 10);
}

export function clinicToday(now: Date, timeZone: string): string {
  return clinicDateAt(now.toISOString(), timeZone);
}

/**
 * UTC instants that surely cover the clinic days `from`..`to` whatever the zone's offset
 * (offsets stay within ±14 h): asking a little too much is harmless, too little hides bookings.
 */
export function instantRangeCovering(from: string, to: string): { from: string; to: string } {
  return {
    from: `${addDaysToDate(from, -1)}T00:00:00.000Z`,
    to: `${addDaysToDate(to, 2)}T00:00:00.000Z`,
  };
}

export function laterDate(a: string, b: string): string {
  return a > b ? a : b;
}
