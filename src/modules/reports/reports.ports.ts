import type { CatalogLookup } from '../catalog/index.ts';
import type { RegimesService } from '../regimes/index.ts';
import type { ReportInput, Stage } from './reports.schemas.ts';

/**
 * What the reports module needs from its neighbours, narrowed to what it uses: obligations from the
 * regimes module, KEV evidence from the catalog.
 */
export type ObligationsPort = Pick<RegimesService, 'missingFieldsFor' | 'recomputeForReport' | 'listForReport'>;
export type KevPort = Pick<CatalogLookup, 'findKevEntry' | 'findCve'>;

export interface ReportFacts {
  reportId: string;
  orgId: string;
  receivedAt: Date;
  timeline: Partial<
    Record<'discoveredAt' | 'awareAt' | 'vendorNotifiedAt' | 'fixAvailableAt' | 'publiclyDisclosedAt', Date>
  >;
  /** What set a timestamp when it is not the report's own: `evidence:<source>:<id>`. */
  timelineSources?: Partial<Record<'awareAt', string>>;
  exploitation: string;
  severity: string;
  tier: string;
  tlp: string;
  cveId: string | null;
  content: ReportInput;
}

export interface SubmissionFacts {
  id: string;
  stage: Stage;
  receivedAt: Date;
  content: ReportInput;
}

export type ObligationView = Awaited<ReturnType<ObligationsPort['listForReport']>>[number];
