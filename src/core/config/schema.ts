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
export const WallIntervalSchema = z.object({ start: WallTimeSchema, end: WallTimeSchema }).check(
  z.refine((r) => !isWellFormed(r) || wallTimeToMinutes(r.start) < wallTimeToMinutes(r.end), {
    error: (iss) => {
      const r = iss.input as { start: string; end: string };
      return `expected start before end, got ${r.start}–${r.end}`;
    },
  }),
);
export type WallInterval = z.infer<typeof WallIntervalSchema>;

/** Opening hours per weekday; a day left out is a day off. Intervals of one day may not overlap. */
export const WeeklyHoursSchema = z
  .partialRecord(WeekdaySchema, z.array(WallIntervalSchema), {
    error: (iss) => unknownWeekdayMessage(iss),
  })
  .check(
    z.superRefine((hours, ctx) => {
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
    }),
  );
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

export const DurationOptionSchema = z.object({
  minutes: z.number().check(
    z.int({ error: (iss) => `expected whole minutes, got ${String(iss.input)}` }),
    z.gte(5),
    z.lte(480),
  ),
  price: MinorUnitsSchema,
});
export type DurationOption = z.infer<typeof DurationOptionSchema>;

export const ServiceSchema = z.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  durations: z.array(DurationOptionSchema).check(z.minLength(1, { error: "expected at least one duration" })),
});
export type Service = z.infer<typeof ServiceSchema>;

export const BreakSchema = z.intersection(
  WallIntervalSchema,
  z.object({ days: z.optional(z.array(WeekdaySchema).check(z.minLength(1))) }),
);

/** Days off, inclusive, in the clinic's calendar. */
export const ClosureSchema = z
  .object({ from: LocalDateSchema, to: LocalDateSchema, reason: z.optional(LocalizedTextSchema) })
  .check(
    // Dates that failed their own check are left to that message.
    z.refine((c) => !isRealDate(c.from) || !isRealDate(c.to) || c.from <= c.to, {
      path: ["to"],
      error: (iss) => {
        const c = iss.input as { from: string; to: string };
        return `expected a date on or after from (${c.from}), got ${describeValue(c.to)}`;
      },
    }),
  );
export type Closure = z.infer<typeof ClosureSchema>;

export const TherapistSchema = z.object({
  id: IdSchema,
  name: z.string().check(z.minLength(1)),
  bio: z.optional(LocalizedTextSchema),
  services: z.array(IdSchema).check(z.minLength(1)),
  hours: WeeklyHoursSchema,
  /** Daily breaks; `days` limits one to some weekdays. */
  breaks: z._default(z.array(BreakSchema), []),
  closures: z._default(z.array(ClosureSchema), []),
});
export type Therapist = z.infer<typeof TherapistSchema>;

const wholeNumber = () => z.number().check(z.int());

export const BookingRulesSchema = z.object({
  slotStepMinutes: z._default(wholeNumber().check(z.gte(5), z.lte(120)), 15),
  bufferBeforeMinutes: z._default(wholeNumber().check(z.gte(0), z.lte(240)), 0),
  bufferAfterMinutes: z._default(wholeNumber().check(z.gte(0), z.lte(240)), 15),
  /** Elapsed time between now and the earliest start. */
  minNoticeHours: z._default(z.number().check(z.gte(0), z.lte(24 * 90)), 24),
  /** Calendar days ahead, in the clinic's zone, that can be booked (today counts as day 0). */
  horizonDays: z._default(wholeNumber().check(z.gte(1), z.lte(730)), 60),
  maxSeriesSessions: z._default(wholeNumber().check(z.gte(1), z.lte(26)), 10),
  /** Elapsed hours before a session until which the client may cancel or move it online. */
  cancellationNoticeHours: z._default(z.number().check(z.gte(0), z.lte(24 * 90)), 24),
  /** Hours before each session that its reminder email goes out; 0 sends none. */
  reminderHours: z._default(z.number().check(z.gte(0), z.lte(24 * 14)), 24),
});
export type BookingRules = z.infer<typeof BookingRulesSchema>;

