import { reportActivityRoutes } from './reports.activity.routes.ts';
import { ReportDto, ReportSummaryDto, SubmissionDto } from './reports.dto.ts';
import { reportEvidenceRoutes } from './reports.evidence.routes.ts';
import { reportsJobs } from './reports.jobs.ts';
import { reportsRoutes } from './reports.routes.ts';
import { createReportsService, type ReportsServiceDeps } from './reports.service.ts';

export { type ReceiptCheck, type ReceiptPayload, verifyReceipt } from './receipts.ts';
export { RECEIPT_TYPE } from './reports.intake.ts';
export type { ObligationView, ReportFacts, SubmissionFacts } from './reports.ports.ts';
export { type ReportInput, ReportInput as ReportInputSchema, type Stage, stages } from './reports.schemas.ts';
export type { ReportsService } from './reports.service.ts';

export function createReportsModule(deps: ReportsServiceDeps) {
  const service = createReportsService(deps);
  const routes = async (app: Parameters<ReturnType<typeof reportsRoutes>>[0]) => {
    await app.register(reportsRoutes(service));
    await app.register(reportActivityRoutes(service));
    await app.register(reportEvidenceRoutes(service));
  };
  return { service, routes, schemas: [ReportSummaryDto, ReportDto, SubmissionDto], jobs: reportsJobs(service) };
}
