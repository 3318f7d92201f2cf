import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ChangePasswordPage } from './change-password-page';
import { useSession } from './session-context';

export function RequireSession({ children }: { children: ReactNode }) {
  const { status, user } = useSession();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading session" />
      </Center>
    );
  }
  if (status === 'anonymous' || !user) {
    return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (user.mustChangePassword) return <ChangePasswordPage />;
  return <>{children}</>;
}
