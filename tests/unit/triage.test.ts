import { describe, expect, it } from "vitest";
import { QuestionnaireSchema, TRIAGE_OUTCOMES, type Answers } from "../../src/core/config/questionnaire";
import { DEFAULT_QUESTIONNAIRE, compileQuestionnaire, nextStepsFor, triage, type AnswersInput } from "../../src/core/screening";
import { HEALTHY_FULL_ANSWERS, HEALTHY_UPDATE_ANSWERS, TODAY } from "./screening-fixtures";

const Q = DEFAULT_QUESTIONNAIRE;
const screen = (changes: Answers) => triage(Q, { ...HEALTHY_FULL_ANSWERS, ...changes }, TODAY);

describe("triage: the SPEC's contraindication table with the default questionnaire", () => {
  const rows: { condition: string; answers: Answers; outcome: string; reason: string }[] = [
    { condition: "fever or contagious illness", answers: { "contagious-illness": true }, outcome: "postpone", reason: "contagious-illness" },
    { condition: "blood clot now or suspected", answers: { "blood-clot-now": true }, outcome: "contact-clinic", reason: "blood-clot" },
    {
      condition: "surgery or injury 42 days ago",
      answers: { "surgery-or-injury": true, "surgery-or-injury-date": "2026-01-27" },
      outcome: "clearance",
      reason: "recent-surgery-or-injury",
    },
    { condition: "severe osteoporosis", answers: { osteoporosis: "severe" }, outcome: "clearance", reason: "severe-osteoporosis" },
    {
      condition: "uncontrolled high blood pressure",
      answers: { "uncontrolled-blood-pressure": true },
      outcome: "clearance",
      reason: "uncontrolled-blood-pressure",
    },
    { condition: "recent fracture", answers: { "recent-fracture": true }, outcome: "clearance", reason: "recent-fracture" },
    { condition: "blood thinners", answers: { "blood-thinners": true }, outcome: "clearance", reason: "blood-thinners" },
    {
      condition: "local wound, skin condition, bruise or varicose veins",
      answers: { "local-skin-or-vein-condition": true, "local-condition-areas": ["left-lower-leg"] },
      outcome: "caution",
      reason: "local-condition",
    },
    { condition: "pregnancy", answers: { pregnant: true, "pregnancy-complications": false }, outcome: "caution", reason: "pregnancy" },
    { condition: "diabetes", answers: { diabetes: true }, outcome: "caution", reason: "diabetes" },
    {
      condition: "allergy to oils or lotions",
      answers: { "product-allergies": true, "allergy-details": "almond oil: hives" },
      outcome: "caution",
      reason: "product-allergy",
    },
  ];

  it.each(rows)("$condition → $outcome", ({ answers, outcome, reason }) => {
    const result = screen(answers);
    expect(result.outcome).toBe(outcome);
    expect(result.reasons).toContainEqual(expect.objectContaining({ reason, outcome }));
    expect(result.explanationKey).toBe(`triage.${outcome}`);
    expect(result.nextSteps).toEqual(nextStepsFor(result.outcome));
  });

  it("none → ok, book normally", () => {
    expect(screen({})).toEqual({
      outcome: "ok",
      reasons: [],
      explanationKey: "triage.ok",
      nextSteps: ["book"],
      postponeUntil: null,
      areasToAvoid: [],
    });
  });

  it("postpone hides the next postponeDays: slots from today + 3", () => {
    const result = screen({ "contagious-illness": true });
    expect(result.postponeUntil).toBe("2026-03-13");
    expect(result.nextSteps).toEqual(["book-after-postpone"]);
    const week = triage(compileQuestionnaire({ ...Q, postponeDays: 7 }), { "contagious-illness": true }, "2026-12-28");
    expect(week.postponeUntil).toBe("2027-01-04");
  });

  it("surgery or injury more than 6 weeks ago is a caution, not a clearance", () => {
    const result = screen({ "surgery-or-injury": true, "surgery-or-injury-date": "2026-01-26" });
    expect(result.outcome).toBe("caution");
    expect(result.reasons).toEqual([{ questionId: "surgery-or-injury", reason: "surgery-or-injury", outcome: "caution" }]);
  });

  it("a treated blood clot in the past is a caution, never a refusal", () => {
    expect(screen({ "blood-clot-history": true }).outcome).toBe("caution");
  });

  it("pregnancy complications need clearance; osteoporosis that is not severe is a caution", () => {
    expect(screen({ pregnant: true, "pregnancy-complications": true }).outcome).toBe("clearance");
    expect(screen({ osteoporosis: "not-severe" }).outcome).toBe("caution");
  });
});

