import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  QuestionnaireSchema,
  TRIAGE_OUTCOMES,
  type AnswerMatcher,
  type AnswerValue,
  type Question,
  type Questionnaire,
  type TriageOutcome,
} from "../../src/core/config/questionnaire";
import { DEFAULT_QUESTIONNAIRE, compileQuestionnaire, nextStepsFor, triage, type AnswersInput, type CompiledQuestionnaire } from "../../src/core/screening";
import { addDays } from "../../src/core/time";
import { TODAY } from "./screening-fixtures";

type Kind = "yes-no" | "multi-choice" | "body-areas" | "number" | "scale" | "date";
const OPTIONS = ["a", "b", "c", "d"];
const rank = (outcome: TriageOutcome) => TRIAGE_OUTCOMES.indexOf(outcome);
const worst = (outcomes: TriageOutcome[]): TriageOutcome => TRIAGE_OUTCOMES[Math.max(0, ...outcomes.map(rank))] ?? "ok";

const valuesOf = (question: Question): string[] => ("options" in question ? question.options.map((o) => o.value) : []);

/** A well-formed answer of the question's kind. */
function answerArb(question: Question): fc.Arbitrary<AnswerValue> {
  switch (question.kind) {
    case "yes-no":
      return fc.boolean();
    case "single-choice":
      return fc.constantFrom(...valuesOf(question));
    case "multi-choice":
    case "body-areas":
      return fc.subarray(valuesOf(question));
    case "text":
      return fc.string({ maxLength: 8 });
    case "date":
      return fc.integer({ min: 0, max: 120 }).map((back) => addDays(TODAY, -back));
    case "number":
      return fc.integer({ min: question.min ?? -2, max: question.max ?? 12 });
    case "scale":
      return fc.integer({ min: question.min, max: question.max });
  }
}

function answersArb(q: Questionnaire): fc.Arbitrary<Partial<Record<string, AnswerValue>>> {
  const fields = Object.fromEntries(q.questions.map((question) => [question.id, answerArb(question)]));
  return fc.record(fields, { requiredKeys: [] });
}

/**
 * An answer at least as worrying as `current`: a yes, more ticked boxes, a higher number, a more
 * recent date. Null for kinds without an order (single choice, text).
 */
function worseAnswerArb(question: Question, current: unknown): fc.Arbitrary<AnswerValue> | null {
  switch (question.kind) {
    case "yes-no":
      return fc.constant(true);
    case "multi-choice":
    case "body-areas":
      return fc.subarray(valuesOf(question)).map((extra) => [...new Set([...((current as string[] | undefined) ?? []), ...extra])]);
    case "number":
    case "scale":
      return typeof current === "number" ? fc.nat(15).map((up) => current + up) : answerArb(question);
    case "date":
      return typeof current === "string" ? fc.nat(60).map((later) => addDays(current, later)) : answerArb(question);
    case "single-choice":
    case "text":
      return null;
  }
}

const monotoneMatcherArb = (kind: Kind): fc.Arbitrary<AnswerMatcher> => {
  switch (kind) {
    case "yes-no":
      return fc.constant({ equals: true });
    case "multi-choice":
    case "body-areas":
      return fc.subarray(OPTIONS, { minLength: 1 }).map((includesAny) => ({ includesAny }));
    case "number":
    case "scale":
      return fc.integer({ min: 0, max: 10 }).map((atLeast) => ({ atLeast }));
    case "date":
      return fc.integer({ min: 1, max: 60 }).map((withinDays) => ({ withinDays }));
  }
};

/** Questionnaires whose rules and conditions all get more likely to match as answers get worse. */
const questionnaireArb: fc.Arbitrary<CompiledQuestionnaire> = fc
  .array(fc.constantFrom<Kind>("yes-no", "multi-choice", "body-areas", "number", "scale", "date"), {
    minLength: 1,
    maxLength: 8,
  })
  .chain((kinds) =>
    fc.tuple(
      ...kinds.map((kind, index) => {
        const parentArb =
          index === 0 ? fc.constant(null) : fc.option(fc.integer({ min: 0, max: index - 1 }), { nil: null });
        return parentArb.chain((parent) =>
          fc.record({
            id: fc.constant(`q${index}`),
            section: fc.constant("s"),
            label: fc.constant(`Question ${index}`),
            kind: fc.constant(kind),
            askEveryVisit: fc.boolean(),
            onlyInUpdate: fc.boolean(),
            marksAreasToAvoid: fc.boolean(),
            visibleIf:
              parent === null
                ? fc.constant(undefined)
                : monotoneMatcherArb(kinds[parent] ?? "yes-no").map((m) => ({ ...m, question: `q${parent}` })),
            triage: fc.array(
              fc.record({
                when: monotoneMatcherArb(kind),
                outcome: fc.constantFrom("caution", "postpone", "clearance", "contact-clinic"),
                reason: fc.constantFrom("r1", "r2", "r3"),
              }),
              { maxLength: 2 },
            ),
          }),
        );
      }),
    ),
  )
  .map((questions) =>
    compileQuestionnaire(QuestionnaireSchema.parse({
      sections: [{ id: "s", title: "S" }],
      // Zod strips the keys a kind does not have (options, marksAreasToAvoid) from the others.
      questions: questions.map((question) => ({ ...question, options: OPTIONS.map((value) => ({ value, label: value })) })),
    })),
  );

