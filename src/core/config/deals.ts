import { z } from "../zod";
import { IdSchema, LocalDateSchema, LocalizedTextSchema, MinorUnitsSchema } from "./primitives";

/** Which sessions a deal counts and discounts. Omitted lists mean "all". */
export const DealScopeSchema = z.object({
  services: z.optional(z.array(IdSchema).check(z.minLength(1))),
  durations: z.optional(z.array(z.number().check(z.int(), z.positive())).check(z.minLength(1))),
});
export type DealScope = z.infer<typeof DealScopeSchema>;

const dealBase = {
  id: IdSchema,
  name: LocalizedTextSchema,
  description: z.optional(LocalizedTextSchema),
  appliesTo: z._default(DealScopeSchema, {}),
  /** Inclusive, clinic calendar dates, judged at the moment of booking. */
  validFrom: z.optional(LocalDateSchema),
  validUntil: z.optional(LocalDateSchema),
  /** Only for clients who say this is their first visit. */
  newClientsOnly: z._default(z.boolean(), false),
};

const PercentSchema = z
  .number()
  .check(
    z.int({ error: (iss) => `expected a whole percentage, got ${String(iss.input)}` }),
    z.gte(1, { error: "expected a percentage of at least 1" }),
    z.lte(100, { error: "expected a percentage of at most 100" }),
  );

export const EveryNthFreeDealSchema = z.object({
  ...dealBase,
  kind: z.literal("every-nth-free"),
  /** Every nth eligible session of one booking is free (5 → "book 4, the 5th is free"). */
  n: z.number().check(z.int(), z.gte(2)),
  /** Neighbouring sessions further apart than this break the run of consecutive sessions. */
  maxGapDays: z._default(z.number().check(z.int(), z.positive()), 14),
});

export const PercentOffDealSchema = z.object({
  ...dealBase,
  kind: z.literal("percent-off"),
  percent: PercentSchema,
  /** Discount only the earliest eligible session: "20% off your first visit" is one visit, not a series. */
  firstSessionOnly: z._default(z.boolean(), false),
});

export const PromoCodeDealSchema = z.object({
  ...dealBase,
  kind: z.literal("promo-code"),
  /** Matched case-insensitively, surrounding spaces ignored. */
  code: z.string().check(z.trim(), z.minLength(3), z.maxLength(40)),
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
