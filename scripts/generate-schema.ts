import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CLINIC_CONFIG_JSON_SCHEMA_PATH, renderClinicConfigJsonSchema } from "./clinic-config-json-schema";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const target = resolve(root, CLINIC_CONFIG_JSON_SCHEMA_PATH);

mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderClinicConfigJsonSchema());
console.log(`wrote ${CLINIC_CONFIG_JSON_SCHEMA_PATH}`);
