import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../auth/session-context';
import { useOrganisation } from '../organisations/organisations.api';
import { ProgrammeReview } from './programme-review';
import { OpenObligations, Sanctions, ScorecardSummary, Violations } from './programme-sections';
import { ProgrammeStanding } from './programme-standing';

/** /programme: a partner's standing in the partner programme and everything that decides it. */
export function ProgrammePage() {
  const me = useMe();
  const org = useOrganisation(me.orgId);
  return (
    <>
      <PageHeader
        title="Partner programme"
        description="Your standing as a partner, your reporting record, and any violations, sanctions and reviews."
      />
      <Stack gap="md" data-testid="programme-page">
        <ProgrammeStanding org={org.data} loading={org.isLoading} error={org.error} />
        <ProgrammeReview />
        <ScorecardSummary orgId={me.orgId} />
        <OpenObligations orgId={me.orgId} />
        <Violations />
        <Sanctions />
      </Stack>
    </>
  );
}
