import { createHash } from 'node:crypto';
import { addDuration, parseDuration } from '../regimes/index.ts';
import {
  type CountCondition,
  type ObligationCondition,
  type Rule,
  severityAtLeast,
  type ViolationSeverity,
} from './violations.model.ts';

/** An obligation in breach, as the engine sees it (the repository joins the report's severity and ref). */
export interface ObligationFact {
  id: string;
  orgId: string;
  reportId: string;
  regimeId: string;
  status: string;
  dueAt: Date | null;
  metAt: Date | null;
  latenessSeconds: number | null;
  reportSeverity: string;
  obligationKey?: string;
  reportRef?: string | null;
  /** Ids of the count rules whose violations already include this obligation: it is not counted again. */
  countedBy?: readonly string[];
}

export interface CandidateViolation {
  ruleId: string;
  orgId: string;
  severity: ViolationSeverity;
  /** Stable for the same rule and obligations: the database opens each violation once (unique dedupe_key). */
  dedupeKey: string;
  /** Sorted. */
  obligationIds: string[];
  summary: string;
}

const HOUR = 3600;
function describeSeconds(seconds: number): string {
  if (seconds >= 2 * 24 * HOUR) return `${Math.floor(seconds / (24 * HOUR))} days`;
  if (seconds >= 2 * HOUR) return `${Math.floor(seconds / HOUR)} hours`;
  return `${Math.max(1, Math.floor(seconds / 60))} minutes`;
}

/** Seconds past due: fixed once met late; for a missed obligation it grows, so it is taken as of `now`. */
export function latenessAt(o: ObligationFact, now: Date): number {
  const stored = o.latenessSeconds ?? 0;
  if (o.status !== 'missed' || !o.dueAt) return stored;
  return Math.max(stored, Math.floor((now.getTime() - o.dueAt.getTime()) / 1000));
}

/** When it counts as a breach: the moment it fell due. */
const breachedAt = (o: ObligationFact): number => o.dueAt?.getTime() ?? Number.NaN;

function matchesFilters(rule: Rule, o: ObligationFact): boolean {
  const w = rule.when;
  if (!(w.statuses as readonly string[]).includes(o.status) || !o.dueAt) return false;
  if (w.regimes && !w.regimes.includes(o.regimeId)) return false;
  return !w.reportSeverityAtLeast || severityAtLeast(o.reportSeverity, w.reportSeverityAtLeast);
}

/** "Late by more than": lateness past `dueAt + minLateness` (calendar-aware) or past `minLatenessSeconds`. */
function lateEnough(when: ObligationCondition, o: ObligationFact, now: Date): boolean {
  const lateness = latenessAt(o, now);
  if (lateness <= 0) return false;
  if (when.minLatenessSeconds !== undefined) return lateness > when.minLatenessSeconds;
  const duration = when.minLateness ? parseDuration(when.minLateness) : undefined;
  if (!duration || !o.dueAt) return true;
  return o.dueAt.getTime() + lateness * 1000 > addDuration(o.dueAt, duration).getTime();
}

function perObligation(rule: Rule & { when: ObligationCondition }, facts: readonly ObligationFact[], now: Date) {
  return facts
    .filter((o) => matchesFilters(rule, o) && lateEnough(rule.when, o, now))
    .map(
      (o): CandidateViolation => ({
        ruleId: rule.id,
        orgId: o.orgId,
        severity: rule.severity,
        dedupeKey: `rule:${rule.id}:obligation:${o.id}`,
        obligationIds: [o.id],
        summary:
          `${rule.name}: ${o.regimeId}${o.obligationKey ? `/${o.obligationKey}` : ''} of report ` +
          `${o.reportRef ?? o.reportId} ${o.status === 'missed' ? 'missed, overdue' : 'late'} by ` +
          `${describeSeconds(latenessAt(o, now))}`,
      }),
    );
}

const byBreach = (a: ObligationFact, b: ObligationFact) =>
  breachedAt(a) - breachedAt(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The key of a counted set: its sorted obligation ids, hashed so any `atLeast` fits a btree index entry. */
export const countKey = (ruleId: string, orgId: string, sortedIds: readonly string[]): string =>
  `rule:${ruleId}:org:${orgId}:set:${createHash('sha256').update(sortedIds.join(',')).digest('hex')}`;

/**
 * Disjoint sets of `atLeast` obligations, each falling due within `within` of its first, taken greedily in due
 * order from obligations no earlier violation of this rule counted. One violation per set.
 */
function perCount(rule: Rule & { when: CountCondition }, facts: readonly ObligationFact[]) {
  const { atLeast, within } = rule.when;
  const duration = parseDuration(within);
  if (!duration) return [];
  const byOrg = new Map<string, ObligationFact[]>();
  for (const o of facts) {
    if (!matchesFilters(rule, o) || o.countedBy?.includes(rule.id)) continue;
    byOrg.set(o.orgId, [...(byOrg.get(o.orgId) ?? []), o]);
  }
  const candidates: CandidateViolation[] = [];
  for (const [orgId, list] of byOrg) {
    const sorted = [...list].sort(byBreach);
    let i = 0;
    while (i + atLeast <= sorted.length) {
      const first = sorted[i]!;
      const last = sorted[i + atLeast - 1]!;
      if (breachedAt(last) > addDuration(first.dueAt!, duration).getTime()) {
        i += 1;
        continue;
      }
      const ids = sorted
        .slice(i, i + atLeast)
        .map((o) => o.id)
        .sort();
      candidates.push({
        ruleId: rule.id,
        orgId,
        severity: rule.severity,
        dedupeKey: countKey(rule.id, orgId, ids),
        obligationIds: ids,
        summary: `${rule.name}: ${atLeast} obligations ${rule.when.statuses.join(' or ')} falling due between ${first.dueAt!.toISOString()} and ${last.dueAt!.toISOString()}`,
      });
      i += atLeast;
    }
  }
  return candidates;
}

/**
 * The violations the rules find in these obligations as of `now`. Pure and deterministic: the same input gives
 * the same dedupe keys, so the caller can insert them all and let the unique key drop those already opened.
 */
export function evaluateRules(
  rules: readonly Rule[],
  obligations: readonly ObligationFact[],
  now: Date,
): CandidateViolation[] {
  return rules.flatMap((rule) =>
    rule.when.kind === 'obligation'
      ? perObligation(rule as Rule & { when: ObligationCondition }, obligations, now)
      : perCount(rule as Rule & { when: CountCondition }, obligations),
  );
}
