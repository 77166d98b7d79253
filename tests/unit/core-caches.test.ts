import { describe, expect, it } from "vitest";
import type { Closure } from "../../src/core/config/schema";
import { DEFAULT_QUESTIONNAIRE, visibleQuestions } from "../../src/core/screening";
import { WHAT_CHANGED_ID } from "../../src/core/screening/default-questions/shared";
import { closedDays } from "../../src/core/slots/availability";
import { dayNumber } from "../../src/core/time";
import { TODAY } from "./screening-fixtures";

// These functions remember what they derive from a config's arrays; a config edited in place
// (the same array, other contents) must never be answered from what was remembered.
describe("derived values remembered per config array", () => {
  const shownIds = (questions: typeof DEFAULT_QUESTIONNAIRE.questions) =>
    visibleQuestions({ ...DEFAULT_QUESTIONNAIRE, questions }, {}, "full", TODAY).map((q) => q.id);

  it("sees questions edited in place", () => {
    const questions = structuredClone(DEFAULT_QUESTIONNAIRE.questions);
    // The full form counts a condition on the update's "what changed" question as met; a
    // condition on a question that is not there hides its question.
    const gated = questions.filter((q) => q.visibleIf?.question === WHAT_CHANGED_ID).map((q) => q.id);
    expect(gated.length).toBeGreaterThan(0);
    expect(shownIds(questions)).toEqual(expect.arrayContaining(gated));
    const whatChanged = questions.find((q) => q.id === WHAT_CHANGED_ID);
    if (!whatChanged) throw new Error("the default questionnaire has no what-changed question");

    whatChanged.id = "renamed";
    expect(shownIds(questions)).not.toEqual(expect.arrayContaining(gated));
    expect(shownIds(questions)).toEqual(shownIds(structuredClone(questions)));
    whatChanged.id = WHAT_CHANGED_ID;
    expect(shownIds(questions)).toEqual(expect.arrayContaining(gated));

    const at = questions.indexOf(whatChanged);
    questions.splice(at, 1);
    expect(shownIds(questions)).toEqual(shownIds(structuredClone(questions)));
    expect(shownIds(questions)).not.toEqual(expect.arrayContaining(gated));
    questions.splice(at, 0, { ...whatChanged });
    expect(shownIds(questions)).toEqual(expect.arrayContaining(gated));
  });

  it("sees closures edited in place", () => {
    const day = (date: string) => dayNumber(date);
    const closures: Closure[] = [{ from: "2026-01-06", to: "2026-01-07" }];
    expect(closedDays(closures)).toEqual([{ start: day("2026-01-06"), end: day("2026-01-08") }]);

    closures.push({ from: "2026-01-08", to: "2026-01-09" });
    expect(closedDays(closures)).toEqual([{ start: day("2026-01-06"), end: day("2026-01-10") }]);
    (closures[0] as Closure).to = "2026-01-06";
    expect(closedDays(closures)).toEqual([
      { start: day("2026-01-06"), end: day("2026-01-07") },
      { start: day("2026-01-08"), end: day("2026-01-10") },
    ]);
    closures.length = 0;
    expect(closedDays(closures)).toEqual([]);
  });
});
