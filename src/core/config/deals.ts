import { z } from "../zod";
import { IdSchema, LocalDateSchema, LocalizedTextSchema, MinorUnitsSchema } from "./primitives";

/** Which sessions a deal counts and discounts. Omitted lists mean "all". */
export const DealScopeSchema = z.object({
  services: z.array(IdSchema).min(1).optional(),
  durations: z.array(z.number().int().positive()).min(1).optional(),
});
export type DealScope = z.infer<typeof DealScopeSchema>;

const dealBase = {
  id: IdSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  appliesTo: DealScopeSchema.default({}),
  /** Inclusive, clinic calendar dates, judged at the moment of booking. */
  validFrom: LocalDateSchema.optional(),
  validUntil: LocalDateSchema.optional(),
  /** Only for clients who say this is their first visit. */
  newClientsOnly: z.boolean().default(false),
};

const PercentSchema = z
  .number()
  .int({ error: (iss) => `expected a whole percentage, got ${String(iss.input)}` })
  .min(1, { error: "expected a percentage of at least 1" })
  .max(100, { error: "expected a percentage of at most 100" });

export const EveryNthFreeDealSchema = z.object({
  ...dealBase,
  kind: z.literal("every-nth-free"),
  /** Every nth eligible session of one booking is free (5 → "book 4, the 5th is free"). */
  n: z.number().int().min(2),
  /** Neighbouring sessions further apart than this break the run of consecutive sessions. */
  maxGapDays: z.number().int().positive().default(14),
});

export const PercentOffDealSchema = z.object({
  ...dealBase,
  kind: z.literal("percent-off"),
  percent: PercentSchema,
  /** Discount only the earliest eligible session: "20% off your first visit" is one visit, not a series. */
  firstSessionOnly: z.boolean().default(false),
});

export const PromoCodeDealSchema = z.object({
  ...dealBase,
  kind: z.literal("promo-code"),
  /** Matched case-insensitively, surrounding spaces ignored. */
  code: z.string().trim().min(3).max(40),
  discount: z.discriminatedUnion("type", [
    z.object({ type: z.literal("percent"), percent: PercentSchema }),
    z.object({ type: z.literal("fixed"), amount: MinorUnitsSchema }),
  ]),
});

export const DealSchema = z.discriminatedUnion("kind", [
  EveryNthFreeDealSchema,
  PercentOffDealSchema,
  PromoCodeDealSchema,
]);
export type Deal = z.infer<typeof DealSchema>;
export type EveryNthFreeDeal = z.infer<typeof EveryNthFreeDealSchema>;
export type PercentOffDeal = z.infer<typeof PercentOffDealSchema>;
export type PromoCodeDeal = z.infer<typeof PromoCodeDealSchema>;
