import type { ClinicConfig } from "../core/config";
import { resolveText } from "../core/locale";
import { decimalAmount } from "../core/pricing";

export function serviceName(config: ClinicConfig, serviceId: string, locale: string): string {
  const service = config.index.serviceById.get(serviceId);
  return service ? resolveText(service.name, locale, config.locales) : serviceId;
}

export function therapistName(config: ClinicConfig, therapistId: string | null): string {
  if (therapistId === null) return "";
  return config.index.therapistById.get(therapistId)?.name ?? therapistId;
}

/** Minor units as the client reads them in `locale`, e.g. 8250 CAD in "fr-CA" → "82,50 $". */
export function formatMoney(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(decimalAmount(amount, currency));
}

/** "Monday, March 9, 2026 at 10:00 AM ADT" on the clinic's clock, where the client will be. */
export function clinicDateTime(instant: string, config: ClinicConfig, locale: string): string {
  // The zone name tells apart the two 1:30s of a fall-back night.
  return new Intl.DateTimeFormat(locale, {
    timeZone: config.timeZone,
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(instant));
}
