import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page, Token, TokenCreate, TokenCreated } from '../../api/types';

export interface TokenListQuery {
  limit?: number;
  offset?: number;
  includeRevoked?: boolean;
  orgId?: string;
}

export const tokenKeys = {
  all: ['tokens'] as const,
  list: (query: TokenListQuery) => ['tokens', 'list', query] as const,
};

export function useTokens(query: TokenListQuery) {
  return useQuery({
    queryKey: tokenKeys.list(query),
    queryFn: () => api.get<Page<Token>>('/tokens', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TokenCreate) => api.post<TokenCreated>('/tokens', body),
    onSuccess: () => client.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Token>(`/tokens/${id}/revoke`),
    onSuccess: () => client.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

export function tokenStatus(token: Token, now = Date.now()): TokenStatus {
  if (token.revokedAt) return 'revoked';
  return Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
}
