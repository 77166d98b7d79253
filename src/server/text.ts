import type { ClinicConfig, LocalizedText } from "../core/config";

/** Languages the receiver writes emails in; anything else reads English. */
export type MailLanguage = "en" | "fr";

export function languageOf(locale: string | undefined): MailLanguage {
  return locale?.slice(0, 2).toLowerCase() === "fr" ? "fr" : "en";
}

/** A clinic's text in a locale: exact tag, its language, the clinic's locales, then any. */
export function localized(text: LocalizedText, locale: string, clinicLocales: readonly string[]): string {
  if (typeof text === "string") return text;
  const tries = [locale, locale.slice(0, 2), ...clinicLocales, ...clinicLocales.map((l) => l.slice(0, 2)), "en"];
  for (const key of tries) {
    const value = text[key];
    if (value) return value;
  }
  return Object.values(text).find((value) => value.length > 0) ?? "";
}

export function serviceName(config: ClinicConfig, serviceId: string, locale: string): string {
  const service = config.services.find((s) => s.id === serviceId);
  return service ? localized(service.name, locale, config.locales) : serviceId;
}

export function therapistName(config: ClinicConfig, therapistId: string | null): string {
  if (therapistId === null) return "";
  return config.therapists.find((t) => t.id === therapistId)?.name ?? therapistId;
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
