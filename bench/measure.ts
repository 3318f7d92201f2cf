import { performance } from 'node:perf_hooks';

/** Milliseconds taken by `fn`. */
export async function timeMs(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of `runs` timings; the runs of several phases are interleaved by the caller to share any drift. */
export interface Phase {
  /** Every run's time in ms, in the order they ran. */
  runsMs: number[];
  medianMs: number;
}

export const phase = (runsMs: number[]): Phase => ({ runsMs, medianMs: median(runsMs) });

/**
 * Runs each named phase `runs` times, round-robin (a, b, a, b, …), so a slow spell of the
 * machine lands on every phase alike rather than on whichever ran last.
 */
export async function interleaved<K extends string>(
  runs: number,
  phases: Record<K, () => Promise<unknown>>,
): Promise<Record<K, Phase>> {
  const names = Object.keys(phases) as K[];
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as unknown as Record<K, number[]>;
  for (let i = 0; i < runs; i += 1) {
    for (const name of names) times[name].push(await timeMs(phases[name]));
  }
  return Object.fromEntries(names.map((n) => [n, phase(times[n])])) as unknown as Record<K, Phase>;
}

/**
 * Like `interleaved`, but each run is cut into `blocks` slices and the phases alternate slice by slice
 * (a₁ b₁ a₂ b₂ …): on a busy machine this keeps a ratio honest even when the load changes within a run.
 * A run's time is the sum of its slices.
 */
export async function interleavedBlocks<K extends string>(
  runs: number,
  blocks: number,
  phases: Record<K, (block: number) => Promise<unknown>>,
): Promise<Record<K, Phase>> {
  const names = Object.keys(phases) as K[];
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as unknown as Record<K, number[]>;
  for (let r = 0; r < runs; r += 1) {
    const sums = Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;
    for (let b = 0; b < blocks; b += 1) {
      for (const name of names) sums[name] += await timeMs(() => phases[name](b));
    }
    for (const name of names) times[name].push(sums[name]);
  }
  return Object.fromEntries(names.map((n) => [n, phase(times[n])])) as unknown as Record<K, Phase>;
}
