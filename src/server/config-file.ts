import { readFile } from "node:fs/promises";
import { formatIssues, parseClinicConfig, type ClinicConfig } from "../core/config";
import { unknownConfigKeys, type UnknownKey } from "../core/config/unknown-keys";

/** The config cannot be used; `message` is exactly the lines an operator needs to fix it. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export async function loadClinicConfig(path: string): Promise<ClinicConfig> {
  return (await readClinicConfig(path)).config;
}

export interface ReadConfig {
  config: ClinicConfig;
  /** Keys of the file the schema ignored: the config is used without them. */
  unknownKeys: UnknownKey[];
}

export async function readClinicConfig(path: string): Promise<ReadConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    throw new ConfigError(`(file): cannot read ${path} (${code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`(file): ${path} is not valid JSON (${error instanceof Error ? error.message : "parse error"})`);
  }
  const parsed = parseClinicConfig(json);
  if (!parsed.ok) throw new ConfigError(formatIssues(parsed.errors));
  return { config: parsed.value, unknownKeys: unknownConfigKeys(json) };
}
