import { createContext, useContext } from 'react';
import type { Me } from '../../api/types';

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated';

export interface SessionContextValue {
  status: SessionStatus;
  user: Me | null;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  passwordChanged: () => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

// Only for pages rendered behind <RequireSession>, where a user is guaranteed.
export function useMe(): Me {
  const { user } = useSession();
  if (!user) throw new Error('useMe called without a signed-in user');
  return user;
}

export function isOperatorAdmin(me: Me): boolean {
  return me.orgKind === 'operator' && me.role === 'admin';
}

export function isOrgAdmin(me: Me): boolean {
  return me.role === 'admin';
}

export function isOperator(me: Me): boolean {
  return me.orgKind === 'operator';
}
