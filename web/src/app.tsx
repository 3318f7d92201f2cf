import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { NotFoundPage } from './components/not-found-page';
import { AuditPage } from './features/audit/audit-page';
import { RequireSession } from './features/auth/require-session';
import { SessionProvider } from './features/auth/session-provider';
import { SignInPage } from './features/auth/sign-in-page';
import { CatalogPage } from './features/catalog/catalog-page';
import { CveDetailPage } from './features/catalog/cve-detail-page';
import { DeadlinesPage } from './features/deadlines/deadlines-page';
import { NotificationsPage } from './features/notifications/notifications-page';
import { OrganisationDetailPage } from './features/organisations/organisation-detail-page';
import { OrganisationsPage } from './features/organisations/organisations-page';
import { OverviewPage } from './features/overview/overview-page';
import { ProgrammePage } from './features/programme/programme-page';
import { ReportPage } from './features/reports/detail/report-page';
import { SubmitReportPage } from './features/reports/form/submit-report-page';
import { SubmitStagePage } from './features/reports/form/submit-stage-page';
import { ReportsPage } from './features/reports/queue/reports-page';
import { ReviewPage } from './features/sanctions/review-page';
import { ReviewsPage } from './features/sanctions/reviews-page';
import { SanctionPage } from './features/sanctions/sanction-page';
import { SanctionsPage } from './features/sanctions/sanctions-page';
import { ScorecardPage } from './features/scorecards/scorecard-page';
import { StatisticsPage } from './features/scorecards/statistics-page';
import { TokensPage } from './features/tokens/tokens-page';
import { UsersPage } from './features/users/users-page';
import { AppLayout } from './layout/app-layout';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // Client errors (4xx) will not get better by retrying.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'organisations', element: <OrganisationsPage /> },
      { path: 'organisations/:id', element: <OrganisationDetailPage /> },
      { path: 'organisations/:id/scorecard', element: <ScorecardPage /> },
      { path: 'scorecard', element: <ScorecardPage /> },
      { path: 'statistics', element: <StatisticsPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'reports/new', element: <SubmitReportPage /> },
      { path: 'reports/:id', element: <ReportPage /> },
      { path: 'reports/:id/submit', element: <SubmitStagePage /> },
      { path: 'deadlines', element: <DeadlinesPage /> },
      { path: 'catalog', element: <CatalogPage /> },
      { path: 'catalog/:cveId', element: <CveDetailPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'tokens', element: <TokensPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'sanctions', element: <SanctionsPage /> },
      { path: 'sanctions/:id', element: <SanctionPage /> },
      { path: 'reviews', element: <ReviewsPage /> },
      { path: 'reviews/:id', element: <ReviewPage /> },
      { path: 'programme', element: <ProgrammePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
