import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { DateTime, errorResponses, pageOf, Uuid } from '../../http/schemas.ts';
import type { AuditRow, CheckpointRow } from './audit.repository.ts';
import type { AuditService } from './audit.service.ts';

const AuditEntryDto = Type.Object({
  seq: Type.Integer(),
  time: DateTime,
  actor: Type.Object({
    type: Type.String(),
    id: Type.Union([Type.String(), Type.Null()]),
    label: Type.String(),
  }),
  orgId: Type.Union([Uuid, Type.Null()]),
  action: Type.String(),
  subjectType: Type.Union([Type.String(), Type.Null()]),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  summary: Type.Record(Type.String(), Type.Unknown()),
  prevHash: Type.String(),
  hash: Type.String(),
});

const ListAuditQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
    order: Type.Unsafe<'asc' | 'desc'>({ type: 'string', enum: ['asc', 'desc'], default: 'desc' }),
    action: Type.Optional(Type.String({ maxLength: 100, description: "An action, or a prefix ending in '.' (org.)" })),
    actorId: Type.Optional(Type.String({ maxLength: 100 })),
    orgId: Type.Optional(Uuid),
    subjectType: Type.Optional(Type.String({ maxLength: 100 })),
    subjectId: Type.Optional(Type.String({ maxLength: 200 })),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);

const VerifyDto = Type.Object({
  ok: Type.Boolean(),
  count: Type.Integer(),
  headSeq: Type.Integer(),
  broken: Type.Optional(Type.Object({ seq: Type.Integer(), reason: Type.String(), detail: Type.String() })),
  checkpoints: Type.Object({
    count: Type.Integer(),
    verified: Type.Integer(),
    failed: Type.Optional(Type.Object({ seq: Type.Integer(), detail: Type.String() })),
  }),
});

const CheckpointDto = Type.Object({
  seq: Type.Integer(),
  hash: Type.String(),
  jws: Type.String({
    description: 'Compact JWS (EdDSA) over {seq, hash, iat}; verify with /.well-known/threatshare-keys.json',
  }),
  keyId: Type.String(),
  createdAt: DateTime,
});

export const toAuditDto = (row: AuditRow): Static<typeof AuditEntryDto> => ({
  seq: Number(row.seq),
  time: row.time.toISOString(),
  actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
  orgId: row.orgId,
  action: row.action,
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  summary: row.summary,
  prevHash: row.prevHash,
  hash: row.hash,
});

const toCheckpointDto = (row: CheckpointRow) => ({
  ...row,
  seq: Number(row.seq),
  createdAt: row.createdAt.toISOString(),
});

const tags = ['audit'];

export function auditRoutes(service: AuditService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags,
          summary: 'Read and filter the audit log (operator admins)',
          querystring: ListAuditQuery,
          response: { 200: pageOf(AuditEntryDto), ...errorResponses },
        },
      },
      async (request) => {
        const { limit, offset, order, from, to, ...filter } = request.query;
        const page = await service.list(
          request.principal!,
          { ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
          { limit, offset, order },
        );
        return { items: page.items.map(toAuditDto), total: page.total, limit, offset };
      },
    );

    app.get(
      '/audit/actions',
      {
        schema: {
          tags,
          summary: 'The actions that occur in the log, for filters',
          response: { 200: Type.Object({ items: Type.Array(Type.String()) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await service.listActions(request.principal!) }),
    );

    app.get(
      '/audit/verify',
      {
        schema: {
          tags,
          summary: 'Verify the hash chain and its signed checkpoints',
          response: { 200: VerifyDto, ...errorResponses },
        },
      },
      async (request) => service.verifyAs(request.principal!),
    );

    app.get(
      '/audit/checkpoints',
      {
        schema: {
          tags,
          summary: 'Signed checkpoints of the chain',
          response: { 200: Type.Object({ items: Type.Array(CheckpointDto) }), ...errorResponses },
        },
      },
      async (request) => ({ items: (await service.listCheckpoints(request.principal!)).map(toCheckpointDto) }),
    );

    app.post(
      '/audit/checkpoints',
      {
        schema: {
          tags,
          summary: "Sign the chain's current head",
          response: { 201: CheckpointDto, ...errorResponses },
        },
      },
      async (request, reply) => reply.status(201).send(toCheckpointDto(await service.checkpoint(request.principal!))),
    );
  };
}
