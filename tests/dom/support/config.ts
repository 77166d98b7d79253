import demo from "../../../demo/clinic.json";
import { parseClinicConfig, type ClinicConfig, type ClinicConfigInput } from "../../../src/core/config";

/** Tuesday 1 December 2026, 09:00 in Halifax (UTC−4). */
export const NOW = new Date("2026-12-01T13:00:00.000Z");

/** The demo clinic, optionally changed for one test. */
export function demoConfig(change: (input: ClinicConfigInput) => void = () => {}): ClinicConfig {
  const input = structuredClone(demo) as ClinicConfigInput;
  change(input);
  const parsed = parseClinicConfig(input);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join("\n"));
  return parsed.value;
}
