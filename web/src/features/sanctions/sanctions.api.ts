import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  Page,
  Rectification,
  RectificationBody,
  Review,
  ReviewDecisionBody,
  ReviewDetail,
  ReviewStatus,
  Sanction,
  SanctionApprovalBody,
  SanctionDecisionBody,
  SanctionDetail,
  SanctionProposal,
  SanctionStatus,
} from '../../api/types';
import { orgKeys } from '../organisations/organisations.api';
import { violationKeys } from '../violations/violations.api';

export interface SanctionListQuery {
  orgId?: string;
  status?: SanctionStatus;
  limit?: number;
  offset?: number;
}

export interface ReviewListQuery {
  orgId?: string;
  status?: ReviewStatus;
  limit?: number;
  offset?: number;
}

export const sanctionKeys = {
  all: ['sanctions'] as const,
  list: (query: SanctionListQuery) => ['sanctions', 'list', query] as const,
  detail: (id: string) => ['sanctions', 'detail', id] as const,
};

export const reviewKeys = {
  all: ['reviews'] as const,
  list: (query: ReviewListQuery) => ['reviews', 'list', query] as const,
  detail: (id: string) => ['reviews', 'detail', id] as const,
};

export function useSanctions(query: SanctionListQuery, enabled = true) {
  return useQuery({
    queryKey: sanctionKeys.list(query),
    queryFn: () => api.get<Page<Sanction>>('/sanctions', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSanction(id: string) {
  return useQuery({ queryKey: sanctionKeys.detail(id), queryFn: () => api.get<SanctionDetail>(`/sanctions/${id}`) });
}

export function useReviews(query: ReviewListQuery, enabled = true) {
  return useQuery({
    queryKey: reviewKeys.list(query),
    queryFn: () => api.get<Page<Review>>('/reviews', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReview(id: string | undefined) {
  return useQuery({
    queryKey: reviewKeys.detail(id ?? ''),
    queryFn: () => api.get<ReviewDetail>(`/reviews/${id}`),
    enabled: Boolean(id),
  });
}

/**
 * A sanction or review decision changes the partner's status and capabilities, closes violations and opens
 * notifications: everything that shows them is refetched.
 */
async function refreshProgramme(client: QueryClient) {
  await Promise.all([
    client.invalidateQueries({ queryKey: sanctionKeys.all }),
    client.invalidateQueries({ queryKey: reviewKeys.all }),
    client.invalidateQueries({ queryKey: violationKeys.all }),
    client.invalidateQueries({ queryKey: orgKeys.all }),
    client.invalidateQueries({ queryKey: ['notifications'] }),
  ]);
}

function useProgrammeMutation<B, R>(call: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => refreshProgramme(client) });
}

export const useProposeSanction = () =>
  useProgrammeMutation((body: SanctionProposal) => api.post<Sanction>('/sanctions', body));

export const useDecideSanction = (id: string) =>
  useProgrammeMutation((body: SanctionDecisionBody) => api.post<Sanction>(`/sanctions/${id}/decision`, body));

export const useApproveSanction = (id: string) =>
  useProgrammeMutation((body: SanctionApprovalBody) => api.post<Sanction>(`/sanctions/${id}/approval`, body));

export const useSubmitRectification = (reviewId: string) =>
  useProgrammeMutation((body: RectificationBody) =>
    api.post<Rectification>(`/reviews/${reviewId}/rectifications`, body),
  );

export const useDecideReview = (id: string) =>
  useProgrammeMutation((body: ReviewDecisionBody) => api.post<Review>(`/reviews/${id}/decision`, body));

export const reviewAttachmentPath = (reviewId: string, attachmentId: string) =>
  `/reviews/${reviewId}/attachments/${attachmentId}`;
