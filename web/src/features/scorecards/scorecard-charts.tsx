import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ScorecardMonth, Statistics } from '../../api/types';

// Fixed colours that also read in black-and-white print: green, amber, red, and a dark line.
const colours = { met: '#2f9e44', late: '#f08c00', missed: '#e03131', line: '#1c3d8c', high: '#f08c00' };
const height = 280;

/** Obligations per month stacked by outcome, with the month's reports as a line on its own axis. */
export function ObligationsTrendChart({ trend }: { trend: ScorecardMonth[] }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={trend} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" fontSize={12} />
        <YAxis yAxisId="obligations" allowDecimals={false} fontSize={12} />
        <YAxis yAxisId="reports" orientation="right" allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Legend />
        <Bar
          yAxisId="obligations"
          dataKey="metOnTime"
          name="Met on time"
          stackId="o"
          fill={colours.met}
          isAnimationActive={false}
        />
        <Bar
          yAxisId="obligations"
          dataKey="late"
          name="Late"
          stackId="o"
          fill={colours.late}
          isAnimationActive={false}
        />
        <Bar
          yAxisId="obligations"
          dataKey="missed"
          name="Missed"
          stackId="o"
          fill={colours.missed}
          isAnimationActive={false}
        />
        <Line
          yAxisId="reports"
          type="monotone"
          dataKey="reports"
          name="Reports"
          stroke={colours.line}
          strokeWidth={2}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function ReportsPerMonthChart({ data }: { data: Statistics['reportsPerMonth'] }) {
  const rows = data.map((r) => ({ ...r, other: r.reports - r.critical - r.high }));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Legend />
        <Bar dataKey="critical" name="Critical" stackId="r" fill={colours.missed} isAnimationActive={false} />
        <Bar dataKey="high" name="High" stackId="r" fill={colours.high} isAnimationActive={false} />
        <Bar dataKey="other" name="Other" stackId="r" fill={colours.line} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function OnTimeRateChart({ data }: { data: Statistics['obligationsPerMonth'] }) {
  const rows = data.map((r) => ({
    month: r.month,
    onTime: r.onTimeRate === null ? null : Math.round(r.onTimeRate * 1000) / 10,
  }));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" fontSize={12} />
        <YAxis domain={[0, 100]} unit="%" fontSize={12} />
        <Tooltip />
        <Line
          type="monotone"
          dataKey="onTime"
          name="On time (%)"
          stroke={colours.met}
          strokeWidth={2}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Sanctions that started per month, stacked by measure. */
export function SanctionsPerMonthChart({ data }: { data: Statistics['sanctionsPerMonth'] }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Legend />
        <Bar dataKey="warnings" name="Warnings" stackId="s" fill={colours.high} isAnimationActive={false} />
        <Bar dataKey="suspensions" name="Suspensions" stackId="s" fill={colours.missed} isAnimationActive={false} />
        <Bar dataKey="revocations" name="Revocations" stackId="s" fill={colours.line} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function MonthlyCountChart({ data, dataKey, name }: { data: object[]; dataKey: string; name: string }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Bar dataKey={dataKey} name={name} fill={colours.missed} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
