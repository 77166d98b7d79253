import { z } from "../zod";
import { IdSchema, LocalizedTextSchema } from "./primitives";

/** Severity order matters: a booking takes the most severe outcome of all answers. */
export const TRIAGE_OUTCOMES = ["ok", "caution", "postpone", "clearance", "contact-clinic"] as const;
export const TriageOutcomeSchema = z.enum(TRIAGE_OUTCOMES);
export type TriageOutcome = z.infer<typeof TriageOutcomeSchema>;

/**
 * A test on one answer. Exactly one matcher is set:
 * - `equals`: yes/no (true/false), single choice (option value), number;
 * - `includesAny`: multi choice and body areas;
 * - `atLeast`: number and scale;
 * - `withinDays`: date answers no older than this many days before the booking.
 */
export const AnswerMatcherSchema = z
  .object({
    equals: z.union([z.boolean(), z.string(), z.number()]).optional(),
    includesAny: z.array(z.string()).min(1).optional(),
    atLeast: z.number().optional(),
    withinDays: z.number().int().positive().optional(),
  })
  .refine(
    (m) => [m.equals, m.includesAny, m.atLeast, m.withinDays].filter((v) => v !== undefined).length === 1,
    { error: "expected exactly one of equals, includesAny, atLeast, withinDays" },
  );
export type AnswerMatcher = z.infer<typeof AnswerMatcherSchema>;

/** Shown only when an earlier question's answer matches. */
export const VisibilityConditionSchema = AnswerMatcherSchema.and(z.object({ question: IdSchema }));
export type VisibilityCondition = z.infer<typeof VisibilityConditionSchema>;

export const TriageRuleSchema = z.object({
  when: AnswerMatcherSchema,
  outcome: TriageOutcomeSchema.exclude(["ok"]),
  /** Stable code for the condition ("dvt", "fever"), shown to the clinic and translated for the client. */
  reason: IdSchema,
});
export type TriageRule = z.infer<typeof TriageRuleSchema>;

export const OptionSchema = z.object({ value: IdSchema, label: LocalizedTextSchema });

const questionBase = {
  id: IdSchema,
  section: IdSchema,
  label: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  required: z.boolean().default(false),
  visibleIf: VisibilityConditionSchema.optional(),
  /** Asked of returning clients too, not only at the full (first-visit or periodic) intake. */
  askEveryVisit: z.boolean().default(false),
  /**
   * Asked only in the returning client's update, e.g. the "anything changed since your last visit?" gate.
   * The full form skips it, and a `visibleIf` on it counts as met there: the full form asks everything the
   * gate could open.
   */
  onlyInUpdate: z.boolean().optional(),
  triage: z.array(TriageRuleSchema).default([]),
};

export const QuestionSchema = z.discriminatedUnion("kind", [
  z.object({ ...questionBase, kind: z.literal("yes-no") }),
  z.object({ ...questionBase, kind: z.literal("single-choice"), options: z.array(OptionSchema).min(2) }),
  z.object({ ...questionBase, kind: z.literal("multi-choice"), options: z.array(OptionSchema).min(1) }),
  z.object({
    ...questionBase,
    kind: z.literal("body-areas"),
    options: z.array(OptionSchema).min(1),
    /** The chosen areas are ones the therapist must not treat: triage lists them in `areasToAvoid`. */
    marksAreasToAvoid: z.boolean().optional(),
  }),
  z.object({
    ...questionBase,
    kind: z.literal("text"),
    multiline: z.boolean().default(false),
    maxLength: z.number().int().positive().max(5000).default(1000),
  }),
  z.object({ ...questionBase, kind: z.literal("date") }),
  z.object({
    ...questionBase,
    kind: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: LocalizedTextSchema.optional(),
  }),
  z.object({
    ...questionBase,
    kind: z.literal("scale"),
    min: z.number().int().default(0),
    max: z.number().int().default(10),
    minLabel: LocalizedTextSchema.optional(),
    maxLabel: LocalizedTextSchema.optional(),
  }),
]);
export type Question = z.infer<typeof QuestionSchema>;
/** A question as a clinic writes it: defaulted fields may be left out. */
export type QuestionInput = z.input<typeof QuestionSchema>;
export type QuestionKind = Question["kind"];

export const SectionSchema = z.object({ id: IdSchema, title: LocalizedTextSchema, intro: LocalizedTextSchema.optional() });

export const SensitiveAreaConsentSchema = z.object({
  enabled: z.boolean().default(false),
  areas: z.array(OptionSchema).default([]),
});

export const QuestionnaireSchema = z.object({
  sections: z.array(SectionSchema).min(1),
  questions: z.array(QuestionSchema).min(1),
  /** Returning clients get the full form again after this many months (0: every visit). */
  fullFormEveryMonths: z.number().int().min(0).default(12),
  /** Days of slots hidden when the outcome is `postpone`. */
  postponeDays: z.number().int().min(1).max(60).default(3),
  sensitiveAreaConsent: SensitiveAreaConsentSchema.default({ enabled: false, areas: [] }),
});
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;
export type QuestionnaireInput = z.input<typeof QuestionnaireSchema>;

/** One answer on the wire. Dates are "YYYY-MM-DD"; unanswered optional questions are omitted. */
export const AnswerValueSchema = z.union([z.boolean(), z.string().max(5000), z.number(), z.array(z.string().max(200)).max(100)]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;
export const AnswersSchema = z.record(IdSchema, AnswerValueSchema);
export type Answers = z.infer<typeof AnswersSchema>;
