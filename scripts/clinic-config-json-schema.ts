import { z } from "../src/core/zod";
import {
  AnswerMatcherSchema,
  ClinicConfigSchema,
  ClosureSchema,
  DealSchema,
  IdSchema,
  LocalDateSchema,
  LocalizedTextSchema,
  MinorUnitsSchema,
  OptionSchema,
  QuestionSchema,
  ServiceSchema,
  TherapistSchema,
  WallIntervalSchema,
  WallTimeSchema,
  WeeklyHoursSchema,
} from "../src/core/config";

/** Where the generated file lives, relative to the project root. */
export const CLINIC_CONFIG_JSON_SCHEMA_PATH = "schema/clinic-config.schema.json";

/** Shared sub-schemas written once under `$defs`, with names an editor can show. */
const DEFINITION_NAMES = new Map<z.core.$ZodType, string>([
  [IdSchema, "Id"],
  [LocalizedTextSchema, "LocalizedText"],
  [MinorUnitsSchema, "MinorUnits"],
  [WallTimeSchema, "WallTime"],
  [LocalDateSchema, "LocalDate"],
  [WallIntervalSchema, "WallInterval"],
  [WeeklyHoursSchema, "WeeklyHours"],
  [ClosureSchema, "Closure"],
  [ServiceSchema, "Service"],
  [TherapistSchema, "Therapist"],
  [DealSchema, "Deal"],
  [QuestionSchema, "Question"],
  [AnswerMatcherSchema, "AnswerMatcher"],
  [OptionSchema, "Option"],
]);

/**
 * The descriptions written next to the schemas in core, plus a `$defs` name for the shared
 * ones. Kept out of the global registry so the widget's schemas carry no generator-only ids.
 */
class NamedDefinitionsRegistry extends z.core.$ZodRegistry<z.core.JSONSchemaMeta> {
  override get<S extends z.core.$ZodType>(schema: S): z.core.JSONSchemaMeta | undefined {
    const inherited = z.globalRegistry.get(schema);
    const id = DEFINITION_NAMES.get(schema);
    return id === undefined ? inherited : { ...inherited, id };
  }
}

/**
 * The JSON Schema editors use to check and complete a clinic's config. Generated from
 * the zod schema so the two never drift; it covers structure only, and refinements
 * (known time zone, cross-references...) are left to `parseClinicConfig`.
 */
export function buildClinicConfigJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ClinicConfigSchema, {
    target: "draft-2020-12",
    // What a clinic writes, so fields with defaults are optional.
    io: "input",
    metadata: new NamedDefinitionsRegistry(),
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: "Clinic booking widget configuration",
    description:
      "One clinic's services, prices, therapists' hours, closures, booking rules, deals, questionnaire, " +
      "submission endpoint and policies. Generated from ClinicConfigSchema by `npm run schema`; do not edit by hand.",
    ...rest,
  };
}

/** The file's exact text: two-space JSON with a final newline. */
export function renderClinicConfigJsonSchema(): string {
  return `${JSON.stringify(buildClinicConfigJsonSchema(), null, 2)}\n`;
}
