import { describe, expect, it } from "vitest";
import type { LocalizedText } from "../../src/core/config/primitives";
import { QuestionnaireSchema, type Questionnaire, type QuestionnaireInput } from "../../src/core/config/questionnaire";
import { ClinicConfigSchema, compileConfig } from "../../src/core/config";
import { demoClinicInput } from "./fixtures/demo-clinic";
import {
  compileQuestionnaire,
  type CompiledQuestionnaire,
  DEFAULT_QUESTIONNAIRE,
  DEFAULT_QUESTIONNAIRE_INPUT,
  needsFullForm,
  questionnaireOf,
  visibleQuestions,
} from "../../src/core/screening";
import { HEALTHY_UPDATE_ANSWERS, TODAY } from "./screening-fixtures";

const Q = DEFAULT_QUESTIONNAIRE;
const ids = (questions: { id: string }[]) => questions.map((q) => q.id);
const questionnaire = (input: Omit<QuestionnaireInput, "sections">): CompiledQuestionnaire =>
  compileQuestionnaire(QuestionnaireSchema.parse({ sections: [{ id: "s", title: "S" }], ...input }));

function localizedTexts(q: Questionnaire): { where: string; text: LocalizedText }[] {
  const found: { where: string; text: LocalizedText }[] = [];
  const add = (where: string, text: LocalizedText | undefined) => {
    if (text !== undefined) found.push({ where, text });
  };
  for (const s of q.sections) {
    add(`section ${s.id} title`, s.title);
    add(`section ${s.id} intro`, s.intro);
  }
  for (const question of q.questions) {
    add(`${question.id} label`, question.label);
    add(`${question.id} help`, question.help);
    if ("options" in question) for (const o of question.options) add(`${question.id} option ${o.value}`, o.label);
    if (question.kind === "scale") {
      add(`${question.id} minLabel`, question.minLabel);
      add(`${question.id} maxLabel`, question.maxLabel);
    }
    if (question.kind === "number") add(`${question.id} unit`, question.unit);
  }
  for (const area of q.sensitiveAreaConsent.areas) add(`sensitive area ${area.value}`, area.label);
  return found;
}

describe("default questionnaire", () => {
  it("parses with QuestionnaireSchema", () => {
    const parsed = QuestionnaireSchema.safeParse(DEFAULT_QUESTIONNAIRE_INPUT);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(DEFAULT_QUESTIONNAIRE);
  });

  it("has every client-facing text in English and French", () => {
    const texts = localizedTexts(Q);
    expect(texts.length).toBeGreaterThan(100);
    for (const { where, text } of texts) {
      expect(typeof text, where).toBe("object");
      const { en, fr } = text as Record<string, string>;
      expect(en?.trim(), `${where} (en)`).toBeTruthy();
      expect(fr?.trim(), `${where} (fr)`).toBeTruthy();
      expect(fr, `${where}: French is a copy of the English`).not.toBe(en);
    }
  });

  it("has unique ids, known sections, and conditions on earlier questions only", () => {
    const sectionIds = new Set(Q.sections.map((s) => s.id));
    const earlier = new Set<string>();
    for (const question of Q.questions) {
      expect(earlier.has(question.id), `duplicate ${question.id}`).toBe(false);
      expect(sectionIds.has(question.section), question.id).toBe(true);
      if (question.visibleIf) expect(earlier.has(question.visibleIf.question), question.id).toBe(true);
      if ("options" in question) {
        const values = question.options.map((o) => o.value);
        expect(new Set(values).size, question.id).toBe(values.length);
      }
      earlier.add(question.id);
    }
    for (const section of Q.sections) {
      expect(Q.questions.some((q) => q.section === section.id), `empty section ${section.id}`).toBe(true);
    }
  });

  it("asks nothing routine infection control or treatment does not need", () => {
    const forbidden = /\b(hiv|vih|aids|sida|std|sti)\b|hepatit|hépatit|depress|anxi|mental|psych|suicid|sexual/i;
    for (const { where, text } of localizedTexts(Q)) {
      for (const value of Object.values(text)) expect(value, where).not.toMatch(forbidden);
    }
  });

  it("asks current-health contraindications, blood thinners and pregnancy every visit", () => {
    const everyVisit = ids(Q.questions.filter((q) => q.askEveryVisit));
    expect(everyVisit).toEqual([
      "visit-goals",
      "main-concern",
      "pain-level",
      "contagious-illness",
      "local-skin-or-vein-condition",
      "local-condition-areas",
      "blood-clot-now",
      "uncontrolled-blood-pressure",
      "surgery-or-injury",
      "recent-fracture",
      "pregnant",
      "blood-thinners",
    ]);
  });

  it("ships the Ontario sensitive areas with consent off", () => {
    expect(Q.sensitiveAreaConsent.enabled).toBe(false);
    expect(Q.sensitiveAreaConsent.areas.map((a) => a.value)).toEqual([
      "gluteals",
      "upper-inner-thigh",
      "chest-wall",
      "breast",
    ]);
    expect(Q.postponeDays).toBe(3);
    expect(Q.fullFormEveryMonths).toBe(12);
  });

  it("is what questionnaireOf returns unless the clinic has its own", () => {
    const base = ClinicConfigSchema.parse(demoClinicInput());
    expect(questionnaireOf(compileConfig({ ...base, questionnaire: undefined }))).toBe(Q);
    const own = questionnaire({ questions: [{ id: "a", section: "s", kind: "yes-no", label: "A?" }] });
    expect(questionnaireOf(compileConfig({ ...base, questionnaire: own }))).toEqual(own);
  });
});

