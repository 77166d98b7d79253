import { describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE, validateAnswers } from "../../src/core/screening";
import { HEALTHY_FULL_ANSWERS, HEALTHY_UPDATE_ANSWERS, TODAY } from "./screening-fixtures";

const Q = DEFAULT_QUESTIONNAIRE;

describe("validateAnswers", () => {
  it("accepts a complete full form and keeps only answered questions, cleaned", () => {
    const answers = {
      ...HEALTHY_FULL_ANSWERS,
      "emergency-contact-name": "  Sam Lee \n",
      "main-concern": "   ",
      "focus-areas": ["neck", "upper-back", "neck"],
      "pain-level": 4,
    };
    const result = validateAnswers(Q, answers, "full", TODAY);
    expect(result).toEqual({
      ok: true,
      value: { ...HEALTHY_FULL_ANSWERS, "focus-areas": ["neck", "upper-back"], "pain-level": 4 },
    });
  });

  it("reports every missing required answer at once, at answers.<id>", () => {
    const result = validateAnswers(Q, {}, "full", TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(Object.keys(HEALTHY_FULL_ANSWERS).map((id) => `answers.${id}`));
    for (const error of result.errors) {
      expect(error.code).toBe("required");
      expect(error.message).toBe("Please answer this question.");
    }
  });

  it("checks each answer against its kind, with a code and an English message", () => {
    const answers = {
      ...HEALTHY_FULL_ANSWERS,
      "contagious-illness": "no",
      osteoporosis: "extreme",
      "focus-areas": ["neck", "tail"],
      "visit-goals": "relaxation",
      "main-concern": "x".repeat(501),
      "pain-level": 11,
      pregnant: true,
      "pregnancy-complications": false,
      "pregnancy-weeks": 50,
      "surgery-or-injury": true,
      "surgery-or-injury-date": "2026-02-30",
      "local-skin-or-vein-condition": true,
      "local-condition-areas": [],
    };
    const result = validateAnswers(Q, answers, "full", TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: "answers.visit-goals", code: "invalid-type", message: "Choose from the listed options." },
      { path: "answers.main-concern", code: "too-long", message: "Use at most 500 characters (this answer has 501)." },
      { path: "answers.pain-level", code: "out-of-range", message: "Enter a number from 0 to 10." },
      { path: "answers.contagious-illness", code: "invalid-type", message: "Answer yes or no." },
      { path: "answers.local-condition-areas", code: "required", message: "Please answer this question." },
      { path: "answers.surgery-or-injury-date", code: "invalid-date", message: "Enter a real date as YYYY-MM-DD." },
      { path: "answers.osteoporosis", code: "invalid-option", message: "Choose one of the listed options." },
      { path: "answers.pregnancy-weeks", code: "out-of-range", message: "Enter a number from 1 to 42." },
      { path: "answers.focus-areas", code: "invalid-option", message: 'Choose only from the listed options (not "tail").' },
    ]);
  });

  it("rejects future dates, fractional scale values and non-numbers", () => {
    const answers = {
      ...HEALTHY_FULL_ANSWERS,
      "surgery-or-injury": true,
      "surgery-or-injury-date": "2026-03-11",
      "pain-level": 4.5,
      pregnant: true,
      "pregnancy-complications": false,
      "pregnancy-weeks": "12",
    };
    const result = validateAnswers(Q, answers, "full", TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ["answers.pain-level", "not-integer"],
      ["answers.surgery-or-injury-date", "future-date"],
      ["answers.pregnancy-weeks", "invalid-type"],
    ]);
    const fixed = { ...answers, "surgery-or-injury-date": TODAY, "pain-level": 4, "pregnancy-weeks": 12 };
    expect(validateAnswers(Q, fixed, "full", TODAY).ok).toBe(true);
  });

  it("drops answers to hidden and unknown questions, even invalid ones", () => {
    const answers = {
      ...HEALTHY_FULL_ANSWERS,
      "pregnancy-weeks": 20,
      "allergy-details": 42,
      "changes-since-last-visit": true,
      "shoe-size": 44,
    };
    const result = validateAnswers(Q, answers, "full", TODAY);
    expect(result).toEqual({ ok: true, value: HEALTHY_FULL_ANSWERS });
  });

  it("update form: asks only the short form and drops the history it did not ask", () => {
    const answers = { ...HEALTHY_UPDATE_ANSWERS, osteoporosis: "severe", "emergency-contact-name": "Old Contact" };
    expect(validateAnswers(Q, answers, "update", TODAY)).toEqual({ ok: true, value: HEALTHY_UPDATE_ANSWERS });

    const missing = validateAnswers(Q, { ...HEALTHY_UPDATE_ANSWERS, "changes-since-last-visit": true }, "update", TODAY);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors.map((e) => `${e.path} ${e.code}`)).toEqual(["answers.what-changed required"]);

    const opened = validateAnswers(
      Q,
      { ...HEALTHY_UPDATE_ANSWERS, "changes-since-last-visit": true, "what-changed": ["emergency-contact"] },
      "update",
      TODAY,
    );
    expect(opened.ok).toBe(false);
    if (!opened.ok) {
      expect(opened.errors.map((e) => e.path)).toEqual(["answers.emergency-contact-name", "answers.emergency-contact-phone"]);
    }
  });

  it("does not change the answers it is given", () => {
    const answers = { ...HEALTHY_FULL_ANSWERS, "emergency-contact-name": " Sam ", "pregnancy-weeks": 3 };
    const copy = structuredClone(answers);
    validateAnswers(Q, answers, "full", TODAY);
    expect(answers).toEqual(copy);
  });

  it("throws on a malformed today, which is a bug in the caller", () => {
    expect(() => validateAnswers(Q, {}, "full", "10/03/2026")).toThrow(RangeError);
  });
});
