import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { ConfigError } from '../../config/config.ts';
import type { FieldError } from '../../shared/errors.ts';
import { addDuration, parseDuration } from '../regimes/index.ts';
import { builtinRules } from './violations.builtin.ts';
import { defaultSanctionPolicy, Rule, RulesFile, type SanctionPolicy } from './violations.model.ts';

const ajv = new Ajv({ allErrors: true, strict: false, discriminator: true });
const validateFile = ajv.compile<RulesFile>(RulesFile);
const validateRule = ajv.compile<Rule>(Rule);

export interface RulesCheck {
  /** The file's rules if it is valid. */
  rules: Rule[];
  /** The sanction policy: the file's, over the defaults. */
  sanctions: SanctionPolicy;
  /** Every problem, each with a JSON pointer into the file. */
  problems: FieldError[];
}

export interface RulesCheckOptions {
  /** The configured regime ids; when given, `regimes` must name only these. */
  regimeIds?: readonly string[];
}

function schemaProblems(): FieldError[] {
  return (validateFile.errors ?? []).map((e) => {
    const params = e.params as { additionalProperty?: string; allowedValues?: string[]; tagValue?: unknown };
    if (e.keyword === 'additionalProperties') {
      return { pointer: `${e.instancePath}/${params.additionalProperty}`, detail: 'is not a known property' };
    }
    if (e.keyword === 'discriminator') {
      return { pointer: `${e.instancePath}/kind`, detail: "must be 'obligation' or 'count'" };
    }
    const allowed = params.allowedValues ? ` (${params.allowedValues.join(', ')})` : '';
    return { pointer: e.instancePath || '/', detail: `${e.message ?? 'is invalid'}${allowed}` };
  });
}

const EPOCH = new Date(0);
const DAY_MS = 86_400_000;
const SUSPENSION_MAX_DAYS = 3660;

/** A period we can use: a valid ISO 8601 duration of at least one second. */
function periodProblem(text: string): string | undefined {
  const duration = parseDuration(text);
  if (!duration) return `'${text}' is not an ISO 8601 duration such as PT24H or P90D`;
  if (addDuration(EPOCH, duration).getTime() < 1000) return `'${text}' is shorter than a second`;
  return undefined;
}

/** A suspension needs a period between a day and ten years; the other measures have none. */
function measureProblems(spec: unknown, at: string): FieldError[] {
  const { measure, period } = (spec ?? {}) as { measure?: unknown; period?: unknown };
  if (measure === 'suspension') {
    if (typeof period !== 'string')
      return [{ pointer: `${at}/period`, detail: 'a suspension needs a period, e.g. P6M' }];
    const duration = parseDuration(period);
    if (!duration) return [{ pointer: `${at}/period`, detail: `'${period}' is not an ISO 8601 duration such as P6M` }];
    const days = addDuration(EPOCH, duration).getTime() / DAY_MS;
    if (days < 1) return [{ pointer: `${at}/period`, detail: `'${period}' is shorter than a day` }];
    if (days > SUSPENSION_MAX_DAYS)
      return [{ pointer: `${at}/period`, detail: `'${period}' is longer than ten years` }];
    return [];
  }
  if ((measure === 'warning' || measure === 'revocation') && period !== undefined) {
    return [{ pointer: `${at}/period`, detail: `a ${measure} has no period` }];
  }
  return [];
}

function sanctionProblems(raw: unknown, rules: readonly unknown[]): FieldError[] {
  const policy = ((raw as { sanctions?: Record<string, unknown> } | null)?.sanctions ?? {}) as Record<string, unknown>;
  return [
    ...(['minor', 'major'] as const).flatMap((s) => (policy[s] ? measureProblems(policy[s], `/sanctions/${s}`) : [])),
    ...rules.flatMap((rule, i) => {
      const spec = (rule as { sanction?: unknown } | null)?.sanction;
      return spec ? measureProblems(spec, `/rules/${i}/sanction`) : [];
    }),
  ];
}

