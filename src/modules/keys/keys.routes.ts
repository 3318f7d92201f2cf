import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Signer } from '../../shared/signer.ts';

const Jwks = Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.Unknown())) });

/** The public signing keys, so anyone can check receipts and audit checkpoints offline. */
export function keysRoutes(signer: Signer): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/.well-known/threatshare-keys.json',
      {
        config: { public: true },
        schema: {
          tags: ['keys'],
          summary: 'Public signing keys (JWKS, RFC 7517)',
          security: [],
          response: { 200: Jwks },
        },
      },
      async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(signer.jwks()),
    );
  };
}
