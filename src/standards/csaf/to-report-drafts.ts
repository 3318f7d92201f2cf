import type { ReportDraft, ReportDraftReference, ReportDraftTimeline } from '../report-draft.ts';
import type { CsafDocument, CsafNote, CsafReference, CsafVulnerability } from './csaf.types.ts';
import { resolveProducts } from './product-tree.ts';
import { productsOf } from './products.ts';

export interface CsafDrafts {
  /** One draft per entry of `vulnerabilities`, in document order. */
  drafts: ReportDraft[];
  /** What the mapping could not carry over (dropped identifiers, unorderable fixed versions, limits). */
  warnings: string[];
}

const maxReferences = 200;
const maxWarnings = 20;

/** CSAF 2.0 §3.2.1.5.2 uses TLP v1 labels; TLP 2.0 renamed WHITE to CLEAR. */
const tlpLabels = { WHITE: 'CLEAR', GREEN: 'GREEN', AMBER: 'AMBER', RED: 'RED' } as const;

const noteText = (notes: CsafNote[] | undefined, categories: readonly string[]) =>
  (notes ?? [])
    .filter((n) => categories.includes(n.category))
    .map((n) => n.text.trim())
    .filter((t) => t !== '')
    .join('\n\n');

function titleOf(doc: CsafDocument, v: CsafVulnerability): string {
  const title = v.title ?? (v.cve ? `${doc.document.title} (${v.cve})` : doc.document.title);
  return title.slice(0, 500);
}

function descriptionOf(doc: CsafDocument, v: CsafVulnerability, title: string): string {
  const text =
    noteText(v.notes, ['description', 'summary', 'details']) ||
    noteText(doc.document.notes, ['description', 'summary', 'details']) ||
    title;
  return text.slice(0, 100_000);
}

function referencesOf(doc: CsafDocument, v: CsafVulnerability): ReportDraftReference[] {
  const seen = new Set<string>();
  const out: ReportDraftReference[] = [];
  const add = (r: CsafReference) => {
    if (seen.has(r.url)) return;
    seen.add(r.url);
    out.push({ url: r.url, name: r.summary.slice(0, 500), ...(r.category && { tags: [r.category] }) });
  };
  for (const r of v.references ?? []) add(r);
  for (const r of doc.document.references ?? []) add(r);
  return out.slice(0, maxReferences);
}

/** The highest-scored vector of each kind: a document may score products differently (§3.2.3.11). */
function cvssOf(v: CsafVulnerability): Pick<ReportDraft, 'cvssV31' | 'cvssV40'> {
  const best = (entries: ({ vectorString?: string; baseScore?: number } | undefined)[]) =>
    entries
      .filter((e): e is { vectorString: string; baseScore?: number } => typeof e?.vectorString === 'string')
      .sort((a, b) => (b.baseScore ?? 0) - (a.baseScore ?? 0))[0]?.vectorString;
  const v3 = best((v.scores ?? []).map((s) => s.cvss_v3));
  const v4 = best((v.scores ?? []).map((s) => s.cvss_v4));
  return { ...(v3 !== undefined && { cvssV31: v3 }), ...(v4 !== undefined && { cvssV40: v4 }) };
}

/**
 * §3.2.3.13 threats of category exploit_status carry free text; we read the usual phrasings. Anything else stays
 * 'none' with the text kept as evidence for an analyst.
 */
function exploitationOf(v: CsafVulnerability): Pick<ReportDraft, 'exploitation' | 'exploitationEvidence'> {
  const details = (v.threats ?? []).filter((t) => t.category === 'exploit_status').map((t) => t.details);
  if (details.length === 0) return { exploitation: 'none' };
  const text = details.join('\n').slice(0, 20_000);
  const negated = /\b(no|not|none|unproven)\b/i;
  if (details.some((d) => /\b(active|actively|in the wild|exploited)\b/i.test(d) && !negated.test(d))) {
    return { exploitation: 'active', exploitationEvidence: text };
  }
  if (details.some((d) => /\b(proof[- ]of[- ]concept|poc|exploit (code )?(is )?(publicly )?available)\b/i.test(d))) {
    return { exploitation: 'poc', exploitationEvidence: text };
  }
  return { exploitation: 'none', exploitationEvidence: text };
}

function timelineOf(v: CsafVulnerability): ReportDraftTimeline | undefined {
  const fixDates = (v.remediations ?? [])
    .filter((r) => r.category === 'vendor_fix' && r.date !== undefined)
    .map((r) => r.date as string)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const timeline: ReportDraftTimeline = {
    ...(v.discovery_date !== undefined && { discoveredAt: v.discovery_date }),
    ...(v.release_date !== undefined && { publiclyDisclosedAt: v.release_date }),
    ...(fixDates[0] !== undefined && { fixAvailableAt: fixDates[0] }),
  };
  return Object.keys(timeline).length > 0 ? timeline : undefined;
}

/**
 * Maps a CSAF 2.0 document (already accepted by `parseCsaf`) to one report draft per vulnerability. The drafts
 * still go through the report schema and `checkReportDraft` like any other submission.
 */
export function csafToReportDrafts(doc: CsafDocument): CsafDrafts {
  const warnings: string[] = [];
  const resolved = resolveProducts(doc.product_tree);
  const label = doc.document.distribution?.tlp?.label;
  const drafts = (doc.vulnerabilities ?? []).map((v, i): ReportDraft => {
    const local: string[] = [];
    const title = titleOf(doc, v);
    const timeline = timelineOf(v);
    const draft: ReportDraft = {
      title,
      description: descriptionOf(doc, v, title),
      products: productsOf(v.product_status, resolved, doc, local),
      cwes: v.cwe ? [v.cwe.id] : [],
      ...cvssOf(v),
      ...exploitationOf(v),
      ...(timeline && { timeline }),
      ...(v.cve !== undefined && { cveId: v.cve }),
      references: referencesOf(doc, v),
      ...(label !== undefined && { tlp: tlpLabels[label] }),
    };
    const unique = [...new Set(local)];
    const shown = unique.slice(0, maxWarnings).map((w) => `/vulnerabilities/${i}: ${w}`);
    if (unique.length > maxWarnings) shown.push(`/vulnerabilities/${i}: … and ${unique.length - maxWarnings} more`);
    warnings.push(...shown);
    return draft;
  });
  if (drafts.length === 0) warnings.push('the document has no vulnerabilities, so there is nothing to report');
  return { drafts, warnings };
}
