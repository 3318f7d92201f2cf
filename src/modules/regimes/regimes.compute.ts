import { addDuration, parseDuration } from './regimes.duration.ts';
import {
  type Conditions,
  type Exploitation,
  type ObligationSpec,
  type Regime,
  type Severity,
  type Stage,
  severityRank,
  stages,
  type Trigger,
} from './regimes.model.ts';

type TimelineTrigger = Exclude<Trigger, 'receivedAt'>;

/** What the obligations of one report are computed from: its facts as they stand now. */
export interface ReportFacts {
  reportId: string;
  /** The reporting organisation: the one bound by its assigned regimes. */
  orgId: string;
  receivedAt: Date;
  timeline: Partial<Record<TimelineTrigger, Date | null>>;
  /** What set a timestamp when it is not the report's own (e.g. `evidence:upstream_report:<id>`). */
  timelineSources?: Partial<Record<TimelineTrigger, string>>;
  /** none | poc | active (a KEV listing counts as active: the caller decides). */
  exploitation: Exploitation | (string & {});
  /** none | low | medium | high | critical | unknown */
  severity: Severity | (string & {});
  tier: string;
  tlp: string;
  cveId: string | null;
  /** The report's current content (ReportInput-shaped): conditions look at its products. */
  content: ReportContent;
}

export type ReportContent = Record<string, unknown> & {
  products?: readonly { vendor: string; product: string; purl?: string | null | undefined }[];
};

/** One received submission stage, with the report content as it stood with it (ReportInput-shaped). */
export interface SubmissionFacts {
  id: string;
  stage: Stage;
  receivedAt: Date;
  content: ReportContent;
}

export const obligationStatuses = ['pending', 'met', 'late', 'missed'] as const;
export type ObligationStatus = (typeof obligationStatuses)[number];

export interface ComputedObligation {
  regimeId: string;
  obligationKey: string;
  title: string;
  stage: Stage;
  trigger: Trigger;
  triggerAt: Date | null;
  /** The report's own timestamp field, or the evidence that moved it earlier. */
  triggerSource: string | null;
  dueAt: Date | null;
  metAt: Date | null;
  metBySubmissionId: string | null;
  status: ObligationStatus;
  /** 0 when met in time, metAt − dueAt when late, now − dueAt when missed; null while pending. */
  latenessSeconds: number | null;
  /** Required fields the latest submission of a satisfying stage lacks (empty once met). */
  missingFields: string[];
}

export interface ComputeInput {
  report: ReportFacts;
  submissions: readonly SubmissionFacts[];
  regimes: readonly Regime[];
  now: Date;
}

/** The purl type (`pkg:maven/…` → maven), lower-cased. */
const purlType = (purl: string | null | undefined) =>
  /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\//.exec(purl ?? '')?.[1]?.toLowerCase();

/** Every condition given must hold; an absent condition set holds for every report. */
export function conditionsHold(c: Conditions | undefined, r: ReportFacts): boolean {
  if (!c) return true;
  const products = r.content.products ?? [];
  const vendors = products.map((p) => p.vendor.toLowerCase());
  const purlTypes = products.map((p) => purlType(p.purl));
  const rank = severityRank[r.severity as Severity] ?? -1;
  const checks: boolean[] = [
    c.exploitation === undefined || (c.exploitation as readonly string[]).includes(r.exploitation),
    c.severity === undefined || (c.severity as readonly string[]).includes(r.severity),
    c.severityAtLeast === undefined || rank >= severityRank[c.severityAtLeast],
    c.tier === undefined || (c.tier as readonly string[]).includes(r.tier),
    c.tlp === undefined || (c.tlp as readonly string[]).includes(r.tlp),
    c.cvePresent === undefined || c.cvePresent === Boolean(r.cveId),
    c.thirdPartyComponent === undefined || c.thirdPartyComponent === purlTypes.some(Boolean),
    c.productVendor === undefined || c.productVendor.some((v) => vendors.includes(v.toLowerCase())),
    c.purlType === undefined || c.purlType.some((t) => purlTypes.includes(t)),
  ];
  return checks.every(Boolean);
}

const isPresent = (value: unknown): boolean =>
  value !== undefined &&
  value !== null &&
  !(typeof value === 'string' && value.trim() === '') &&
  !(Array.isArray(value) && value.length === 0);

