// What every bench measures with: a fixed number of calls at a fixed concurrency, throughput and latency percentiles.

/** Runs `count` calls of `task(i)` with `concurrency` in flight; returns throughput and latency percentiles (ms). */
export async function measure(count, concurrency, task) {
  const latencies = new Array(count);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      const t0 = performance.now();
      await task(index);
      latencies[index] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { rps: count / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** One printed line of a measured phase. */
export const line = (name, result) =>
  `${name.padEnd(16)} ${result.rps.toFixed(0).padStart(7)} req/s   p50 ${result.p50.toFixed(2).padStart(7)} ms   p99 ${result.p99.toFixed(2).padStart(7)} ms`;
