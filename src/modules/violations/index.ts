import type { Db, Executor } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AuditService } from '../audit/index.ts';
import { violationsJobs } from './violations.jobs.ts';
import { loadProgramme } from './violations.load.ts';
import type { ViolationRow } from './violations.repository.ts';
import { violationsRoutes } from './violations.routes.ts';
import { RuleDto, ViolationDto } from './violations.schemas.ts';
import { createViolationsService } from './violations.service.ts';

export { builtinRules } from './violations.builtin.ts';
export { type CandidateViolation, evaluateRules, type ObligationFact } from './violations.engine.ts';
export { checkRules, checkRulesFile, loadProgramme, loadRules, type RulesCheck } from './violations.load.ts';
export {
  type MeasureSpec,
  type Rule,
  type RuleCondition,
  type SanctionMeasure,
  type SanctionPolicy,
  sanctionMeasures,
  type ViolationSeverity,
  type ViolationStatus,
} from './violations.model.ts';
export type { ViolationRow } from './violations.repository.ts';
export { toRuleDto, toViolationDto } from './violations.routes.ts';
export { EVALUATE_JOB, type ViolationsService } from './violations.service.ts';

export function createViolationsModule(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  /** VIOLATION_RULES_FILE: the operator's rules, replacing the built-ins. */
  rulesFile?: string | undefined;
  /** The configured regime ids, so a rule cannot name a regime that does not exist. */
  regimeIds?: readonly string[];
  evaluateEveryMs?: number;
  afterOpen?: (tx: Executor, opened: readonly ViolationRow[]) => Promise<void>;
}) {
  const { rules, sanctions } = loadProgramme(deps.rulesFile, { regimeIds: deps.regimeIds });
  const service = createViolationsService({ ...deps, rules, sanctions });
  return {
    service,
    routes: violationsRoutes(service),
    schemas: [ViolationDto, RuleDto],
    jobs: violationsJobs(service, deps.evaluateEveryMs),
  };
}
