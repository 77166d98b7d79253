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
import { describeValue, expectedMessage } from "./describe";
import { hasCredentials, isAllowedEndpoint, isOrigin, originOf } from "./urls";

export { isAllowedEndpoint };

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const WeekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof WeekdaySchema>;

/** Wall-clock interval on the clinic's clock, start < end. */
export const WallIntervalSchema = z
  .object({ start: WallTimeSchema, end: WallTimeSchema })
  .refine((r) => !isWellFormed(r) || wallTimeToMinutes(r.start) < wallTimeToMinutes(r.end), {
    error: (iss) => {
      const r = iss.input as { start: string; end: string };
      return `expected start before end, got ${r.start}–${r.end}`;
    },
  });
export type WallInterval = z.infer<typeof WallIntervalSchema>;

/** Opening hours per weekday; a day left out is a day off. Intervals of one day may not overlap. */
export const WeeklyHoursSchema = z
  .partialRecord(WeekdaySchema, z.array(WallIntervalSchema), {
    error: (iss) => unknownWeekdayMessage(iss),
  })
  .superRefine((hours, ctx) => {
    for (const day of WEEKDAYS) {
      const overlap = firstOverlap(hours[day] ?? []);
      if (!overlap) continue;
      const { index, other } = overlap;
      ctx.addIssue({
        code: "custom",
        path: [day, index],
        message: `expected hours that do not overlap, got ${other.start}–${other.end} and ${describeInterval(hours[day]?.[index])}`,
        input: hours[day]?.[index],
      });
    }
  });
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
  // Dates that failed their own check are left to that message.
  .refine((c) => !isRealDate(c.from) || !isRealDate(c.to) || c.from <= c.to, {
    path: ["to"],
    error: (iss) => {
      const c = iss.input as { from: string; to: string };
      return `expected a date on or after from (${c.from}), got ${describeValue(c.to)}`;
    },
  });
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
  endpoint: z
    .string()
    .refine(isAllowedEndpoint, {
      error: (iss) => expectedMessage("an https:// URL (http:// only for localhost)", iss.input),
    })
    // The config is public (it ships to every visitor), so credentials in the URL would leak.
    .refine((value) => !hasCredentials(value), { error: "expected a URL without a user name or password" })
    .describe("Where the widget POSTs each booking: https://, or http:// on localhost and 127.0.0.1."),
  timeoutMs: z.number().int().min(1000).max(120000).default(15000),
  maxRetries: z.number().int().min(0).max(5).default(3),
  /** Origins of pages allowed to call the receiver (CORS). */
  allowedOrigins: z
    .array(
      z.string().refine(isOrigin, {
        error: (iss) => {
          const origin = originOf(String(iss.input));
          const hint = origin ? `; did you mean "${origin}"?` : "";
          return `expected an origin such as "https://www.example.com" (no path or trailing slash), got ${describeValue(iss.input)}${hint}`;
        },
      }),
    )
    .default([])
    .describe("Origins of the pages that embed the widget, compared exactly with the browser's Origin header."),
});

export const ClinicSchema = z.object({
  name: z.string().min(1),
  address: z.object({
    line1: z.string().min(1),
    line2: z.string().optional(),
    city: z.string().min(1),
    region: z.string().optional(),
    postalCode: z.string().min(1),
    country: z.string().regex(/^[A-Z]{2}$/, { error: (iss) => expectedMessage('a two-letter ISO country code such as "CA"', iss.input) }),
  }),
  phone: z.string().min(5),
  email: z.email(),
  // Rendered as a link, so only web addresses: a javascript: URL would run in the host page.
  website: z.url({ protocol: /^https?$/, error: (iss) => expectedMessage('an http(s) URL such as "https://www.example.com"', iss.input) }).optional(),
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
  // Also when other parts failed: every problem in one pass saves the clinic a round trip per fix.
  .superRefine(checkCrossReferences, { when: (payload) => typeof payload.value === "object" && payload.value !== null });

export type ClinicConfig = z.infer<typeof ClinicConfigSchema>;
/** What a clinic writes: defaults may be left out. */
export type ClinicConfigInput = z.input<typeof ClinicConfigSchema>;

// Zod's types leave unrecognized_keys out of a record's issues, though an enum-keyed record raises it.
function unknownWeekdayMessage(issue: { code?: string }): string | undefined {
  if (issue.code !== "unrecognized_keys" || !("keys" in issue) || !Array.isArray(issue.keys)) return undefined;
  return `expected weekday keys ${WEEKDAYS.join(", ")}, got ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
}

function isRealDate(value: string): boolean {
  return LocalDateSchema.safeParse(value).success;
}

function isWellFormed(interval: { start: string; end: string }): boolean {
  return WallTimeSchema.safeParse(interval.start).success && WallTimeSchema.safeParse(interval.end).success;
}

function describeInterval(interval: WallInterval | undefined): string {
  return interval ? `${interval.start}–${interval.end}` : "nothing";
}

/** The later of the first pair of overlapping intervals, with the one it overlaps. */
function firstOverlap(intervals: WallInterval[]): { index: number; other: WallInterval } | null {
  for (let i = 0; i < intervals.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = intervals[i];
      const b = intervals[j];
      if (!a || !b || !isWellFormed(a) || !isWellFormed(b)) continue;
      const overlaps =
        wallTimeToMinutes(a.start) < wallTimeToMinutes(b.end) && wallTimeToMinutes(b.start) < wallTimeToMinutes(a.end);
      if (overlaps) return { index: i, other: b };
    }
  }
  return null;
}