describe("visibleQuestions", () => {
  it("full form: every question but the update gate, follow-ups only when opened", () => {
    const shown = ids(visibleQuestions(Q, {}, "full"));
    expect(shown).not.toContain("changes-since-last-visit");
    expect(shown).not.toContain("what-changed");
    expect(shown).toEqual(expect.arrayContaining(["osteoporosis", "medications", "avoid-areas", "emergency-contact-phone"]));
    for (const followUp of ["local-condition-areas", "surgery-or-injury-date", "pregnancy-weeks", "allergy-details"]) {
      expect(shown).not.toContain(followUp);
    }
  });

  it("opens follow-ups on yes, in questionnaire order", () => {
    const shown = ids(visibleQuestions(Q, { pregnant: true, "product-allergies": true }, "full"));
    expect(shown.slice(shown.indexOf("pregnant"), shown.indexOf("pregnant") + 3)).toEqual([
      "pregnant",
      "pregnancy-weeks",
      "pregnancy-complications",
    ]);
    expect(shown).toContain("allergy-details");
    expect(ids(visibleQuestions(Q, { pregnant: "yes" }, "full"))).not.toContain("pregnancy-weeks");
  });

  it("update form without changes: the gate and the every-visit questions", () => {
    expect(ids(visibleQuestions(Q, HEALTHY_UPDATE_ANSWERS, "update"))).toEqual([
      "changes-since-last-visit",
      "visit-goals",
      "main-concern",
      "pain-level",
      "contagious-illness",
      "local-skin-or-vein-condition",
      "blood-clot-now",
      "uncontrolled-blood-pressure",
      "surgery-or-injury",
      "recent-fracture",
      "pregnant",
      "blood-thinners",
    ]);
  });

  it("update form: a yes opens only the sections that changed, and their follow-ups", () => {
    const gateOnly = ids(visibleQuestions(Q, { "changes-since-last-visit": true }, "update"));
    expect(gateOnly).toContain("what-changed");
    expect(gateOnly).not.toContain("medications");

    const answers = { "changes-since-last-visit": true, "what-changed": ["allergies"], "product-allergies": true };
    const shown = ids(visibleQuestions(Q, answers, "update"));
    expect(shown).toEqual(expect.arrayContaining(["what-changed", "product-allergies", "allergy-details"]));
    expect(shown).not.toContain("medications");
    expect(shown).not.toContain("osteoporosis");

    // The same answers behind a closed gate: the whole chain disappears.
    const closed = ids(visibleQuestions(Q, { ...answers, "changes-since-last-visit": false }, "update"));
    expect(closed).not.toContain("what-changed");
    expect(closed).not.toContain("product-allergies");
    expect(closed).not.toContain("allergy-details");
  });

  it("update form: follow-ups of every-visit questions open as in the full form", () => {
    const shown = ids(visibleQuestions(Q, { ...HEALTHY_UPDATE_ANSWERS, "surgery-or-injury": true }, "update"));
    expect(shown).toEqual(expect.arrayContaining(["surgery-or-injury-date", "surgery-or-injury-details"]));
  });

  it("hides a question whose condition refers to a hidden, later or unknown question", () => {
    const chain = questionnaire({
      questions: [
        { id: "a", section: "s", kind: "yes-no", label: "A?" },
        { id: "b", section: "s", kind: "yes-no", label: "B?", visibleIf: { question: "a", equals: true } },
        { id: "c", section: "s", kind: "text", label: "C", visibleIf: { question: "b", equals: true } },
        { id: "d", section: "s", kind: "text", label: "D", visibleIf: { question: "e", equals: true } },
        { id: "e", section: "s", kind: "yes-no", label: "E?" },
        { id: "f", section: "s", kind: "text", label: "F", visibleIf: { question: "nope", equals: true } },
      ],
    });
    expect(ids(visibleQuestions(chain, { a: true, b: true, e: true }, "full"))).toEqual(["a", "b", "c", "e"]);
    expect(ids(visibleQuestions(chain, { a: false, b: true, e: true }, "full"))).toEqual(["a", "e"]);
  });

  it("evaluates withinDays conditions against today when given", () => {
    const dated = questionnaire({
      questions: [
        { id: "when", section: "s", kind: "date", label: "When?" },
        { id: "how", section: "s", kind: "text", label: "How?", visibleIf: { question: "when", withinDays: 7 } },
      ],
    });
    expect(ids(visibleQuestions(dated, { when: "2026-03-03" }, "full", TODAY))).toContain("how");
    expect(ids(visibleQuestions(dated, { when: "2026-03-02" }, "full", TODAY))).not.toContain("how");
    expect(ids(visibleQuestions(dated, { when: "2026-03-02" }, "full"))).toContain("how");
    expect(ids(visibleQuestions(dated, { when: "soon" }, "full"))).not.toContain("how");
  });
});