const defaultCase = answersArb(DEFAULT_QUESTIONNAIRE).map((answers) => ({ q: DEFAULT_QUESTIONNAIRE, answers }));
const generatedCase = questionnaireArb.chain((q) => answersArb(q).map((answers) => ({ q, answers })));
const cases = [
  ["the default questionnaire", defaultCase],
  ["generated questionnaires", generatedCase],
] as const;

/** One case plus one answer made worse. */
const worsenedArb = (caseArb: typeof defaultCase) =>
  caseArb.chain(({ q, answers }) => {
    const orderable = q.questions.filter((question) => worseAnswerArb(question, undefined) !== null);
    if (orderable.length === 0) return fc.constant({ q, answers, worse: answers });
    return fc.constantFrom(...orderable).chain((question) => {
      const arb = worseAnswerArb(question, answers[question.id]) ?? fc.constant(true);
      return arb.map((value) => ({ q, answers, worse: { ...answers, [question.id]: value } }));
    });
  });

function ancestorsOf(q: Questionnaire, question: Question): string[] {
  const byId = new Map(q.questions.map((x) => [x.id, x]));
  const chain: string[] = [];
  for (let parent = question.visibleIf?.question; parent !== undefined; parent = byId.get(parent)?.visibleIf?.question) {
    chain.push(parent);
  }
  return chain;
}

const pick = (answers: AnswersInput, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => Object.hasOwn(answers, k)).map((k) => [k, answers[k]]));

describe.each(cases)("triage properties on %s", (_name, caseArb) => {
  it("never gets milder when an answer gets worse, and loses no reason or area", () => {
    fc.assert(
      fc.property(worsenedArb(caseArb), ({ q, answers, worse }) => {
        const before = triage(q, answers, TODAY);
        const after = triage(q, worse, TODAY);
        expect(rank(after.outcome)).toBeGreaterThanOrEqual(rank(before.outcome));
        for (const reason of before.reasons) expect(after.reasons).toContainEqual(reason);
        for (const area of before.areasToAvoid) expect(after.areasToAvoid).toContain(area);
        if (before.postponeUntil !== null) expect(after.postponeUntil).toBe(before.postponeUntil);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the most severe of the outcomes each question gives on its own", () => {
    fc.assert(
      fc.property(caseArb, ({ q, answers }) => {
        // Each question screened alone, with only the answers that make it visible.
        const perQuestion = q.questions.map(
          (question) => triage(q, pick(answers, [question.id, ...ancestorsOf(q, question)]), TODAY).outcome,
        );
        expect(triage(q, answers, TODAY).outcome).toBe(worst(perQuestion));
      }),
      { numRuns: 200 },
    );
  });

  it("agrees with its own reasons and always offers a next step", () => {
    fc.assert(
      fc.property(caseArb, ({ q, answers }) => {
        const result = triage(q, answers, TODAY);
        expect(result.outcome).toBe(worst(result.reasons.map((r) => r.outcome)));
        expect(result.explanationKey).toBe(`triage.${result.outcome}`);
        expect(result.nextSteps.length).toBeGreaterThan(0);
        expect(result.nextSteps).toEqual(nextStepsFor(result.outcome));
        const postpones = result.reasons.some((r) => r.outcome === "postpone");
        expect(result.postponeUntil).toBe(postpones ? addDays(TODAY, q.postponeDays) : null);
      }),
      { numRuns: 200 },
    );
  });
});

describe("triage on arbitrary input", () => {
  it("never throws and always offers a next step, whatever the answers hold", () => {
    const junkAnswers = fc.dictionary(
      fc.constantFrom(...DEFAULT_QUESTIONNAIRE.questions.map((q) => q.id), "unknown", "__proto__", "constructor"),
      fc.anything(),
    );
    fc.assert(
      fc.property(junkAnswers, (answers) => {
        const result = triage(DEFAULT_QUESTIONNAIRE, answers, TODAY);
        expect(TRIAGE_OUTCOMES).toContain(result.outcome);
        expect(result.nextSteps.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
