import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VerifyResult } from './audit-verify.ts';
import type { WritePhaseResult, WriteResult } from './audit-write.ts';

export interface Ratios {
  /** with-audit throughput ÷ without-audit throughput (1 = free). */
  writeThroughput: number;
  writeOverheadMs: number;
  concurrentWriteThroughput?: number;
  concurrentWriteOverheadMs?: number;
  /** verify time ÷ raw SHA-256 time over the same bytes (how many times slower). */
  verifyOverRawSha256: number;
  /** verify time ÷ time to only fetch the rows. */
  verifyOverFetch: number;
}

export interface TargetReport {
  name: string;
  where?: string;
  skipped?: string;
  write?: WriteResult;
  verify?: VerifyResult;
  ratios?: Ratios;
  notes?: string[];
}

export function ratios(write: WriteResult, verify: VerifyResult): Ratios {
  const { withAudit, withoutAudit } = write.sequential;
  const out: Ratios = {
    writeThroughput: withAudit.opsPerSec / withoutAudit.opsPerSec,
    writeOverheadMs: withAudit.msPerOp - withoutAudit.msPerOp,
    verifyOverRawSha256: verify.verify.medianMs / verify.rawSha256.medianMs,
    verifyOverFetch: verify.verify.medianMs / verify.fetchOnly.medianMs,
  };
  if (write.concurrent) {
    out.concurrentWriteThroughput = write.concurrent.withAudit.opsPerSec / write.concurrent.withoutAudit.opsPerSec;
    out.concurrentWriteOverheadMs = write.concurrent.withAudit.msPerOp - write.concurrent.withoutAudit.msPerOp;
  }
  return out;
}

const num = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const writeRow = (label: string, p: WritePhaseResult) => [
  label,
  num(p.medianMs),
  num(p.opsPerSec),
  num(p.msPerOp, 3),
  p.runsMs.map((ms) => num(ms)).join(' / '),
];

export function formatTarget(report: TargetReport): string {
  const head = `=== ${report.name}${report.where ? ` (${report.where})` : ''} ===`;
  if (report.skipped) return `${head}\n  skipped: ${report.skipped}`;
  const { write, verify, ratios: r } = report;
  if (!write || !verify || !r) return `${head}\n  no results`;
  const s = write.sequential;
  const writeRows = [writeRow('update, no audit', s.withoutAudit), writeRow('update + audit.record', s.withAudit)];
  if (write.concurrent) {
    const c = write.concurrent;
    writeRows.push(writeRow(`${c.writers} writers, no audit`, c.withoutAudit));
    writeRows.push(writeRow(`${c.writers} writers, + audit.record`, c.withAudit));
  }
  const v = verify;
  const verifyRow = (label: string, p: VerifyResult['verify']) => [
    label,
    num(p.medianMs),
    num(p.entriesPerSec),
    num(p.mbPerSec, 1),
    p.runsMs.map((ms) => num(ms)).join(' / '),
  ];
  const lines = [
    head,
    `audit write cost: ${num(s.withAudit.writes)} writes per run, one transaction each, alternating in slices of 100, median of ${s.withAudit.runsMs.length} runs`,
    table(['phase', 'ms', 'writes/s', 'ms/write', 'runs (ms)'], writeRows),
    '',
    `audit verify: ${num(v.entries)} entries, ${num(v.bytes / 1e6, 2)} MB of entry bytes (chain built in ${num(v.buildMs)} ms), median of ${v.verify.runsMs.length} runs`,
    table(
      ['phase', 'ms', 'entries/s', 'MB/s', 'runs (ms)'],
      [
        verifyRow('raw sha-256 (bytes in memory)', v.rawSha256),
        verifyRow('fetch only (batches of 5000)', v.fetchOnly),
        verifyRow('canonical JSON + sha-256 (in memory)', v.hashInMemory),
        verifyRow('audit verify', v.verify),
      ],
    ),
    '',
    'ratios',
    `  write throughput with/without audit: ${num(r.writeThroughput, 2)} (audit adds ${num(r.writeOverheadMs, 3)} ms per write)`,
  ];
  if (r.concurrentWriteThroughput !== undefined && r.concurrentWriteOverheadMs !== undefined) {
    lines.push(
      `  ${write.concurrent?.writers} concurrent writers, with/without audit: ${num(r.concurrentWriteThroughput, 2)} (adds ${num(r.concurrentWriteOverheadMs, 3)} ms per write)`,
    );
  }
  lines.push(
    `  verify / raw sha-256 (time): ${num(r.verifyOverRawSha256, 1)}x`,
    `  verify / fetch only (time):  ${num(r.verifyOverFetch, 2)}x`,
  );
  for (const note of report.notes ?? []) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

export function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
