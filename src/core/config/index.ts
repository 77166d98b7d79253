export * from "./primitives";
export * from "./deals";
export * from "./questionnaire";
export * from "./schema";
export * from "./errors";
export { readableErrorMap } from "./messages";
export * from "./parse";
export { compileConfig, type ClinicConfig, type ConfigIndex } from "./compiled";
