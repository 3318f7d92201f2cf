import { DataList, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export type Row = [string, ReactNode];

export function Fields({ rows, testId }: { rows: Row[]; testId?: string }) {
  return (
    <DataList data-testid={testId}>
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

export function Card({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="sm" h="100%" data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
