import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { CsafDocument } from './csaf.types.ts';
import { productIdsNotDefined } from './product-tree.ts';

/**
 * The official CSAF 2.0 JSON schema (JSON Schema 2020-12) and the FIRST CVSS schemas it references, vendored
 * verbatim in ./schema (OASIS IPR Policy, Non-Assertion Mode; CVSS schemas © FIRST.ORG, BSD-style licence).
 */
const schemaDir = new URL('./schema/', import.meta.url);

// CSAF 2.0 §3.2.3.11 (vulnerabilities[].scores) refers to these by URL; the files carry versioned ids
// ("…cvss-v3.1.json?20211103") and older drafts (04 and 07), so we register them under the referenced URL as plain
// subschemas: their keywords (type, enum, pattern, required, $ref to #/definitions) mean the same in 2020-12.
const cvssSchemas = [
  ['cvss-v2.0.json', 'https://www.first.org/cvss/cvss-v2.0.json'],
  ['cvss-v3.0.json', 'https://www.first.org/cvss/cvss-v3.0.json'],
  ['cvss-v3.1.json', 'https://www.first.org/cvss/cvss-v3.1.json'],
] as const;

export interface CsafFieldError {
  /** JSON pointer into the uploaded document. */
  pointer: string;
  detail: string;
}
export type ParseCsafResult = { ok: true; doc: CsafDocument } | { ok: false; errors: CsafFieldError[] };

const maxErrors = 50;
let validator: ValidateFunction | undefined;

const readSchema = (file: string) =>
  JSON.parse(readFileSync(new URL(file, schemaDir), 'utf8')) as Record<string, unknown>;

function compile(): ValidateFunction {
  if (validator) return validator;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  for (const [file, id] of cvssSchemas) {
    const { $schema: _draft, id: _oldId, $id: _id, ...schema } = readSchema(file);
    ajv.addSchema({ ...schema, $id: id });
  }
  validator = ajv.compile(readSchema('csaf_json_schema.json'));
  return validator;
}

function toFieldError(e: ErrorObject): CsafFieldError {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required')
    return { pointer: `${e.instancePath}/${params.missingProperty}`, detail: 'is required' };
  if (e.keyword === 'additionalProperties') {
    return { pointer: `${e.instancePath}/${params.additionalProperty}`, detail: 'is not allowed here' };
  }
  if (e.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
    return { pointer: e.instancePath, detail: `must be one of ${allowed}` };
  }
  return { pointer: e.instancePath, detail: e.message ?? 'is invalid' };
}

function schemaErrors(validate: ValidateFunction): CsafFieldError[] {
  const seen = new Set<string>();
  const errors: CsafFieldError[] = [];
  for (const e of validate.errors ?? []) {
    // oneOf/anyOf only summarise their branches' errors, which are listed too.
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
    const error = toFieldError(e);
    const key = `${error.pointer} ${error.detail}`;
    if (!seen.has(key) && errors.length < maxErrors) errors.push(error);
    seen.add(key);
  }
  return errors;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates an uploaded CSAF 2.0 document: the official schema, then the product-id checks the mapping relies on
 * (§6.1.1 Missing Definition of Product ID). Errors carry JSON pointers into the document.
 */
export function parseCsaf(json: unknown): ParseCsafResult {
  if (!isObject(json))
    return { ok: false, errors: [{ pointer: '', detail: 'not a CSAF document: expected a JSON object' }] };
  const version = isObject(json.document) ? json.document.csaf_version : undefined;
  if (version === undefined) {
    return {
      ok: false,
      errors: [{ pointer: '/document/csaf_version', detail: 'not a CSAF document (document.csaf_version is missing)' }],
    };
  }
  if (version !== '2.0') {
    const detail = `unsupported CSAF version ${JSON.stringify(version)} (expected "2.0")`;
    return { ok: false, errors: [{ pointer: '/document/csaf_version', detail }] };
  }
  const validate = compile();
  if (!validate(json)) return { ok: false, errors: schemaErrors(validate) };
  const doc = json as unknown as CsafDocument;
  const undefinedIds = productIdsNotDefined(doc);
  if (undefinedIds.length > 0) return { ok: false, errors: undefinedIds.slice(0, maxErrors) };
  return { ok: true, doc };
}

/** `parseCsaf` for the raw text of an upload: JSON syntax errors become a validation error too. */
export function parseCsafText(text: string): ParseCsafResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ pointer: '', detail: `not valid JSON: ${(error as Error).message}` }] };
  }
  return parseCsaf(json);
}
