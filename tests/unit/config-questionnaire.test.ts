import { describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "../../src/core/screening";
import { configProblems as problems, demoWith } from "./fixtures/demo-clinic";

const QUESTIONNAIRE_SECTIONS = [{ id: "health", title: "Health" }];

describe("a clinic's own questionnaire", () => {
  const yesNo = (id: string, extra: Record<string, unknown> = {}) => ({ id, section: "health", label: id, kind: "yes-no", ...extra });
  const withQuestions = (questions: unknown[]) => demoWith({ questionnaire: { sections: QUESTIONNAIRE_SECTIONS, questions } });

  it("a condition may only look at an earlier question", () => {
    const config = withQuestions([
      yesNo("pregnant", { visibleIf: { question: "weeks-known", equals: true } }),
      yesNo("weeks-known", { visibleIf: { question: "weeks-known", equals: true } }),
      yesNo("trimester", { visibleIf: { question: "due-date", equals: true } }),
    ]);
    expect(problems(config)).toEqual([
      'questionnaire.questions[0].visibleIf.question: expected the id of an earlier question, got "weeks-known", which comes later',
      'questionnaire.questions[1].visibleIf.question: expected the id of an earlier question, got "weeks-known", this question itself',
      'questionnaire.questions[2].visibleIf.question: expected the id of an earlier question, got unknown question "due-date"; earlier: "pregnant", "weeks-known"',
    ]);
  });

  it("duplicate question ids and unknown sections", () => {
    const config = withQuestions([yesNo("fever"), yesNo("fever"), { ...yesNo("dvt"), section: "history" }]);
    expect(problems(config)).toEqual([
      'questionnaire.questions[1].id: duplicate question id "fever"',
      'questionnaire.questions[2].section: unknown section "history"; known: "health"',
    ]);
  });

  it("a triage rule that could never fire: a misspelt option, a matcher the answer kind cannot meet", () => {
    const config = withQuestions([
      {
        id: "skin",
        section: "health",
        label: "Skin",
        kind: "multi-choice",
        options: [
          { value: "open-wound", label: "Open wound" },
          { value: "bruise", label: "Bruise" },
        ],
        triage: [{ when: { includesAny: ["open-wounds"] }, outcome: "caution", reason: "skin" }],
      },
      yesNo("fever", { triage: [{ when: { atLeast: 38 }, outcome: "postpone", reason: "fever" }] }),
      yesNo("dvt", { triage: [{ when: { equals: "yes" }, outcome: "contact-clinic", reason: "dvt" }] }),
    ]);
    expect(problems(config)).toEqual([
      'questionnaire.questions[0].triage[0].when.includesAny[0]: expected one of the question\'s option values ("open-wound", "bruise"), got "open-wounds"',
      "questionnaire.questions[1].triage[0].when.atLeast: a yes-no answer can only be matched with equals, got atLeast",
      'questionnaire.questions[2].triage[0].when.equals: expected true or false for a yes-no question, got "yes"',
    ]);
  });

  it("the default questionnaire passes the same checks as a clinic's own", () => {
    expect(problems(demoWith({ questionnaire: structuredClone(DEFAULT_QUESTIONNAIRE) }))).toEqual([]);
  });
});
