import { z } from "../zod";
import { AnswersSchema, TriageOutcomeSchema } from "../config/questionnaire";
import { expectedMessage } from "../config/describe";
import { IdSchema, LocalDateSchema, LocaleSchema, MinorUnitsSchema } from "../config/primitives";

/** An instant on the wire: ISO 8601 in UTC ("2026-12-01T14:00:00.000Z"). */
export const InstantSchema = z.iso.datetime({ error: (iss) => expectedMessage("an ISO 8601 UTC time", iss.input) });

export const PhoneSchema = z.string().check(
  z.trim(),
  z.regex(/^\+?[0-9 ().-]{7,25}$/, { error: "expected a phone number of 7 to 25 digits, spaces, dashes or brackets" }),
  z.refine((p) => p.replace(/\D/g, "").length >= 7, { error: "expected at least 7 digits" }),
);

export const ClientDetailsSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, { error: "required" }), z.maxLength(120)),
  email: z.email({ error: "expected an email address like name@example.com" }).check(z.maxLength(254)),
  phone: PhoneSchema,
  isNewClient: z.boolean(),
  /** Date of the returning client's last full intake, when they know it. */
  lastFullIntake: z.optional(LocalDateSchema),
});
export type ClientDetails = z.infer<typeof ClientDetailsSchema>;

export const ConsentSchema = z.object({
  /** Explicit, separate consent to processing health data (GDPR Art. 9 style). */
  healthData: z.literal(true, { error: "consent to the processing of health information is required" }),
  cancellationPolicy: z.literal(true, { error: "the cancellation policy must be acknowledged" }),
  /** When the client ticked the boxes. */
  at: InstantSchema,
  /** Sensitive areas the client consents to have treated, when the clinic asks. */
  sensitiveAreas: z._default(z.array(IdSchema).check(z.maxLength(20)), []),
});

export const BOOKING_KINDS = ["booking", "callback"] as const;

/** What the widget POSTs to the clinic's endpoint. The receiver trusts none of the derived values. */
export const BookingRequestSchema = z
  .object({
    version: z.literal(1),
    /** Same value as the Idempotency-Key header: one per booking attempt, reused on retries. */
    idempotencyKey: z.string().check(z.minLength(16), z.maxLength(100)),
    /** `callback`: the client asks the clinic to call instead of booking online. */
    kind: z.enum(BOOKING_KINDS),
    locale: LocaleSchema,
    serviceId: IdSchema,
    minutes: z.number().check(z.int(), z.positive()),
    therapistId: z.optional(IdSchema),
    sessions: z.array(z.object({ start: InstantSchema })).check(z.maxLength(26)),
    client: ClientDetailsSchema,
    consent: ConsentSchema,
    intakeMode: z.enum(["full", "update"]),
    answers: AnswersSchema,
    /** The client confirms a physician cleared them (asked for the `clearance` outcome). */
    clearanceConfirmed: z._default(z.boolean(), false),
    promoCode: z.optional(z.string().check(z.trim(), z.maxLength(40))),
    /** What the widget showed: a mismatch means the price changed in between (e.g. a deal expired). */
    quotedTotal: MinorUnitsSchema,
    quotedDealId: z.nullable(IdSchema),
    /** Free text for the call-back request (when and how to reach the client). */
    callbackNote: z.optional(z.string().check(z.maxLength(1000))),
  })
  .check(
    z.superRefine((req, ctx) => {
      if (req.kind === "booking" && req.sessions.length === 0) {
        ctx.addIssue({ code: "custom", path: ["sessions"], message: "expected at least one session", input: req.sessions });
      }
      if (req.kind === "booking" && !req.therapistId) {
        ctx.addIssue({ code: "custom", path: ["therapistId"], message: "missing: expected a therapist id", input: undefined });
      }
    }),
  );
export type BookingRequest = z.infer<typeof BookingRequestSchema>;
export type BookingRequestInput = z.input<typeof BookingRequestSchema>;

export const BookingStatusSchema = z.enum(["confirmed", "needs-review"]);
export type BookingStatus = z.infer<typeof BookingStatusSchema>;

export const PricedSessionSchema = z.object({
  start: InstantSchema,
  end: InstantSchema,
  listPrice: MinorUnitsSchema,
  discount: MinorUnitsSchema,
  price: MinorUnitsSchema,
  dealId: z.nullable(IdSchema),
});
export type PricedSession = z.infer<typeof PricedSessionSchema>;

/** What the receiver answers with (201): no health answers travel back. */
export const BookingSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: BookingStatusSchema,
  kind: z.enum(BOOKING_KINDS),
  serviceId: IdSchema,
  minutes: z.number().check(z.int(), z.positive()),
  therapistId: z.nullable(IdSchema),
  sessions: z.array(PricedSessionSchema),
  currency: z.string(),
  listTotal: MinorUnitsSchema,
  discountTotal: MinorUnitsSchema,
  total: MinorUnitsSchema,
  dealId: z.nullable(IdSchema),
  outcome: TriageOutcomeSchema,
  createdAt: InstantSchema,
  /** Unguessable token for the calendar file URL. */
  calendarUrl: z.optional(z.string()),
  /** `${origin}/manage#token=…`: opens the booking in the widget's manage view. Absent from receivers that offer none. */
  manageUrl: z.optional(z.string()),
});
export type Booking = z.infer<typeof BookingSchema>;

/** Body of a 409 or 422 answer. */
export const BookingErrorBodySchema = z.object({
  error: z.enum(["slot-taken", "invalid", "rate-limited", "too-large", "unsupported-media-type", "server-error"]),
  issues: z._default(z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })), []),
});
export type BookingErrorBody = z.infer<typeof BookingErrorBodySchema>;
