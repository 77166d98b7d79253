import { withDerived } from "../frozen";
import { compileQuestionnaire, type CompiledQuestionnaire } from "../screening/compiled";
import { DEFAULT_QUESTIONNAIRE } from "../screening/defaults";
import { closedDays, planWeek, type WeekdayPlan } from "../slots/plan";
import type { Interval } from "../time";
import type { ClinicConfigData, Service, Therapist } from "./schema";

/** What the engines look up in a clinic's config, built once when it is compiled. */
export interface ConfigIndex {
  serviceById: ReadonlyMap<string, Service>;
  therapistById: ReadonlyMap<string, Therapist>;
  /** Per therapist id: Monday-first weekday plans (hours with breaks taken out). */
  weekPlans: ReadonlyMap<string, readonly WeekdayPlan[]>;
  /** Per therapist id: the clinic's and the therapist's closures as merged day-number intervals. */
  closedDays: ReadonlyMap<string, readonly Interval[]>;
  /** The clinic's questionnaire, or the default one. */
  questionnaire: CompiledQuestionnaire;
}

/**
 * The index as a class getter, in type only: TypeScript leaves class getters out of a spread's
 * type, as the run time leaves out the non-enumerable index, so `{ ...config, booking }` is not a
 * `ClinicConfig` and must go through `compileConfig` again.
 */
declare class Indexed {
  get index(): ConfigIndex;
}

/**
 * A checked config, frozen, with its index (non-enumerable, so JSON and equality see the config
 * alone). Made by `parseClinicConfig`, or `compileConfig` for data that is already checked.
 */
export type ClinicConfig = ClinicConfigData & Indexed;

export function compileConfig(data: ClinicConfigData): ClinicConfig {
  const clinicClosed = closedDays(data.closures);
  const index: ConfigIndex = {
    serviceById: new Map(data.services.map((service) => [service.id, service])),
    therapistById: new Map(data.therapists.map((therapist) => [therapist.id, therapist])),
    weekPlans: new Map(data.therapists.map((therapist) => [therapist.id, planWeek(therapist)])),
    closedDays: new Map(
      data.therapists.map((therapist) => [
        therapist.id,
        therapist.closures.length === 0 ? clinicClosed : closedDays([...data.closures, ...therapist.closures]),
      ]),
    ),
    questionnaire: data.questionnaire ? compileQuestionnaire(data.questionnaire) : DEFAULT_QUESTIONNAIRE,
  };
  return withDerived(data, "index", index);
}
