/** What the CLI prints: aligned tables and key/value blocks for people, JSON for scripts. */

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

const text = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined || value === '' ? '-' : String(value);

export function printLine(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Columns padded to their widest cell; the last column is not padded. */
export function printTable<T>(rows: readonly T[], columns: readonly Column<T>[]): void {
  if (rows.length === 0) {
    printLine('(none)');
    return;
  }
  const cells = rows.map((row) => columns.map((c) => text(c.value(row))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const format = (values: readonly string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  printLine(format(columns.map((c) => c.header)));
  for (const row of cells) printLine(format(row));
}

/** `label: value` lines with the values aligned. */
export function printFields(fields: readonly [string, string | number | boolean | null | undefined][]): void {
  const width = Math.max(...fields.map(([label]) => label.length)) + 1;
  for (const [label, value] of fields) printLine(`${`${label}:`.padEnd(width)} ${text(value)}`);
}

/** A note under a list that was cut short, so nobody mistakes a page for everything. */
export function printPageNote(shown: number, total: number): void {
  if (total > shown) printLine(`(showing ${shown} of ${total}; use --limit to see more)`);
}

export const isoDate = (date: Date | null | undefined): string | null => date?.toISOString() ?? null;
