/** Nearest-rank percentile (`p` in 0..100) of ascending `sorted`; 0 for an empty list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/** Least, middle (lower middle of an even count) and greatest of repeated measurements. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/**
 * The spread of the finite `values` (NaN marks a run that measured nothing); NaN throughout when
 * there is none.
 * @example spread([3, 1, 2]) // { min: 1, median: 2, max: 3 }
 */
export function spread(values: readonly number[]): Spread {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { min: Number.NaN, median: Number.NaN, max: Number.NaN };
  return { min: sorted[0] as number, median: sorted[(sorted.length - 1) >> 1] as number, max: sorted[sorted.length - 1] as number };
}

/** Latency percentiles in milliseconds of one run. */
export interface Latency {
  readonly p50: number;
  readonly p99: number;
}

/** p50 and p99 of unsorted samples (sorted in place). */
export function latencyOf(samples: number[]): Latency {
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** `value / limit`, or NaN when the limit is missing or zero (printed as "n/a"). */
export function ratio(value: number, limit: number | undefined): number {
  return limit === undefined || limit === 0 || !Number.isFinite(limit) ? Number.NaN : value / limit;
}

/**
 * Runs `task(0)` … `task(count - 1)` with at most `concurrency` in flight, each started as soon as a
 * slot frees up. Never rejects: every task's outcome is returned in its own slot.
 */
export async function runPool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      try {
        results[index] = { status: "fulfilled", value: await task(index) };
      } catch (reason) {
        results[index] = { status: "rejected", reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return results;
}
