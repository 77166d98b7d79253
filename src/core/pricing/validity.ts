import type { ClinicConfig, Deal, DealScope } from "../config";
import { clinicDateAt } from "../time";

/**
 * Whether a deal may be used for a booking made at `now` (ISO UTC).
 *
 * Both ends are inclusive clinic calendar dates: `validUntil: "2026-04-30"` accepts
 * bookings made before 2026-05-01 00:00 clinic time and `validFrom: "2026-05-01"`
 * accepts them from 2026-05-01 00:00 clinic time. Comparing the clinic's date at
 * `now` with the bounds is exactly that rule, and holds across DST changes.
 * Session dates play no part: the moment of booking decides.
 */
export function isDealActive(deal: Deal, config: ClinicConfig, now: string): boolean {
  const today = clinicDateAt(now, config.timeZone);
  // "YYYY-MM-DD" strings sort like the dates they name.
  if (deal.validFrom !== undefined && today < deal.validFrom) return false;
  if (deal.validUntil !== undefined && today > deal.validUntil) return false;
  return true;
}

/**
 * Deals to advertise at `now`: active, not promo codes (those stay secret until
 * a client types one), and, when a service is given, able to cover at least one
 * of its durations (an unknown service is covered by none).
 * Deals for new clients only are included; the widget labels them.
 * Config order is kept, so the first listed wins ties here as in `quote`.
 */
export function visibleDeals(config: ClinicConfig, now: string, serviceId?: string): Deal[] {
  return config.deals.filter(
    (deal) =>
      deal.kind !== "promo-code" &&
      isDealActive(deal, config, now) &&
      (serviceId === undefined || coversService(deal.appliesTo, config, serviceId)),
  );
}

/** The scope names the service (or all) and at least one of its durations (or all). */
function coversService(scope: DealScope, config: ClinicConfig, serviceId: string): boolean {
  const service = config.index.serviceById.get(serviceId);
  if (service === undefined) return false;
  if (scope.services !== undefined && !scope.services.includes(serviceId)) return false;
  const durations = scope.durations;
  return durations === undefined || service.durations.some((d) => durations.includes(d.minutes));
}
