/**
 * Timing for the micro-benchmarks (sigv4.ts, tokens.ts), the method of policy.ts: a
 * warm-up per contender, then rounds alternating the contenders, each a fixed window
 * measured with process.hrtime.bigint() read between batches; the median round is
 * reported, with the fastest and slowest and their spread.
 */
import { loadavg } from 'node:os';

/** Runs `count` operations; returns something derived from their results (kept from dead-code elimination). */
export type SyncBatch = (count: number) => number;
export type AsyncBatch = (count: number) => Promise<number>;

export interface Contender {
  readonly name: string;
  readonly batch: SyncBatch | AsyncBatch;
  /** Operations between clock reads. */
  readonly size: number;
}

export interface Timing {
  readonly rounds: number;
  readonly roundNs: bigint;
  readonly warmupNs: bigint;
}

let sink = 0;

/** ns per operation over one window of `windowNs`. */
async function timeWindow(c: Contender, windowNs: bigint): Promise<number> {
  let ops = 0;
  const start = process.hrtime.bigint();
  const end = start + windowNs;
  let now = start;
  while (now < end) {
    const r = c.batch(c.size);
    sink += typeof r === 'number' ? r : await r;
    ops += c.size;
    now = process.hrtime.bigint();
  }
  return Number(now - start) / ops;
}

/** ns/op of every round, per contender, in the order given. */
export async function measure(contenders: readonly Contender[], timing: Timing): Promise<number[][]> {
  for (const c of contenders) await timeWindow(c, timing.warmupNs);
  const rounds: number[][] = contenders.map(() => []);
  for (let r = 0; r < timing.rounds; r++) {
    for (const [i, c] of contenders.entries()) rounds[i]?.push(await timeWindow(c, timing.roundNs));
  }
  if (sink === 0) throw new Error('no operation produced a result');
  return rounds;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export const tableHeader = (width: number): string =>
  `  ${'contender'.padEnd(width)} ${'median'.padStart(10)} ${'min'.padStart(10)} ${'max'.padStart(10)} ${'spread'.padStart(8)}`;

export function tableRow(name: string, xs: readonly number[], width: number): string {
  const m = median(xs);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return `  ${name.padEnd(width)} ${m.toFixed(0).padStart(10)} ${lo.toFixed(0).padStart(10)} ${hi.toFixed(0).padStart(10)} ${(((hi - lo) / m) * 100).toFixed(1).padStart(7)}%`;
}

export const loadAverage = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

export const perSecond = (ns: number): number => Math.round(1e9 / ns);
