import type { Question, Questionnaire } from "../config/questionnaire";
import { withDerived } from "../frozen";

// A class getter in type only, so that a spread copy, which loses it, is no CompiledQuestionnaire
// (see ClinicConfig in config/compiled.ts).
declare class Indexed {
  get questionById(): ReadonlyMap<string, Question>;
}

/** A questionnaire frozen with its questions by id, which conditional visibility looks up. */
export type CompiledQuestionnaire = Questionnaire & Indexed;

export function compileQuestionnaire(q: Questionnaire): CompiledQuestionnaire {
  return withDerived(q, "questionById", new Map(q.questions.map((question) => [question.id, question])));
}