describe("triage: combining answers", () => {
  it("takes the most severe outcome and keeps every reason", () => {
    const result = screen({ diabetes: true, "contagious-illness": true, "blood-thinners": true });
    expect(result.outcome).toBe("clearance");
    expect(result.reasons.map((r) => `${r.reason}:${r.outcome}`)).toEqual([
      "contagious-illness:postpone",
      "diabetes:caution",
      "blood-thinners:clearance",
    ]);
    expect(result.nextSteps).toEqual(["confirm-clearance", "request-callback"]);
    // The illness still hides the next days even though clearance is what the client sees.
    expect(result.postponeUntil).toBe("2026-03-13");

    const withClot = screen({ diabetes: true, "contagious-illness": true, "blood-clot-now": true });
    expect(withClot.outcome).toBe("contact-clinic");
    expect(withClot.nextSteps).toEqual(["request-callback"]);
  });

  it("lists areas to avoid from caution body-area questions and the areas-to-avoid question, once each", () => {
    const result = screen({
      "local-skin-or-vein-condition": true,
      "local-condition-areas": ["left-lower-leg", "right-lower-leg", "not-an-area"],
      "avoid-areas": ["left-foot", "left-lower-leg"],
      "focus-areas": ["neck"],
    });
    expect(result.outcome).toBe("caution");
    expect(result.areasToAvoid).toEqual(["left-lower-leg", "right-lower-leg", "left-foot"]);
  });

  it("records areas to avoid for a body-area question whose caution rule matched", () => {
    const q = compileQuestionnaire(QuestionnaireSchema.parse({
      sections: [{ id: "s", title: "S" }],
      questions: [
        {
          id: "scars",
          section: "s",
          kind: "body-areas",
          label: "Scars?",
          options: [
            { value: "arm", label: "Arm" },
            { value: "leg", label: "Leg" },
          ],
          triage: [{ when: { includesAny: ["arm", "leg"] }, outcome: "caution", reason: "scar" }],
        },
      ],
    }));
    expect(triage(q, { scars: ["leg"] }, TODAY).areasToAvoid).toEqual(["leg"]);
  });

  it("ignores answers to questions the client could not see", () => {
    const hidden = screen({
      "pregnancy-complications": true,
      "surgery-or-injury-date": "2026-03-01",
      "local-condition-areas": ["neck"],
    });
    expect(hidden.outcome).toBe("ok");
    expect(hidden.areasToAvoid).toEqual([]);
  });

  it("counts history answers even behind a closed update gate: a stale answer is safer counted", () => {
    const result = triage(Q, { ...HEALTHY_UPDATE_ANSWERS, osteoporosis: "severe" }, TODAY);
    expect(result.outcome).toBe("clearance");
  });

  it("counts a date after today as recent", () => {
    expect(screen({ "surgery-or-injury": true, "surgery-or-injury-date": "2026-04-01" }).outcome).toBe("clearance");
  });
});

describe("triage: never crashes on unexpected answers", () => {
  const junk: unknown[] = [null, undefined, "yes", 1, -1, Number.NaN, {}, [], [null, 3], "2026-13-01", { equals: true }];

  it.each(junk.map((value) => ({ value })))("treats $value as matching nothing", ({ value }) => {
    const answers: AnswersInput = Object.fromEntries(Q.questions.map((q) => [q.id, value]));
    const result = triage(Q, answers, TODAY);
    expect(TRIAGE_OUTCOMES).toContain(result.outcome);
    expect(result.nextSteps.length).toBeGreaterThan(0);
  });

  it("reads only the answers' own properties", () => {
    const q = compileQuestionnaire(QuestionnaireSchema.parse({
      sections: [{ id: "s", title: "S" }],
      questions: [
        { id: "constructor", section: "s", kind: "yes-no", label: "?", triage: [{ when: { equals: true }, outcome: "caution", reason: "x" }] },
      ],
    }));
    expect(triage(q, {}, TODAY).outcome).toBe("ok");
    expect(triage(q, Object.create({ constructor: true }) as AnswersInput, TODAY).outcome).toBe("ok");
  });

  it("throws on a malformed today, which is a bug in the caller", () => {
    expect(() => triage(Q, {}, "2026-3-10")).toThrow(RangeError);
  });
});

describe("nextStepsFor", () => {
  it("gives every outcome a way forward", () => {
    expect(Object.fromEntries(TRIAGE_OUTCOMES.map((o) => [o, nextStepsFor(o)]))).toEqual({
      ok: ["book"],
      caution: ["book"],
      postpone: ["book-after-postpone"],
      clearance: ["confirm-clearance", "request-callback"],
      "contact-clinic": ["request-callback"],
    });
  });
});
