import { z } from "../zod";
import { DealSchema } from "./deals";
import {
  CurrencySchema,
  IdSchema,
  LocalDateSchema,
  LocaleSchema,
  LocalizedTextSchema,
  MinorUnitsSchema,
  TimeZoneSchema,
  WallTimeSchema,
  wallTimeToMinutes,
} from "./primitives";
import { QuestionnaireSchema } from "./questionnaire";
import { checkCrossReferences } from "./references";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const WeekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof WeekdaySchema>;

/** Wall-clock interval on the clinic's clock, start < end. */
export const WallIntervalSchema = z
  .object({ start: WallTimeSchema, end: WallTimeSchema })
  .refine((r) => wallTimeToMinutes(r.start) < wallTimeToMinutes(r.end), {
    error: (iss) => {
      const r = iss.input as { start: string; end: string };
      return `expected start before end, got ${r.start}–${r.end}`;
    },
  });
export type WallInterval = z.infer<typeof WallIntervalSchema>;

export const WeeklyHoursSchema = z.partialRecord(WeekdaySchema, z.array(WallIntervalSchema));
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

export const DurationOptionSchema = z.object({
  minutes: z
    .number()
    .int({ error: (iss) => `expected whole minutes, got ${String(iss.input)}` })
    .min(5)
    .max(480),
  price: MinorUnitsSchema,
});
export type DurationOption = z.infer<typeof DurationOptionSchema>;

export const ServiceSchema = z.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  durations: z.array(DurationOptionSchema).min(1, { error: "expected at least one duration" }),
});
export type Service = z.infer<typeof ServiceSchema>;

export const BreakSchema = WallIntervalSchema.and(z.object({ days: z.array(WeekdaySchema).min(1).optional() }));

/** Days off, inclusive, in the clinic's calendar. */
export const ClosureSchema = z
  .object({ from: LocalDateSchema, to: LocalDateSchema, reason: LocalizedTextSchema.optional() })
  .refine((c) => c.from <= c.to, { error: "expected from on or before to" });
export type Closure = z.infer<typeof ClosureSchema>;

export const TherapistSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  bio: LocalizedTextSchema.optional(),
  services: z.array(IdSchema).min(1),
  hours: WeeklyHoursSchema,
  /** Daily breaks; `days` limits one to some weekdays. */
  breaks: z.array(BreakSchema).default([]),
  closures: z.array(ClosureSchema).default([]),
});
export type Therapist = z.infer<typeof TherapistSchema>;

export const BookingRulesSchema = z.object({
  slotStepMinutes: z.number().int().min(5).max(120).default(15),
  bufferBeforeMinutes: z.number().int().min(0).max(240).default(0),
  bufferAfterMinutes: z.number().int().min(0).max(240).default(15),
  /** Elapsed time between now and the earliest start. */
  minNoticeHours: z.number().min(0).max(24 * 90).default(24),
  /** Calendar days ahead, in the clinic's zone, that can be booked (today counts as day 0). */
  horizonDays: z.number().int().min(1).max(730).default(60),
  maxSeriesSessions: z.number().int().min(1).max(26).default(10),
});
export type BookingRules = z.infer<typeof BookingRulesSchema>;

export const SubmitSettingsSchema = z.object({
  /** Where the widget POSTs bookings: https, or http only on localhost / 127.0.0.1. */
  endpoint: z.string().refine(isAllowedEndpoint, {
    error: (iss) => `expected an https:// URL (http:// only for localhost), got ${JSON.stringify(iss.input)}`,
  }),
  timeoutMs: z.number().int().min(1000).max(120000).default(15000),
  maxRetries: z.number().int().min(0).max(5).default(3),
  /** Origins of pages allowed to call the receiver (CORS). */
  allowedOrigins: z.array(z.string().url()).default([]),
});

export const ClinicSchema = z.object({
  name: z.string().min(1),
  address: z.object({
    line1: z.string().min(1),
    line2: z.string().optional(),
    city: z.string().min(1),
    region: z.string().optional(),
    postalCode: z.string().min(1),
    country: z.string().regex(/^[A-Z]{2}$/, { error: 'expected an ISO country code such as "CA"' }),
  }),
  phone: z.string().min(5),
  email: z.email(),
  website: z.url().optional(),
});

export const PoliciesSchema = z.object({
  cancellation: LocalizedTextSchema,
  privacy: LocalizedTextSchema,
  preparation: LocalizedTextSchema.optional(),
  aftercare: LocalizedTextSchema.optional(),
});

export const ClinicConfigSchema = z
  .object({
    $schema: z.string().optional(),
    clinic: ClinicSchema,
    timeZone: TimeZoneSchema,
    currency: CurrencySchema,
    /** First is the default; the widget supports "en" and "fr". */
    locales: z.array(LocaleSchema).min(1).default(["en"]),
    services: z.array(ServiceSchema).min(1, { error: "expected at least one service" }),
    therapists: z.array(TherapistSchema).min(1, { error: "expected at least one therapist" }),
    closures: z.array(ClosureSchema).default([]),
    booking: BookingRulesSchema.default(BookingRulesSchema.parse({})),
    deals: z.array(DealSchema).default([]),
    questionnaire: QuestionnaireSchema.optional(),
    submit: SubmitSettingsSchema,
    policies: PoliciesSchema,
  })
  .superRefine(checkCrossReferences);

export type ClinicConfig = z.infer<typeof ClinicConfigSchema>;
/** What a clinic writes: defaults may be left out. */
export type ClinicConfigInput = z.input<typeof ClinicConfigSchema>;

export function isAllowedEndpoint(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1");
}
