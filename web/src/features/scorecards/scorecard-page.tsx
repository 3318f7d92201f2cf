import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../auth/session-context';
import { useOrganisation } from '../organisations/organisations.api';
import { ScorecardView } from './scorecard-view';

/** /organisations/:id/scorecard, and /scorecard for the signed-in user's own organisation. */
export function ScorecardPage() {
  const me = useMe();
  const { id } = useParams();
  const orgId = id ?? me.orgId;
  const own = orgId === me.orgId;
  const org = useOrganisation(orgId);
  const name = org.data?.name ?? (own ? me.orgName : '…');
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm" className="no-print">
        <Anchor component={Link} to="/organisations" size="sm">
          Organisations
        </Anchor>
        <Anchor component={Link} to={`/organisations/${orgId}`} size="sm">
          {name}
        </Anchor>
        <Text size="sm">Scorecard</Text>
      </Breadcrumbs>
      <PageHeader
        title={own ? 'My scorecard' : `Scorecard: ${name}`}
        description="Reporting obligations met on time, late and missed; lateness; completeness; coordination."
      />
      <ScorecardView orgId={orgId} />
    </>
  );
}
