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
    equals: z.optional(z.union([z.boolean(), z.string(), z.number()])),
    includesAny: z.optional(z.array(z.string()).check(z.minLength(1))),
    atLeast: z.optional(z.number()),
    withinDays: z.optional(z.number().check(z.int(), z.positive())),
  })
  .check(
    z.refine((m) => [m.equals, m.includesAny, m.atLeast, m.withinDays].filter((v) => v !== undefined).length === 1, {
      error: "expected exactly one of equals, includesAny, atLeast, withinDays",
    }),
  );
export type AnswerMatcher = z.infer<typeof AnswerMatcherSchema>;

/** Shown only when an earlier question's answer matches. */
export const VisibilityConditionSchema = z.intersection(AnswerMatcherSchema, z.object({ question: IdSchema }));
export type VisibilityCondition = z.infer<typeof VisibilityConditionSchema>;

/** Every outcome a rule can raise: "ok" is what no rule firing means. */
const RULE_OUTCOMES = TRIAGE_OUTCOMES.filter((o): o is Exclude<TriageOutcome, "ok"> => o !== "ok");

export const TriageRuleSchema = z.object({
  when: AnswerMatcherSchema,
  outcome: z.enum(RULE_OUTCOMES),
  /** Stable code for the condition ("dvt", "fever"), shown to the clinic and translated for the client. */
  reason: IdSchema,
});
export type TriageRule = z.infer<typeof TriageRuleSchema>;

export const OptionSchema = z.object({ value: IdSchema, label: LocalizedTextSchema });

const questionBase = {
  id: IdSchema,
  section: IdSchema,
  label: LocalizedTextSchema,
  help: z.optional(LocalizedTextSchema),
  required: z._default(z.boolean(), false),
  visibleIf: z.optional(VisibilityConditionSchema),
  /** Asked of returning clients too, not only at the full (first-visit or periodic) intake. */
  askEveryVisit: z._default(z.boolean(), false),
  /**
   * Asked only in the returning client's update, e.g. the "anything changed since your last visit?" gate.
   * The full form skips it, and a `visibleIf` on it counts as met there: the full form asks everything the
   * gate could open.
   */
  onlyInUpdate: z.optional(z.boolean()),
  triage: z._default(z.array(TriageRuleSchema), []),
};

export const QuestionSchema = z.discriminatedUnion("kind", [
  z.object({ ...questionBase, kind: z.literal("yes-no") }),
  z.object({ ...questionBase, kind: z.literal("single-choice"), options: z.array(OptionSchema).check(z.minLength(2)) }),
  z.object({ ...questionBase, kind: z.literal("multi-choice"), options: z.array(OptionSchema).check(z.minLength(1)) }),
  z.object({
    ...questionBase,
    kind: z.literal("body-areas"),
    options: z.array(OptionSchema).check(z.minLength(1)),
    /** The chosen areas are ones the therapist must not treat: triage lists them in `areasToAvoid`. */
    marksAreasToAvoid: z.optional(z.boolean()),
  }),
  z.object({
    ...questionBase,
    kind: z.literal("text"),
    multiline: z._default(z.boolean(), false),
    maxLength: z._default(z.number().check(z.int(), z.positive(), z.lte(5000)), 1000),
  }),
  z.object({ ...questionBase, kind: z.literal("date") }),
  z.object({
    ...questionBase,
    kind: z.literal("number"),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    unit: z.optional(LocalizedTextSchema),
  }),
  z.object({
    ...questionBase,
    kind: z.literal("scale"),
    min: z._default(z.number().check(z.int()), 0),
    max: z._default(z.number().check(z.int()), 10),
    minLabel: z.optional(LocalizedTextSchema),
    maxLabel: z.optional(LocalizedTextSchema),
  }),
]);
export type Question = z.infer<typeof QuestionSchema>;
/** A question as a clinic writes it: defaulted fields may be left out. */
export type QuestionInput = z.input<typeof QuestionSchema>;
export type QuestionKind = Question["kind"];

export const SectionSchema = z.object({ id: IdSchema, title: LocalizedTextSchema, intro: z.optional(LocalizedTextSchema) });

export const SensitiveAreaConsentSchema = z.object({
  enabled: z._default(z.boolean(), false),
  areas: z._default(z.array(OptionSchema), []),
});

export const QuestionnaireSchema = z.object({
  sections: z.array(SectionSchema).check(z.minLength(1)),
  questions: z.array(QuestionSchema).check(z.minLength(1)),
  /** Returning clients get the full form again after this many months (0: every visit). */
  fullFormEveryMonths: z._default(z.number().check(z.int(), z.gte(0)), 12),
  /** Days of slots hidden when the outcome is `postpone`. */
  postponeDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(60)), 3),
  sensitiveAreaConsent: z._default(SensitiveAreaConsentSchema, { enabled: false, areas: [] }),
});
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;
export type QuestionnaireInput = z.input<typeof QuestionnaireSchema>;

/** One answer on the wire. Dates are "YYYY-MM-DD"; unanswered optional questions are omitted. */
export const AnswerValueSchema = z.union([
  z.boolean(),
  z.string().check(z.maxLength(5000)),
  z.number(),
  z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100)),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;
export const AnswersSchema = z.record(IdSchema, AnswerValueSchema);
export type Answers = z.infer<typeof AnswersSchema>;