/** Periods that parse but cannot work, checked on every rule whatever else is wrong with it. */
function periodProblems(rules: readonly unknown[]): FieldError[] {
  return rules.flatMap((rule, i) => {
    const when = (rule as { when?: Record<string, unknown> } | null)?.when ?? {};
    return (['minLateness', 'within'] as const).flatMap((field) => {
      const value = when[field];
      const detail = typeof value === 'string' ? periodProblem(value) : undefined;
      return detail ? [{ pointer: `/rules/${i}/when/${field}`, detail }] : [];
    });
  });
}

/** What JSON Schema cannot say: unique ids, one lateness threshold, known regimes (for well-formed rules). */
function semanticProblems(rules: readonly (Rule | undefined)[], options: RulesCheckOptions): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  const known = options.regimeIds ? new Set(options.regimeIds) : undefined;
  rules.forEach((rule, i) => {
    if (!rule) return;
    const at = `/rules/${i}`;
    if (seen.has(rule.id)) problems.push({ pointer: `${at}/id`, detail: `'${rule.id}' is defined twice` });
    seen.add(rule.id);
    const when = rule.when;
    if (when.kind === 'obligation' && when.minLateness !== undefined && when.minLatenessSeconds !== undefined) {
      problems.push({
        pointer: `${at}/when/minLatenessSeconds`,
        detail: 'give minLateness or minLatenessSeconds, not both',
      });
    }
    (when.regimes ?? []).forEach((id, j) => {
      if (known && !known.has(id)) {
        problems.push({ pointer: `${at}/when/regimes/${j}`, detail: `'${id}' is not a configured regime` });
      }
    });
  });
  return problems;
}

/**
 * Validates a parsed rules file and lists every problem: the schema's, and the semantic ones of each rule that
 * passes the schema on its own (so one broken rule does not hide another's impossible period).
 */
export function checkRules(raw: unknown, options: RulesCheckOptions = {}): RulesCheck {
  const value = structuredClone(raw);
  const valid = validateFile(value);
  const schema = valid ? [] : schemaProblems();
  const list = (value as { rules?: unknown } | null)?.rules;
  const rules = Array.isArray(list) ? (list as unknown[]) : [];
  const wellFormed = valid ? (rules as Rule[]) : rules.map((r) => (validateRule(r) ? r : undefined));
  const problems = [
    ...schema,
    ...periodProblems(rules),
    ...sanctionProblems(value, rules),
    ...semanticProblems(wellFormed, options),
  ];
  const sanctions = { ...defaultSanctionPolicy, ...((value as RulesFile | null)?.sanctions ?? {}) };
  return { rules: problems.length ? [] : (rules as Rule[]), sanctions, problems };
}

/** Reads and checks a rules file; unreadable or unparsable files are one problem at `/`. */
export function checkRulesFile(file: string, options: RulesCheckOptions = {}): RulesCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const problems = [{ pointer: '/', detail: `cannot read ${file}: ${(error as Error).message}` }];
    return { rules: [], sanctions: defaultSanctionPolicy, problems };
  }
  return checkRules(raw, options);
}

/**
 * The file's rules, which replace the built-ins, and its sanction policy over the defaults; an invalid file is a
 * configuration error (exit 2 at start).
 */
export function loadProgramme(
  file: string | undefined,
  options: RulesCheckOptions = {},
): { rules: Rule[]; sanctions: SanctionPolicy } {
  if (!file) return { rules: [...builtinRules], sanctions: defaultSanctionPolicy };
  const { rules, sanctions, problems } = checkRulesFile(file, options);
  if (problems.length) {
    throw new ConfigError(problems.map((p) => `VIOLATION_RULES_FILE ${file}${p.pointer}: ${p.detail}`));
  }
  return { rules, sanctions };
}

export const loadRules = (file: string | undefined, options: RulesCheckOptions = {}): Rule[] =>
  loadProgramme(file, options).rules;
