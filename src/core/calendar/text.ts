import { languageOf, type Language } from "../locale";
import type { CalendarClinic } from "./types";

interface CalendarTexts {
  summary: (clinicName: string) => string;
  sessionOf: (position: number, count: number) => string;
  reference: (reference: string) => string;
  phone: (phone: string) => string;
  email: (email: string) => string;
  website: (url: string) => string;
}

// Kept here rather than in the widget's catalogue: the receiver builds the same
// files server-side, and core may not import widget code.
const TEXTS: Record<Language, CalendarTexts> = {
  en: {
    summary: (clinic) => `Massage appointment, ${clinic}`,
    sessionOf: (position, count) => `Session ${position} of ${count}`,
    reference: (reference) => `Booking reference: ${reference}`,
    phone: (phone) => `Phone: ${phone}`,
    email: (email) => `Email: ${email}`,
    website: (url) => `Website: ${url}`,
  },
  fr: {
    summary: (clinic) => `Rendez-vous de massothérapie, ${clinic}`,
    sessionOf: (position, count) => `Séance ${position} sur ${count}`,
    reference: (reference) => `Numéro de réservation\u00a0: ${reference}`,
    phone: (phone) => `Téléphone\u00a0: ${phone}`,
    email: (email) => `Courriel\u00a0: ${email}`,
    website: (url) => `Site web\u00a0: ${url}`,
  },
};

/** The booking's language, else the clinic's first; any other locale reads English. */
export function calendarLanguage(locale: string | undefined, config: CalendarClinic): Language {
  return languageOf(locale ?? config.locales[0]) ?? "en";
}

export function textsFor(language: Language): CalendarTexts {
  return TEXTS[language];
}

/** "1 Main St, Suite 2, Halifax, NS B3J 1A1, Canada": one line that map services can geocode. */
export function addressLine(config: CalendarClinic, language: Language): string {
  const { line1, line2, city, region, postalCode, country } = config.clinic.address;
  const regionAndPostalCode = [region, postalCode].filter(Boolean).join(" ");
  // A bare "CA" reads as California to geocoders, so the country is spelled out.
  return [line1, line2, city, regionAndPostalCode, countryName(country, language)]
    .filter((part): part is string => typeof part === "string" && part.trim() !== "")
    .join(", ");
}

function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
