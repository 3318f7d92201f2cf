import cvssLib from 'ae-cvss-calculator';

/**
 * CVSS v3.0 / v3.1 / v4.0 vectors: strict validation, then scoring by ae-cvss-calculator (metæffekt).
 *
 * The library scores whatever it is given: a missing base metric silently scores 0, `AV:X` in the base group is
 * accepted, a repeated metric overwrites the earlier one and a vector without prefix is taken as v3.1. So we check
 * the vector first, using the library's own metric tables (names, values, groups), and only then let it score.
 */

export const severities = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];
export type CvssVersion = '3.0' | '3.1' | '4.0';

export interface CvssScore {
  version: CvssVersion;
  baseScore: number;
  severity: Severity;
  /** Canonical metric order, metrics set to X (Not Defined) left out. */
  vector: string;
}
export type CvssResult = ({ ok: true } & CvssScore) | { ok: false; problem: string };

type Calculator =
  | InstanceType<typeof cvssLib.Cvss3P0>
  | InstanceType<typeof cvssLib.Cvss3P1>
  | InstanceType<typeof cvssLib.Cvss4P0>;

interface MetricTable {
  /** Metric short names in the canonical vector-string order. */
  order: string[];
  allowed: Map<string, string[]>;
  mandatory: string[];
}

const calculators: Record<CvssVersion, () => Calculator> = {
  '3.0': () => new cvssLib.Cvss3P0(),
  '3.1': () => new cvssLib.Cvss3P1(),
  '4.0': () => new cvssLib.Cvss4P0(),
};

// CVSS v4.0 §2.2 Table "Subsequent System Impact": SC/SI/SA take H, L, N. The library also lets them take S
// (Safety), which the specification allows only for the modified metrics MSI/MSA (§4.2).
const v40BaseRestrictions: Record<string, string[]> = { SC: ['H', 'L', 'N'], SI: ['H', 'L', 'N'], SA: ['H', 'L', 'N'] };

const tables = new Map<CvssVersion, MetricTable>();

function metricTable(version: CvssVersion): MetricTable {
  const cached = tables.get(version);
  if (cached) return cached;
  const calculator = calculators[version]();
  const groups =
    calculator instanceof cvssLib.Cvss4P0
      ? calculator.getVectorStringOrderProperties()
      : calculator.getRegisteredComponents();
  const table: MetricTable = { order: [], allowed: new Map(), mandatory: [] };
  for (const [category, components] of groups) {
    const isBase = category.name === 'base';
    for (const component of components) {
      let values = component.values.map((v) => v.shortName);
      // Base metrics have no "Not Defined" value (v3.1 §2, v4.0 §2): they are mandatory.
      if (isBase) values = values.filter((v) => v !== 'X');
      if (version === '4.0' && isBase) values = v40BaseRestrictions[component.shortName] ?? values;
      table.order.push(component.shortName);
      table.allowed.set(component.shortName, values);
      if (isBase) table.mandatory.push(component.shortName);
    }
  }
  tables.set(version, table);
  return table;
}

/** Qualitative severity rating scale, CVSS v3.1 §5 (v4.0 uses the same bands). */
export function severityOf(score: number): Severity {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

const prefix = /^CVSS:(3\.0|3\.1|4\.0)\//;

/** Checks the metrics of a vector; returns the metrics by name, or the first problem found. */
function parseMetrics(version: CvssVersion, body: string): Map<string, string> | string {
  const table = metricTable(version);
  const metrics = new Map<string, string>();
  for (const part of body.split('/')) {
    const match = /^([A-Za-z]+):([A-Za-z]+)$/.exec(part);
    if (!match) return part === '' ? "empty metric (stray '/')" : `malformed metric '${part}' (expected NAME:VALUE)`;
    const [, name = '', value = ''] = match;
    const allowed = table.allowed.get(name);
    if (!allowed) return `unknown metric '${name}' for CVSS ${version}`;
    if (metrics.has(name)) return `metric ${name} is given more than once`;
    if (!allowed.includes(value)) return `${name} has invalid value '${value}' (allowed: ${allowed.join(', ')})`;
    metrics.set(name, value);
  }
  const missing = table.mandatory.filter((name) => !metrics.has(name));
  if (missing.length === 1) return `missing mandatory metric ${missing[0]}`;
  if (missing.length > 1) return `missing mandatory metrics ${missing.join(', ')}`;
  return metrics;
}

function canonicalVector(version: CvssVersion, metrics: Map<string, string>): string {
  const parts = metricTable(version)
    .order.filter((name) => metrics.has(name) && metrics.get(name) !== 'X')
    .map((name) => `${name}:${metrics.get(name)}`);
  return `CVSS:${version}/${parts.join('/')}`;
}

/** Validates a CVSS v3.0, v3.1 or v4.0 vector string and computes its base score and severity. */
export function scoreCvss(vector: string): CvssResult {
  const match = prefix.exec(vector);
  if (!match) return { ok: false, problem: 'not a CVSS vector (must start with CVSS:3.1/ or CVSS:4.0/)' };
  const version = match[1] as CvssVersion;
  const metrics = parseMetrics(version, vector.slice(match[0].length));
  if (typeof metrics === 'string') return { ok: false, problem: metrics };
  const normalised = canonicalVector(version, metrics);
  const calculator = calculators[version]();
  try {
    calculator.applyVector(normalised);
  } catch (error) {
    // Unreachable after parseMetrics unless the library's tables and its parser disagree.
    return { ok: false, problem: `CVSS ${version} vector rejected: ${(error as Error).message}` };
  }
  const scores = calculator.calculateScores();
  // v4.0: the library's `base` already folds in threat metrics (CVSS-BT); CVSS-B is `baseMetricsOnly`.
  const raw = 'baseMetricsOnly' in scores ? scores.baseMetricsOnly : scores.base;
  const baseScore = raw ?? 0;
  return { ok: true, version, baseScore, severity: severityOf(baseScore), vector: normalised };
}
