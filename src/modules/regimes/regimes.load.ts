import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { ConfigError } from '../../config/config.ts';
import type { FieldError } from '../../shared/errors.ts';
import { builtinRegimes } from './regimes.builtin.ts';
import { isDuration } from './regimes.duration.ts';
import { type Regime, RegimesFile } from './regimes.model.ts';

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
const validateFile = ajv.compile<RegimesFile>(RegimesFile);

export interface RegimesCheck {
  /** The file's regimes (without the built-ins) if it is valid. */
  regimes: Regime[];
  /** Every problem, each with a JSON pointer into the file. */
  problems: FieldError[];
}

function schemaProblems(): FieldError[] {
  return (validateFile.errors ?? []).map((e) => {
    const extra = (e.params as { additionalProperty?: string }).additionalProperty;
    const allowed = (e.params as { allowedValues?: string[] }).allowedValues;
    return {
      pointer: extra ? `${e.instancePath}/${extra}` : e.instancePath || '/',
      detail:
        e.keyword === 'additionalProperties'
          ? 'is not a known property'
          : `${e.message ?? 'is invalid'}${allowed ? ` (${allowed.join(', ')})` : ''}`,
    };
  });
}

/** Rules JSON Schema cannot say: durations, unique ids and keys, no clash with the built-ins. */
function semanticProblems(regimes: Regime[], reserved: ReadonlySet<string>): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  regimes.forEach((regime, i) => {
    if (reserved.has(regime.id)) {
      problems.push({ pointer: `/regimes/${i}/id`, detail: `'${regime.id}' is a built-in regime; choose another id` });
    } else if (seen.has(regime.id)) {
      problems.push({ pointer: `/regimes/${i}/id`, detail: `'${regime.id}' is defined twice` });
    }
    seen.add(regime.id);
    const keys = new Set<string>();
    regime.obligations.forEach((o, j) => {
      const at = `/regimes/${i}/obligations/${j}`;
      if (keys.has(o.key)) problems.push({ pointer: `${at}/key`, detail: `'${o.key}' is used twice in this regime` });
      keys.add(o.key);
      if (!isDuration(o.period)) {
        problems.push({
          pointer: `${at}/period`,
          detail: `'${o.period}' is not an ISO 8601 duration such as P2D or PT72H`,
        });
      }
    });
  });
  return problems;
}

/** Validates a parsed regimes file: schema first, then the semantic rules; lists every problem. */
export function checkRegimes(raw: unknown): RegimesCheck {
  const value = structuredClone(raw);
  if (!validateFile(value)) return { regimes: [], problems: schemaProblems() };
  const regimes = value.regimes as Regime[];
  const problems = semanticProblems(regimes, new Set(builtinRegimes.map((r) => r.id)));
  return { regimes: problems.length ? [] : regimes, problems };
}

/** Reads and checks a regimes file; unreadable or unparsable files are one problem at `/`. */
export function checkRegimesFile(file: string): RegimesCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { regimes: [], problems: [{ pointer: '/', detail: `cannot read ${file}: ${(error as Error).message}` }] };
  }
  return checkRegimes(raw);
}

/** The built-ins followed by the operator's regimes; an invalid file is a configuration error (exit 2 at start). */
export function loadRegimes(file: string | undefined): Regime[] {
  if (!file) return [...builtinRegimes];
  const { regimes, problems } = checkRegimesFile(file);
  if (problems.length) throw new ConfigError(problems.map((p) => `REGIMES_FILE ${file}${p.pointer}: ${p.detail}`));
  return [...builtinRegimes, ...regimes];
}
