import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';

/** "2 d 4 h", "3 h 12 min", "45 s": the two largest units of a duration. */
export function humanDuration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = s;
  for (const [label, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || (parts.length === 0 && size === 1)) parts.push(`${n} ${label}`);
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** The current time, refreshed every `intervalMs`, for live countdowns. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Time left until `dueAt` ("in 1 d 23 h"), or how long ago it passed ("overdue by 2 h"), ticking live. */
export function Countdown({ dueAt, done = false }: { dueAt: string | null; done?: boolean }) {
  const now = useNow(done ? 60_000 : 1000);
  if (!dueAt)
    return (
      <Text span size="sm" c="dimmed">
        no deadline yet
      </Text>
    );
  const left = (new Date(dueAt).getTime() - now) / 1000;
  if (done)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  const color = left < 0 ? 'red' : left < 48 * 3600 ? 'orange' : undefined;
  return (
    <Text span size="sm" c={color} fw={left < 48 * 3600 ? 600 : undefined} data-testid="countdown">
      {left < 0 ? `overdue by ${humanDuration(left)}` : `in ${humanDuration(left)}`}
    </Text>
  );
}
