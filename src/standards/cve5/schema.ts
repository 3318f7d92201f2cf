import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { CveFieldError } from './cve5.types.ts';

/** The official bundled CVE JSON 5.1 record schema, as CVE Services validates with (vendored, CC0-1.0). */
export const cveSchemaFile = new URL('./schema/CVE_JSON_5.1_bundled.json', import.meta.url);

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  if (!validator) {
    // Stops at the first problem: import only needs to know whether the schema is satisfied, and fast.
    const ajv = new Ajv({ allErrors: false, strict: false, validateFormats: true });
    addFormats.default(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(cveSchemaFile, 'utf8')) as object);
  }
  return validator;
}

/** What the official schema says about `json` (the first problem only); [] when it conforms. */
export function cveSchemaErrors(json: unknown): CveFieldError[] {
  const validate = compile();
  if (validate(json)) return [];
  return (validate.errors ?? []).map((e) => ({ pointer: e.instancePath || '', detail: e.message ?? 'is invalid' }));
}

export const schemaProblems = (json: unknown): number => cveSchemaErrors(json).length;
