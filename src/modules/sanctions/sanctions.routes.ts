import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams, Uuid } from '../../http/schemas.ts';
import { ATTACHMENT_MAX_BYTES } from '../../shared/attachments.ts';
import { MAX_RECTIFICATION_ATTACHMENTS, type ReviewsService } from './reviews.service.ts';
import type { AttachmentMeta, RectificationRow, ReviewRow, SanctionRow } from './sanctions.repository.ts';
import {
  ApprovalBody,
  DecideBody,
  ListReviewsQuery,
  ListSanctionsQuery,
  ProposeBody,
  RectificationBody,
  ReviewDecisionBody,
  ReviewDetail,
  type ReviewDto,
  ReviewPage,
  SanctionDetail,
  type SanctionDto,
  SanctionPage,
} from './sanctions.schemas.ts';
import type { SanctionsService } from './sanctions.service.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toSanctionDto = (row: SanctionRow & { orgName?: string }): SanctionDto => ({
  id: row.id,
  orgId: row.orgId,
  orgName: row.orgName ?? '',
  violationId: row.violationId,
  measure: row.measure as SanctionDto['measure'],
  period: row.period,
  status: row.status as SanctionDto['status'],
  source: row.source as SanctionDto['source'],
  reason: row.reason,
  legalBasis: row.legalBasis,
  proposedByLabel: row.proposedByLabel,
  proposedAt: row.proposedAt.toISOString(),
  proposedMeasure: row.proposedMeasure as SanctionDto['proposedMeasure'],
  proposedPeriod: row.proposedPeriod,
  decision: row.decision as SanctionDto['decision'],
  decisionReason: row.decisionReason,
  decidedByLabel: row.decidedByLabel,
  decidedAt: iso(row.decidedAt),
  approvedByLabel: row.approvedByLabel,
  approvedAt: iso(row.approvedAt),
  startsAt: iso(row.startsAt),
  endsAt: iso(row.endsAt),
  outcome: row.outcome as SanctionDto['outcome'],
  completedAt: iso(row.completedAt),
  updatedAt: row.updatedAt.toISOString(),
});

export const toReviewDto = (row: ReviewRow & { orgName?: string }): ReviewDto => ({
  id: row.id,
  sanctionId: row.sanctionId,
  orgId: row.orgId,
  orgName: row.orgName ?? '',
  round: row.round,
  status: row.status as ReviewDto['status'],
  openedAt: row.openedAt.toISOString(),
  decision: row.decision as ReviewDto['decision'],
  decisionReason: row.decisionReason,
  newEndsAt: iso(row.newEndsAt),
  decidedByLabel: row.decidedByLabel,
  decidedAt: iso(row.decidedAt),
});

export const toRectificationDto = (r: RectificationRow & { attachments: AttachmentMeta[] }) => ({
  id: r.id,
  summary: r.summary,
  processes: r.processes,
  contacts: r.contacts,
  tooling: r.tooling,
  submittedByLabel: r.submittedByLabel,
  submittedAt: r.submittedAt.toISOString(),
  attachments: r.attachments.map((a) => ({
    id: a.id,
    filename: a.filename,
    mediaType: a.mediaType,
    size: a.size,
    sha256: a.sha256,
    createdAt: a.createdAt.toISOString(),
  })),
});

const tags = ['sanctions'];
const Sanction = Type.Ref('Sanction');
const Review = Type.Ref('Review');
const pageOf = <T>(page: { items: T[]; total: number }, query: { limit: number; offset: number }) => ({
  items: page.items,
  total: page.total,
  limit: query.limit,
  offset: query.offset,
});

