import { performance } from "node:perf_hooks";

/** One figure of the benchmark, printed as a JSON line `{"name","value","unit"}`. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The budget, when the issue sets one: `value` must stay on the `better` side of it. */
  budget?: { limit: number; better: "lower" | "higher" };
}

/** Median wall time in ms of `runs` runs of `task`, after one warm-up run. */
export async function medianMs(runs: number, task: () => unknown): Promise<number> {
  await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Calls per second of `call`, run for at least `minMs` ms. */
export function perSecond(call: () => unknown, minMs = 500): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 1000; i++) call();
    calls += 1000;
    elapsed = performance.now() - start;
  }
  return (calls * 1000) / elapsed;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function verdict(figure: Figure): string {
  if (!figure.budget) return "";
  const { limit, better } = figure.budget;
  const ok = better === "lower" ? figure.value <= limit : figure.value >= limit;
  return `${ok ? "ok" : "OVER"} (budget ${better === "lower" ? "≤" : "≥"} ${limit})`;
}
