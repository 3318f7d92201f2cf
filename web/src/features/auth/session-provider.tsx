import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, request, setCsrfToken, setUnauthorizedHandler } from '../../api/client';
import type { Me, SessionResponse } from '../../api/types';
import { SessionContext, type SessionContextValue, type SessionStatus } from './session-context';

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<Me | null>(null);

  const clear = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
    setStatus('anonymous');
    queryClient.clear();
  }, [queryClient]);

  const accept = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    setStatus('authenticated');
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(clear);
    let cancelled = false;
    request<SessionResponse>('GET', '/session', { ignoreUnauthorized: true })
      .then((session) => {
        if (!cancelled) accept(session);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        if (!(error instanceof ApiError) || error.status !== 401) console.error('Session check failed', error);
        clear();
      });
    return () => {
      cancelled = true;
      setUnauthorizedHandler(null);
    };
  }, [accept, clear]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const session = await request<SessionResponse>('POST', '/session', {
        body: { email, password },
        ignoreUnauthorized: true,
      });
      queryClient.clear();
      accept(session);
      return session.user;
    },
    [accept, queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await request<void>('DELETE', '/session', { ignoreUnauthorized: true });
    } catch (error) {
      // A session that already expired (401) is signed out as far as the server is concerned.
      if (!(error instanceof ApiError) || error.status !== 401) console.error('Sign-out failed', error);
    } finally {
      clear();
    }
  }, [clear]);

  const passwordChanged = useCallback(() => {
    setUser((previous) => (previous ? { ...previous, mustChangePassword: false } : previous));
  }, []);

  const value = useMemo<SessionContextValue>(
    () => ({ status, user, signIn, signOut, passwordChanged }),
    [status, user, signIn, signOut, passwordChanged],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
