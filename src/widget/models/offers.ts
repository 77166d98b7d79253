import type { ClinicConfig, Deal } from "../../core/config";
import { visibleDeals } from "../../core/pricing";

/** The deals the service step advertises, judged at one moment (expired and secret ones never show). */
export interface Offers {
  /** Deals every service has: said once, above the list. */
  everyService: Deal[];
  /** A service's other deals, on its own card. */
  own(serviceId: string): Deal[];
}

export function offersOf(config: ClinicConfig, now: string): Offers {
  const byService = new Map(config.services.map((service) => [service.id, visibleDeals(config, now, service.id)]));
  const everyService = visibleDeals(config, now).filter((deal) => [...byService.values()].every((deals) => deals.includes(deal)));
  return {
    everyService,
    own: (serviceId) => (byService.get(serviceId) ?? []).filter((deal) => !everyService.includes(deal)),
  };
}