function pathPresent(value: unknown, segments: readonly string[]): boolean {
  const [head, ...rest] = segments;
  if (head === undefined) return isPresent(value);
  if (head === '*') return Array.isArray(value) && value.length > 0 && value.every((v) => pathPresent(v, rest));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return pathPresent((value as Record<string, unknown>)[head], rest);
}

/** `products/*\/model` holds when there is a product and every product has a model; `a|b` when either holds. */
export const hasField = (content: object, field: string): boolean =>
  field.split('|').some((alt) => pathPresent(content, alt.split('/')));

const stageIndex = (s: Stage) => stages.indexOf(s);
const satisfyingStages = (o: ObligationSpec): readonly Stage[] =>
  o.satisfiedBy ?? stages.filter((s) => stageIndex(s) >= stageIndex(o.stage));

const secondsBetween = (from: Date, to: Date) => Math.ceil((to.getTime() - from.getTime()) / 1000);

function computeOne(regime: Regime, o: ObligationSpec, input: ComputeInput, ordered: SubmissionFacts[]) {
  const { report, now } = input;
  const triggerAt = o.trigger === 'receivedAt' ? report.receivedAt : (report.timeline[o.trigger] ?? null);
  const period = parseDuration(o.period);
  if (!period) throw new Error(`regime ${regime.id} obligation ${o.key}: invalid period ${o.period}`);
  const dueAt = triggerAt ? addDuration(triggerAt, period) : null;
  const allowed = satisfyingStages(o);
  const candidates = ordered.filter((s) => allowed.includes(s.stage));
  const meeting = candidates.find((s) => o.requiredFields.every((f) => hasField(s.content, f)));
  const latest = candidates.at(-1);
  const base = {
    regimeId: regime.id,
    obligationKey: o.key,
    title: o.title,
    stage: o.stage,
    trigger: o.trigger,
    triggerAt,
    triggerSource: triggerAt
      ? o.trigger === 'receivedAt'
        ? o.trigger
        : (report.timelineSources?.[o.trigger] ?? o.trigger)
      : null,
    dueAt,
  };
  if (meeting) {
    const late = dueAt !== null && meeting.receivedAt.getTime() > dueAt.getTime();
    return {
      ...base,
      metAt: meeting.receivedAt,
      metBySubmissionId: meeting.id,
      status: late ? 'late' : 'met',
      latenessSeconds: late ? secondsBetween(dueAt, meeting.receivedAt) : 0,
      missingFields: [],
    } satisfies ComputedObligation;
  }
  const missed = dueAt !== null && now.getTime() > dueAt.getTime();
  return {
    ...base,
    metAt: null,
    metBySubmissionId: null,
    status: missed ? 'missed' : 'pending',
    latenessSeconds: missed ? secondsBetween(dueAt, now) : null,
    missingFields: latest ? o.requiredFields.filter((f) => !hasField(latest.content, f)) : [],
  } satisfies ComputedObligation;
}

/**
 * Required fields of the obligations of `stage` (applicable to the report) that `content` lacks: what a
 * submission of that stage must still carry to meet them.
 */
export function missingFieldsFor(regimes: readonly Regime[], stage: Stage, report: ReportFacts): string[] {
  const missing = regimes
    .filter((regime) => conditionsHold(regime.appliesTo, report))
    .flatMap((regime) => regime.obligations)
    .filter((o) => o.stage === stage && conditionsHold(o.conditions, report))
    .flatMap((o) => o.requiredFields.filter((f) => !hasField(report.content, f)));
  return [...new Set(missing)];
}

/**
 * The obligations a report owes under the given regimes, at `now`. Pure: the same input gives the same output.
 * Regimes whose `appliesTo` and obligations whose `conditions` do not hold for the report are left out.
 */
export function computeObligations(input: ComputeInput): ComputedObligation[] {
  const ordered = [...input.submissions].sort(
    (a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id),
  );
  return input.regimes
    .filter((regime) => conditionsHold(regime.appliesTo, input.report))
    .flatMap((regime) =>
      regime.obligations
        .filter((o) => conditionsHold(o.conditions, input.report))
        .map((o) => computeOne(regime, o, input, ordered)),
    );
}
