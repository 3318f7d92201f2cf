import { checkInput } from '../cli/context.ts';
import type { Container } from '../container.ts';
import { type ReportInput, ReportInputSchema } from '../modules/reports/index.ts';
import type { Principal } from '../shared/principal.ts';
import { cve5ToReportDraft, parseCveRecord } from '../standards/cve5/index.ts';
import { type DemoReport, type OrgKey, type ReportStep, resolveAt, type UserRef } from './world.ts';

/** One thing that happens at a point in time; the seeder runs them all in time order. */
export interface DemoEvent {
  at: Date;
  what: string;
  run: () => Promise<void>;
}

export interface WorldIds {
  orgs: Map<OrgKey, string>;
  users: Map<UserRef, { id: string; principal: Principal }>;
  /** Report key → id, filled in as the reports are submitted. */
  reports: Map<string, string>;
}

const need = <K, V>(map: Map<K, V>, key: K, what: string): V => {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo world: unknown ${what} ${String(key)}`);
  return value;
};

/** The report as its reporter would type it: the CVE record's draft (if any) with the world's content on top. */
async function initialContent(container: Container, report: DemoReport, now: Date): Promise<ReportInput> {
  let draft: Record<string, unknown> = {};
  if (report.fromCve) {
    const row = await container.modules.catalog.service.findCve(report.fromCve);
    if (!row) throw new Error(`demo world: ${report.fromCve} is not in the imported CVE catalog`);
    const parsed = parseCveRecord(row.record);
    if (!parsed.ok) throw new Error(`demo world: ${report.fromCve} does not parse`);
    draft = { ...cve5ToReportDraft(parsed.record) };
  }
  const content: Record<string, unknown> = { ...draft, ...report.content };
  if (report.content.timeline) {
    const times = Object.entries(report.content.timeline).map(([k, v]) => [k, resolveAt(v, now).toISOString()]);
    content.timeline = Object.fromEntries(times);
  }
  // The same schema (and defaults) the API applies to a submitted report.
  return checkInput<ReportInput>(ReportInputSchema, content);
}

/** The events of one report: its submission, then its steps, each at its own time. */
export function reportEvents(container: Container, report: DemoReport, ids: WorldIds, now: Date): DemoEvent[] {
  const service = container.modules.reports.service;
  const actor = (ref: UserRef) => need(ids.users, ref, 'user').principal;
  const reportId = () => need(ids.reports, report.key, 'report');
  let current: ReportInput | undefined;

  const submit: DemoEvent = {
    at: resolveAt(report.submitted.at, now),
    what: `${report.key}: submitted`,
    run: async () => {
      current = await initialContent(container, report, now);
      const { report: row } = await service.submitReport(actor(report.submitted.by), current, report.submitted.stage, {
        source: 'demo',
      });
      ids.reports.set(report.key, row.id);
    },
  };

  const runStep = async (step: ReportStep): Promise<void> => {
    const by = actor(step.by);
    const id = reportId();
    switch (step.do) {
      case 'stage': {
        current = checkInput<ReportInput>(ReportInputSchema, { ...current, ...step.patch });
        await service.submitStage(by, id, step.stage, current);
        return;
      }
      case 'timeline':
        await service.changeTimeline(by, id, step.field, step.value, step.reason);
        // Later stages carry the corrected timeline, as the reporter's next submission would.
        current = { ...current!, timeline: { ...current!.timeline, [step.field]: step.value } };
        return;
      case 'transition': {
        const original = step.duplicateOf ? need(ids.reports, step.duplicateOf, 'report') : undefined;
        await service.transition(by, id, step.to, step.reason, original);
        return;
      }
      case 'assign':
        await service.assign(by, id, need(ids.users, step.to, 'user').id);
        return;
      case 'comment':
        await service.addComment(by, id, step.body);
        return;
      case 'vendor':
        await service.addVendor(by, id, need(ids.orgs, step.org, 'organisation'));
        return;
      case 'statement': {
        const { productIndex, status, justification, statement } = step;
        await service.addStatement(by, id, {
          productIndex,
          status,
          statement,
          ...(justification ? { justification } : {}),
        });
        return;
      }
      case 'attach':
        await service.addAttachment(by, id, {
          filename: step.filename,
          mediaType: step.mediaType,
          content: Buffer.from(step.text, 'utf8'),
        });
        return;
    }
  };

  return [
    submit,
    ...report.steps.map((step) => ({
      at: resolveAt(step.at, now),
      what: `${report.key}: ${step.do}`,
      run: () => runStep(step),
    })),
  ];
}
