import type { Questionnaire } from "../config/questionnaire";
import { addMonths, dayNumberOrNull, type LocalDate } from "../time/local-date";

/** "full": first visit or periodic review. "update": a returning client's short form. */
export type IntakeMode = "full" | "update";

export interface FullFormContext {
  isNewClient: boolean;
  /** Day the client last completed the full form, in the clinic's calendar. */
  lastFullIntake?: LocalDate | undefined;
  today: LocalDate;
}

/**
 * Whether a client must fill the full form rather than the update. When in doubt (no record of a
 * full intake, or a date that cannot be read) the answer is yes: asking too much is safer than
 * missing a condition.
 */
export function needsFullForm(q: Questionnaire, context: FullFormContext): boolean {
  const { isNewClient, lastFullIntake, today } = context;
  if (isNewClient || lastFullIntake === undefined) return true;
  if (q.fullFormEveryMonths === 0) return true;
  const todayDay = dayNumberOrNull(today);
  if (todayDay === null || dayNumberOrNull(lastFullIntake) === null) return true;
  const due = dayNumberOrNull(addMonths(lastFullIntake, q.fullFormEveryMonths));
  return due === null || todayDay >= due;
}
