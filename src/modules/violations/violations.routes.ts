import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import type { Rule } from './violations.model.ts';
import type { ViolationRow } from './violations.repository.ts';
import {
  EvaluateResult,
  ListViolationsQuery,
  type RuleDto,
  RuleList,
  type ViolationDto,
  ViolationPage,
} from './violations.schemas.ts';
import type { ViolationsService } from './violations.service.ts';

export const toRuleDto = (r: Rule): RuleDto => ({
  id: r.id,
  name: r.name,
  severity: r.severity,
  description: r.description,
  legalBasis: r.legalBasis ?? null,
  builtIn: r.builtIn === true,
  when: { ...r.when },
});

export const toViolationDto = (row: ViolationRow, rules: readonly Rule[] = []): ViolationDto => ({
  id: row.id,
  orgId: row.orgId,
  ruleId: row.ruleId,
  ruleName: rules.find((r) => r.id === row.ruleId)?.name ?? null,
  severity: row.severity as ViolationDto['severity'],
  status: row.status as ViolationDto['status'],
  summary: row.summary,
  obligationIds: row.obligationIds,
  evidenceIds: row.evidenceIds,
  dedupeKey: row.dedupeKey,
  openedAt: row.openedAt.toISOString(),
  closedAt: row.closedAt?.toISOString() ?? null,
});

const tags = ['violations'];

export function violationsRoutes(service: ViolationsService): FastifyPluginAsyncTypebox {
  const toDto = (row: ViolationRow) => toViolationDto(row, service.activeRules());
  return async (app) => {
    app.get(
      '/violations',
      {
        schema: {
          tags,
          summary: 'Violations of the partner programme rules, newest first (operator staff: all; others: their own)',
          querystring: ListViolationsQuery,
          response: { 200: ViolationPage, ...errorResponses },
        },
      },
      async (request) => {
        const page = await service.listViolations(request.principal!, request.query);
        return {
          items: page.items.map(toDto),
          total: page.total,
          limit: request.query.limit,
          offset: request.query.offset,
        };
      },
    );

    app.get(
      '/violations/:id',
      {
        schema: {
          tags,
          summary: 'Show a violation with its obligations and evidence',
          params: IdParams,
          response: { 200: Type.Ref('Violation'), ...errorResponses },
        },
      },
      async (request) => toDto(await service.getViolation(request.principal!, request.params.id)),
    );

    app.post(
      '/violations/evaluate',
      {
        schema: {
          tags,
          summary: 'Run the violation rules now (operator admins); opens only violations not opened before',
          response: { 200: EvaluateResult, ...errorResponses },
        },
      },
      async (request) => {
        const opened = await service.evaluateNow(request.principal!);
        return { opened: opened.length, items: opened.map(toDto) };
      },
    );

    app.get(
      '/violation-rules',
      {
        schema: {
          tags,
          summary: 'The active violation rules (built-in, or VIOLATION_RULES_FILE)',
          response: { 200: RuleList, ...errorResponses },
        },
      },
      async (request) => ({ items: (await service.listRules(request.principal!)).map(toRuleDto) }),
    );
  };
}
