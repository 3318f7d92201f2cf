import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { scorecardCsv, statisticsCsv } from './scorecards.csv.ts';
import { PeriodQuery } from './scorecards.schemas.ts';
import type { ScorecardsService } from './scorecards.service.ts';

const tags = ['scorecards'];
const csvResponse = {
  200: Type.String({ description: 'text/csv (RFC 4180): one row per month and a totals row' }),
  ...errorResponses,
};
const day = (iso: string) => iso.slice(0, 10);

export function scorecardsRoutes(service: ScorecardsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/organisations/:id/scorecard',
      {
        schema: {
          tags,
          summary: "An organisation's compliance scorecard for a period (default: the last 12 months)",
          params: IdParams,
          querystring: PeriodQuery,
          response: { 200: Type.Ref('Scorecard'), ...errorResponses },
        },
      },
      (request) => service.getScorecard(request.principal!, request.params.id, request.query),
    );

    app.get(
      '/organisations/:id/scorecard.csv',
      {
        schema: {
          tags,
          summary: "An organisation's scorecard as CSV, one row per month",
          params: IdParams,
          querystring: PeriodQuery,
          produces: ['text/csv'],
          response: csvResponse,
        },
      },
      async (request, reply) => {
        const card = await service.getScorecard(request.principal!, request.params.id, request.query);
        const name = `scorecard-${card.orgId}-${day(card.period.from)}-${day(card.period.to)}.csv`;
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(scorecardCsv(card));
      },
    );

    app.get(
      '/statistics',
      {
        schema: {
          tags,
          summary: 'Platform statistics across partners (operator staff)',
          querystring: PeriodQuery,
          response: { 200: Type.Ref('Statistics'), ...errorResponses },
        },
      },
      (request) => service.getStatistics(request.principal!, request.query),
    );

    app.get(
      '/statistics.csv',
      {
        schema: {
          tags,
          summary: 'Platform statistics as CSV, one row per month',
          querystring: PeriodQuery,
          produces: ['text/csv'],
          response: csvResponse,
        },
      },
      async (request, reply) => {
        const stats = await service.getStatistics(request.principal!, request.query);
        const name = `statistics-${day(stats.period.from)}-${day(stats.period.to)}.csv`;
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(statisticsCsv(stats));
      },
    );
  };
}
