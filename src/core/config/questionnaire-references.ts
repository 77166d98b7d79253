import { isRecord, listOf, numberAt, recordsAt, stringAt, type Loose, type ReportIssue } from "./shape";

/** Which matcher fits which kind of answer; a rule with any other can never fire. */
const MATCHERS_BY_KIND: Record<string, readonly string[]> = {
  "yes-no": ["equals"],
  "single-choice": ["equals"],
  "multi-choice": ["includesAny"],
  "body-areas": ["includesAny"],
  text: [],
  date: ["withinDays"],
  number: ["equals", "atLeast"],
  scale: ["equals", "atLeast"],
};
const MATCHERS = ["equals", "includesAny", "atLeast", "withinDays"] as const;
const CHOICE_KINDS = new Set(["single-choice", "multi-choice", "body-areas"]);

interface KnownQuestion {
  kind: string;
  options: Set<string>;
}

/**
 * Sections and conditions must point at questions that exist and come earlier, and a
 * triage rule must be able to match: a misspelt option value would silently let a
 * contraindication through.
 */
export function checkQuestionnaireReferences(questionnaire: unknown, report: ReportIssue): void {
  if (!isRecord(questionnaire)) return;
  const sectionIds = new Set<string>();
  for (const [section, i] of recordsAt(questionnaire, "sections")) {
    const id = stringAt(section, "id");
    if (id !== undefined && sectionIds.has(id)) report(["questionnaire", "sections", i, "id"], `duplicate section id "${id}"`);
    if (id !== undefined) sectionIds.add(id);
  }

  const allIds = new Set(recordsAt(questionnaire, "questions").flatMap(([q]) => stringAt(q, "id") ?? []));
  const earlier = new Map<string, KnownQuestion>();
  for (const [question, i] of recordsAt(questionnaire, "questions")) {
    const at = ["questionnaire", "questions", i];
    const id = stringAt(question, "id");
    const kind = stringAt(question, "kind") ?? "";
    const options = optionValues(question, [...at, "options"], report);
    if (id !== undefined && earlier.has(id)) report([...at, "id"], `duplicate question id "${id}"`);

    const section = stringAt(question, "section");
    if (section !== undefined && !sectionIds.has(section)) report([...at, "section"], `unknown section "${section}"; known: ${listOf(sectionIds)}`);

    const condition = question["visibleIf"];
    const target = stringAt(condition, "question");
    if (target !== undefined) {
      const known = earlier.get(target);
      if (known) checkMatcher(condition, known, [...at, "visibleIf"], report);
      else report([...at, "visibleIf", "question"], laterOrUnknown(target, id, allIds, earlier));
    }

    for (const [rule, j] of recordsAt(question, "triage")) {
      checkMatcher(rule["when"], { kind, options }, [...at, "triage", j, "when"], report);
    }
    if (kind === "number" || kind === "scale") checkRange(question, at, report);
    if (id !== undefined && !earlier.has(id)) earlier.set(id, { kind, options });
  }

  const consent = questionnaire["sensitiveAreaConsent"];
  optionValues(consent, ["questionnaire", "sensitiveAreaConsent", "areas"], report, "areas");
}

function laterOrUnknown(target: string, self: string | undefined, allIds: Set<string>, earlier: Map<string, KnownQuestion>): string {
  if (target === self) return `expected the id of an earlier question, got "${target}", this question itself`;
  if (allIds.has(target)) return `expected the id of an earlier question, got "${target}", which comes later`;
  return `expected the id of an earlier question, got unknown question "${target}"; earlier: ${listOf(earlier.keys())}`;
}

function optionValues(owner: unknown, path: PropertyKey[], report: ReportIssue, key = "options"): Set<string> {
  const values = new Set<string>();
  for (const [option, i] of recordsAt(owner, key)) {
    const value = stringAt(option, "value");
    if (value === undefined) continue;
    if (values.has(value)) report([...path, i, "value"], `duplicate option value "${value}"`);
    values.add(value);
  }
  return values;
}

function checkMatcher(matcher: unknown, question: KnownQuestion, path: PropertyKey[], report: ReportIssue): void {
  if (!isRecord(matcher)) return;
  const allowed = MATCHERS_BY_KIND[question.kind];
  if (allowed === undefined) return;
  for (const name of MATCHERS) {
    if (matcher[name] === undefined) continue;
    if (!allowed.includes(name)) {
      const fits = allowed.length === 0 ? "nothing" : allowed.join(" or ");
      report([...path, name], `a ${question.kind} answer can only be matched with ${fits}, got ${name}`);
      continue;
    }
    if (name === "equals") checkEquals(matcher["equals"], question, [...path, name], report);
    if (name === "includesAny") checkChoices(matcher, question, [...path, name], report);
  }
}

function checkEquals(value: unknown, question: KnownQuestion, path: PropertyKey[], report: ReportIssue): void {
  if (question.kind === "yes-no" && typeof value !== "boolean") {
    report(path, `expected true or false for a yes-no question, got ${JSON.stringify(value)}`);
  } else if (question.kind === "single-choice" && (typeof value !== "string" || !question.options.has(value))) {
    report(path, `expected one of the question's option values (${listOf(question.options)}), got ${JSON.stringify(value)}`);
  } else if ((question.kind === "number" || question.kind === "scale") && typeof value !== "number") {
    report(path, `expected a number, got ${JSON.stringify(value)}`);
  }
}

function checkChoices(matcher: Loose, question: KnownQuestion, path: PropertyKey[], report: ReportIssue): void {
  if (!CHOICE_KINDS.has(question.kind)) return;
  const values = matcher["includesAny"];
  if (!Array.isArray(values)) return;
  values.forEach((value: unknown, i) => {
    if (typeof value === "string" && !question.options.has(value)) {
      report([...path, i], `expected one of the question's option values (${listOf(question.options)}), got "${value}"`);
    }
  });
}

function checkRange(question: Loose, at: PropertyKey[], report: ReportIssue): void {
  const min = numberAt(question, "min");
  const max = numberAt(question, "max");
  if (min === undefined || max === undefined) return;
  if (question["kind"] === "scale" ? min >= max : min > max) {
    report([...at, "max"], `expected max ${question["kind"] === "scale" ? "above" : "at least"} min (${min}), got ${max}`);
  }
}