export function sanctionsRoutes(sanctions: SanctionsService, reviews: ReviewsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/sanctions',
      {
        schema: {
          tags,
          summary: 'Sanctions, newest first (operator staff: all; a partner: its own, once decided)',
          querystring: ListSanctionsQuery,
          response: { 200: SanctionPage, ...errorResponses },
        },
      },
      async (request) => {
        const page = await sanctions.listSanctions(request.principal!, request.query);
        return pageOf({ items: page.items.map(toSanctionDto), total: page.total }, request.query);
      },
    );

    app.get(
      '/sanctions/:id',
      {
        schema: {
          tags,
          summary: 'A sanction with its reviews',
          params: IdParams,
          response: { 200: SanctionDetail, ...errorResponses },
        },
      },
      async (request) => {
        const s = await sanctions.getSanction(request.principal!, request.params.id);
        return { ...toSanctionDto(s), fourEyes: sanctions.fourEyes(), reviews: s.reviews.map(toReviewDto) };
      },
    );

    app.post(
      '/sanctions',
      {
        schema: {
          tags,
          summary: 'Propose a sanction by hand (operator managers); it is decided like a proposal of the policy',
          body: ProposeBody,
          response: { 201: Sanction, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(toSanctionDto(await sanctions.named(await sanctions.propose(request.principal!, request.body)))),
    );

    app.post(
      '/sanctions/:id/decision',
      {
        schema: {
          tags,
          summary: 'Confirm, change (with a reason) or dismiss a proposed sanction (operator managers)',
          params: IdParams,
          body: DecideBody,
          response: { 200: Sanction, ...errorResponses },
        },
      },
      async (request) =>
        toSanctionDto(
          await sanctions.named(await sanctions.decide(request.principal!, request.params.id, request.body)),
        ),
    );

    app.post(
      '/sanctions/:id/approval',
      {
        schema: {
          tags,
          summary: 'Four-eyes: approve, or refuse with a reason, a decision awaiting a second manager',
          params: IdParams,
          body: ApprovalBody,
          response: { 200: Sanction, ...errorResponses },
        },
      },
      async (request) =>
        toSanctionDto(
          await sanctions.named(await sanctions.approve(request.principal!, request.params.id, request.body)),
        ),
    );

    app.get(
      '/reviews',
      {
        schema: {
          tags,
          summary: 'Reinstatement reviews, newest first (operator staff: all; a partner: its own)',
          querystring: ListReviewsQuery,
          response: { 200: ReviewPage, ...errorResponses },
        },
      },
      async (request) => {
        const page = await reviews.listReviews(request.principal!, request.query);
        return pageOf({ items: page.items.map(toReviewDto), total: page.total }, request.query);
      },
    );

    app.get(
      '/reviews/:id',
      {
        schema: {
          tags,
          summary: 'A reinstatement review with its sanction and the rectifications submitted',
          params: IdParams,
          response: { 200: ReviewDetail, ...errorResponses },
        },
      },
      async (request) => {
        const r = await reviews.getReview(request.principal!, request.params.id);
        return {
          ...toReviewDto(r),
          sanction: toSanctionDto({ ...r.sanction, orgName: r.orgName }),
          rectifications: r.rectifications.map(toRectificationDto),
        };
      },
    );

    app.post(
      '/reviews/:id/rectifications',
      {
        bodyLimit: Math.ceil(MAX_RECTIFICATION_ATTACHMENTS * ATTACHMENT_MAX_BYTES * 1.4) + 65_536,
        schema: {
          tags,
          summary: 'The partner submits its rectification: what changed, with attachments (base64)',
          params: IdParams,
          body: RectificationBody,
          response: { 201: Type.Ref('Rectification'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { attachments, ...text } = request.body;
        const submitted = await reviews.submitRectification(request.principal!, request.params.id, {
          ...text,
          attachments: attachments?.map((a) => ({
            filename: a.filename,
            mediaType: a.mediaType,
            content: Buffer.from(a.contentBase64, 'base64'),
          })),
        });
        return reply.status(201).send(toRectificationDto(submitted));
      },
    );

    app.get(
      '/reviews/:id/attachments/:attachmentId',
      {
        schema: {
          tags,
          summary: 'Download a rectification attachment',
          params: Type.Object({ id: Uuid, attachmentId: Uuid }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        const file = await reviews.readAttachment(request.principal!, request.params.id, request.params.attachmentId);
        return reply
          .type(file.mediaType)
          .header('content-disposition', `attachment; filename="${file.filename.replace(/["\r\n]/g, '_')}"`)
          .send(file.content);
      },
    );

    app.post(
      '/reviews/:id/decision',
      {
        schema: {
          tags,
          summary: 'Reinstate, extend (new end, reason) or revoke (operator managers)',
          params: IdParams,
          body: ReviewDecisionBody,
          response: { 200: Review, ...errorResponses },
        },
      },
      async (request) =>
        toReviewDto(
          await sanctions.named(await reviews.decideReview(request.principal!, request.params.id, request.body)),
        ),
    );
  };
}
