import { Badge } from '@mantine/core';
import type { OrgKind, PartnerStatus, Role } from '../api/types';
import { humanize } from './format';

const partnerStatusColors: Record<PartnerStatus, string> = {
  active: 'green',
  warned: 'yellow',
  suspended: 'red',
  under_review: 'orange',
  revoked: 'red',
};

export function PartnerStatusBadge({ status }: { status: PartnerStatus | null }) {
  if (!status) return <span>—</span>;
  return (
    <Badge
      miw="max-content"
      style={{ flexShrink: 0 }}
      color={partnerStatusColors[status]}
      variant="light"
      size="sm"
      data-testid="partner-status"
    >
      {humanize(status)}
    </Badge>
  );
}

const kindColors: Record<OrgKind, string> = {
  operator: 'indigo',
  partner: 'cyan',
  member: 'gray',
  researcher: 'grape',
};

export function OrgKindBadge({ kind }: { kind: OrgKind }) {
  return (
    <Badge miw="fit-content" style={{ flexShrink: 0 }} color={kindColors[kind]} variant="outline" size="sm">
      {kind}
    </Badge>
  );
}

const roleColors: Record<Role, string> = { admin: 'red', analyst: 'blue', reporter: 'teal', viewer: 'gray' };

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge miw="fit-content" style={{ flexShrink: 0 }} color={roleColors[role]} variant="light" size="sm">
      {role}
    </Badge>
  );
}

export function ActiveBadge({ active, inactiveLabel }: { active: boolean; inactiveLabel: string }) {
  return (
    <Badge miw="fit-content" style={{ flexShrink: 0 }} color={active ? 'green' : 'gray'} variant="dot" size="sm">
      {active ? 'active' : inactiveLabel}
    </Badge>
  );
}