describe("needsFullForm", () => {
  const yearly = Q;
  const everyVisit = { ...Q, fullFormEveryMonths: 0 };

  it("asks new clients and clients without a recorded full intake for the full form", () => {
    expect(needsFullForm(yearly, { isNewClient: true, lastFullIntake: TODAY, today: TODAY })).toBe(true);
    expect(needsFullForm(yearly, { isNewClient: false, today: TODAY })).toBe(true);
  });

  it("asks again once fullFormEveryMonths have passed", () => {
    expect(needsFullForm(yearly, { isNewClient: false, lastFullIntake: "2025-03-11", today: TODAY })).toBe(false);
    expect(needsFullForm(yearly, { isNewClient: false, lastFullIntake: "2025-03-10", today: TODAY })).toBe(true);
    expect(needsFullForm(everyVisit, { isNewClient: false, lastFullIntake: TODAY, today: TODAY })).toBe(true);
  });

  it("clamps to the end of a shorter month and treats unreadable dates as due", () => {
    const monthly = { ...Q, fullFormEveryMonths: 1 };
    expect(needsFullForm(monthly, { isNewClient: false, lastFullIntake: "2026-01-31", today: "2026-02-27" })).toBe(false);
    expect(needsFullForm(monthly, { isNewClient: false, lastFullIntake: "2026-01-31", today: "2026-02-28" })).toBe(true);
    expect(needsFullForm(yearly, { isNewClient: false, lastFullIntake: "last spring", today: TODAY })).toBe(true);
  });
});
