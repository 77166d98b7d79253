import type { Question, Questionnaire } from "../config/questionnaire";
import { withDerived } from "../frozen";

/** A questionnaire frozen with its questions by id, which conditional visibility looks up. */
export type CompiledQuestionnaire = Questionnaire & { readonly questionById: ReadonlyMap<string, Question> };

export function compileQuestionnaire(q: Questionnaire): CompiledQuestionnaire {
  return withDerived(q, "questionById", new Map(q.questions.map((question) => [question.id, question])));
}