export const SubmitSettingsSchema = z.object({
  /** Where the widget POSTs bookings: https, or http only on localhost / 127.0.0.1. */
  endpoint: z
    .string()
    .check(
      z.refine(isAllowedEndpoint, {
        error: (iss) => expectedMessage("an https:// URL (http:// only for localhost)", iss.input),
      }),
      // The config is public (it ships to every visitor), so credentials in the URL would leak.
      z.refine((value) => !hasCredentials(value), { error: "expected a URL without a user name or password" }),
    )
    .register(z.globalRegistry, {
      description: "Where the widget POSTs each booking: https://, or http:// on localhost and 127.0.0.1.",
    }),
  timeoutMs: z._default(wholeNumber().check(z.gte(1000), z.lte(120000)), 15000),
  maxRetries: z._default(wholeNumber().check(z.gte(0), z.lte(5)), 3),
  /** Origins of pages allowed to call the receiver (CORS). */
  allowedOrigins: z
    ._default(
      z.array(
        z.string().check(
          z.refine(isOrigin, {
            error: (iss) => {
              const origin = originOf(String(iss.input));
              const hint = origin ? `; did you mean "${origin}"?` : "";
              return `expected an origin such as "https://www.example.com" (no path or trailing slash), got ${describeValue(iss.input)}${hint}`;
            },
          }),
        ),
      ),
      [],
    )
    .register(z.globalRegistry, {
      description: "Origins of the pages that embed the widget, compared exactly with the browser's Origin header.",
    }),
});

export const ClinicSchema = z.object({
  name: z.string().check(z.minLength(1)),
  address: z.object({
    line1: z.string().check(z.minLength(1)),
    line2: z.optional(z.string()),
    city: z.string().check(z.minLength(1)),
    region: z.optional(z.string()),
    postalCode: z.string().check(z.minLength(1)),
    country: z
      .string()
      .check(z.regex(/^[A-Z]{2}$/, { error: (iss) => expectedMessage('a two-letter ISO country code such as "CA"', iss.input) })),
  }),
  phone: z.string().check(z.minLength(5)),
  email: z.email(),
  // Rendered as a link, so only web addresses: a javascript: URL would run in the host page.
  website: z.optional(
    z.url({ protocol: /^https?$/, error: (iss) => expectedMessage('an http(s) URL such as "https://www.example.com"', iss.input) }),
  ),
});

export const PoliciesSchema = z.object({
  cancellation: LocalizedTextSchema,
  privacy: LocalizedTextSchema,
  preparation: z.optional(LocalizedTextSchema),
  aftercare: z.optional(LocalizedTextSchema),
});

export const ClinicConfigSchema = z
  .object({
    $schema: z.optional(z.string()),
    clinic: ClinicSchema,
    timeZone: TimeZoneSchema,
    currency: CurrencySchema,
    /** First is the default; the widget supports "en" and "fr". */
    locales: z._default(z.array(LocaleSchema).check(z.minLength(1)), ["en"]),
    services: z.array(ServiceSchema).check(z.minLength(1, { error: "expected at least one service" })),
    therapists: z.array(TherapistSchema).check(z.minLength(1, { error: "expected at least one therapist" })),
    closures: z._default(z.array(ClosureSchema), []),
    booking: z._default(BookingRulesSchema, BookingRulesSchema.parse({})),
    deals: z._default(z.array(DealSchema), []),
    questionnaire: z.optional(QuestionnaireSchema),
    submit: SubmitSettingsSchema,
    policies: PoliciesSchema,
  })
  // Also when other parts failed: every problem in one pass saves the clinic a round trip per fix.
  .check(z.superRefine(checkCrossReferences, { when: (payload) => typeof payload.value === "object" && payload.value !== null }));

/** A config as the schema checked it; the engines use it compiled (`ClinicConfig`, compiled.ts). */
export type ClinicConfigData = z.infer<typeof ClinicConfigSchema>;
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
