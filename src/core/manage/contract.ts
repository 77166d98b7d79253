import { z } from "../zod";
import { IdSchema, LocaleSchema, LocalizedTextSchema, MinorUnitsSchema } from "../config/primitives";
import { InstantSchema } from "../booking/contract";

/** A session's place in its booking: stable, whatever happens to the others. */
const SessionIndexSchema = z.number().check(z.int(), z.gte(0), z.lte(25));

export const SESSION_STATUSES = ["booked", "cancelled"] as const;
export const SessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

export const ManagedBookingStatusSchema = z.enum(["confirmed", "needs-review", "cancelled"]);
export type ManagedBookingStatus = z.infer<typeof ManagedBookingStatusSchema>;

export const DealRefSchema = z.object({ id: IdSchema, name: LocalizedTextSchema });
export type DealRef = z.infer<typeof DealRefSchema>;

export const ManagedSessionSchema = z.object({
  index: SessionIndexSchema,
  serviceId: IdSchema,
  minutes: z.number().check(z.int(), z.positive()),
  therapistId: IdSchema,
  start: InstantSchema,
  end: InstantSchema,
  listPrice: MinorUnitsSchema,
  price: MinorUnitsSchema,
  status: SessionStatusSchema,
  /** iCalendar SEQUENCE of this session's event. */
  sequence: z.number().check(z.int(), z.gte(0)),
  /** start − cancellationNoticeHours, in UTC. */
  changeableUntil: InstantSchema,
  /** Judged by the receiver at the time of the answer. */
  canCancel: z.boolean(),
  canReschedule: z.boolean(),
});
export type ManagedSession = z.infer<typeof ManagedSessionSchema>;

/** `GET /api/manage` and the answer of every change: no health answers, ever. */
export const ManageViewSchema = z.object({
  reference: z.string(),
  status: ManagedBookingStatusSchema,
  locale: LocaleSchema,
  clinic: z.object({ name: z.string(), phone: z.string(), email: z.string() }),
  currency: z.string(),
  listTotal: MinorUnitsSchema,
  discountTotal: MinorUnitsSchema,
  total: MinorUnitsSchema,
  deal: z.nullable(DealRefSchema),
  cancellationNoticeHours: z.number().check(z.gte(0)),
  /** The updated calendar file: METHOD:PUBLISH while booked, METHOD:CANCEL once cancelled. */
  calendarUrl: z.string(),
  sessions: z.array(ManagedSessionSchema),
});
export type ManageView = z.infer<typeof ManageViewSchema>;

/** `POST /api/manage/cancel`. */
export const CancelRequestSchema = z.object({
  sessions: z.union([
    z.literal("all"),
    z.array(SessionIndexSchema).check(z.minLength(1, { error: "expected at least one session index, or \"all\"" })),
  ]),
});
export type CancelRequest = z.infer<typeof CancelRequestSchema>;

export const RescheduleChangeSchema = z.object({
  index: SessionIndexSchema,
  start: InstantSchema,
  /** null: any therapist who offers the service and is free. */
  therapistId: z.nullable(IdSchema),
});
export type RescheduleChange = z.infer<typeof RescheduleChangeSchema>;

/** Body of `POST /api/manage/reschedule/quote` and `POST /api/manage/reschedule`. */
export const RescheduleRequestSchema = z
  .object({ changes: z.array(RescheduleChangeSchema).check(z.minLength(1), z.maxLength(26)) })
  .check(
    z.superRefine((req, ctx) => {
      const seen = new Set<number>();
      req.changes.forEach((change, i) => {
        if (seen.has(change.index)) {
          ctx.addIssue({ code: "custom", path: ["changes", i, "index"], message: `session ${change.index} is named twice`, input: change.index });
        }
        seen.add(change.index);
      });
    }),
  );
export type RescheduleRequest = z.infer<typeof RescheduleRequestSchema>;

export const QuoteSideSchema = z.object({ total: MinorUnitsSchema, deal: z.nullable(DealRefSchema) });

/** `POST /api/manage/reschedule/quote` → 200: what the change does to the price, before the client confirms. */
export const RescheduleQuoteSchema = z.object({
  before: QuoteSideSchema,
  after: z.object({
    total: MinorUnitsSchema,
    deal: z.nullable(DealRefSchema),
    lines: z.array(z.object({ index: SessionIndexSchema, listPrice: MinorUnitsSchema, price: MinorUnitsSchema })),
  }),
  /** The total or the deal differs from before. */
  changed: z.boolean(),
});
export type RescheduleQuote = z.infer<typeof RescheduleQuoteSchema>;

/** 404 for a wrong, unknown or missing manage token. */
export const ManageNotFoundBodySchema = z.object({ error: z.literal("booking-not-found"), message: z.string() });

/** 409 when a named session is inside its cancellation notice: nothing was changed. */
export const TooLateBodySchema = z.object({
  error: z.literal("too-late"),
  message: z.string(),
  phone: z.string(),
  policy: LocalizedTextSchema,
  indexes: z.array(SessionIndexSchema),
});
export type TooLateBody = z.infer<typeof TooLateBodySchema>;

/** 409 when a new time was taken meanwhile: nothing was changed. */
export const RescheduleSlotTakenBodySchema = z.object({ error: z.literal("slot-taken"), index: SessionIndexSchema });
export type RescheduleSlotTakenBody = z.infer<typeof RescheduleSlotTakenBodySchema>;

/** 422: the body, an index or a time is not acceptable; same issue shape as booking. */
export const ManageInvalidBodySchema = z.object({
  error: z.enum(["invalid", "idempotency-key-reused"]),
  issues: z._default(z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })), []),
});
export type ManageInvalidBody = z.infer<typeof ManageInvalidBodySchema>;
