import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page, PageQuery, User, UserCreate, UserCreated, UserUpdate } from '../../api/types';

export interface UserListQuery extends PageQuery {
  q?: string;
  orgId?: string;
}

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
};

export function useUsers(query: UserListQuery, enabled = true) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: () => api.get<Page<User>>('/users', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useInvalidateUsers() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UserCreate) => api.post<UserCreated>('/users', body),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserUpdate }) => api.patch<User>(`/users/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useSetUserDisabled() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, disabled }: { id: string; disabled: boolean }) =>
      api.post<User>(`/users/${id}/${disabled ? 'disable' : 'enable'}`),
    onSuccess: invalidate,
  });
}
