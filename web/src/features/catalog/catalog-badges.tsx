import { Badge, Tooltip } from '@mantine/core';

const severityColours: Record<string, string> = { CRITICAL: 'red', HIGH: 'orange', MEDIUM: 'yellow', LOW: 'gray' };

export function SeverityBadge({ score, severity }: { score: number | null; severity: string | null }) {
  if (score === null) return <>—</>;
  return (
    <Badge variant="light" color={severityColours[severity ?? ''] ?? 'gray'} data-testid="cvss-badge">
      {score.toFixed(1)} {severity?.toLowerCase() ?? ''}
    </Badge>
  );
}

/** Listed in CISA KEV: exploited in the wild from the day it was added. */
export function KevBadge({ kev }: { kev: { dateAdded: string; knownRansomwareCampaignUse: string } | null }) {
  if (!kev) return null;
  return (
    <Tooltip label={`Known exploited since ${kev.dateAdded}; ransomware use: ${kev.knownRansomwareCampaignUse}`}>
      <Badge color="red" variant="filled" data-testid="kev-badge">
        KEV
      </Badge>
    </Tooltip>
  );
}
