import type { ClinicConfig, LocalizedText, Service } from "../../core/config";

/** The part of a clinic's config the service step shows: unchecked at first, then the checked config's. */
export interface FirstStepConfig {
  clinicName: string;
  country: string | undefined;
  locales: readonly string[];
  currency: string;
  services: readonly Service[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const isLocalizedText = (value: unknown): value is LocalizedText =>
  isText(value) || (isObject(value) && Object.values(value).length > 0 && Object.values(value).every(isText));
const isWhole = (value: unknown, min: number): value is number => Number.isInteger(value) && (value as number) >= min;
// The schema's form: a tag like "constructor" would reach resolveText as a lookup key.
const isLocaleTag = (value: unknown): value is string => typeof value === "string" && /^[a-z]{2}(-[A-Z]{2})?$/.test(value);

/** Like `every`, but a hole fails: `every` skips holes, and the views would meet them as undefined. */
function everyItem(list: readonly unknown[], check: (item: unknown) => boolean): boolean {
  for (let i = 0; i < list.length; i++) if (!(i in list) || !check(list[i])) return false;
  return true;
}

/**
 * Reads what the first step needs from a config that the schema has not checked yet, so the
 * step can paint while the schema's code downloads. This is not validation: anything out of
 * the ordinary gives null (nothing is painted early), and the schema still decides whether the
 * widget runs at all. Only shapes are checked here, so that painting cannot throw.
 */
export function readFirstStepConfig(raw: unknown): FirstStepConfig | null {
  if (!isObject(raw) || !isObject(raw.clinic) || !isText(raw.clinic.name)) return null;
  const { currency, locales, services } = raw;
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) return null;
  if (locales !== undefined && !(Array.isArray(locales) && everyItem(locales, isLocaleTag))) return null;
  if (!Array.isArray(services) || services.length === 0 || !everyItem(services, isFirstStepService)) return null;
  const address = raw.clinic.address;
  return {
    clinicName: raw.clinic.name,
    country: isObject(address) && typeof address.country === "string" ? address.country : undefined,
    locales: (locales as string[] | undefined) ?? [],
    currency,
    services: services as Service[],
  };
}

/** The same part of a checked config. */
export function firstStepConfigOf(config: ClinicConfig): FirstStepConfig {
  return {
    clinicName: config.clinic.name,
    country: config.clinic.address.country,
    locales: config.locales,
    currency: config.currency,
    services: config.services,
  };
}

function isFirstStepService(value: unknown): boolean {
  if (!isObject(value) || !isText(value.id) || !isLocalizedText(value.name) || !isLocalizedText(value.description)) return false;
  const { durations } = value;
  return (
    Array.isArray(durations) &&
    durations.length > 0 &&
    everyItem(durations, (d) => isObject(d) && isWhole(d.minutes, 1) && isWhole(d.price, 0))
  );
}
