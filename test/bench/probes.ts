/** Twenty CPU probes around 5 ms, the probes' own spread, with `slow` of them at half speed (bench/cpu-speed.ts). */
export function probes(slow: number): number[] {
  return Array.from({ length: 20 }, (_, i) => (i < slow ? 10 : 4.6 + (i % 5) * 0.2));
}
