/**
 * Scenario 3, province statistics (馆藏统计) through the gateway. Warm: the province's
 * holdings cache holds every archive's figures. Cold: the province service has just been
 * restarted, so its first answer waits for every archive's holdings (the shards' databases
 * stay as warm as they were: this is the province's cold path, not a cold disk).
 */
import { measureRounds, summarise, type RoundsRow } from '../measure.js';
import type { BenchNetwork } from '../network.js';
import { atMost, type ScenarioResult } from '../report.js';

export interface StatisticsOptions {
  warmRequests: number;
  concurrentRequests: number;
  /** Restarts of the province service, one cold request each. */
  coldSamples: number;
  maxDurationMs: number;
  /** Rounds of each warm case (at least three): the figures are the medians of the rounds'. */
  rounds: number;
  /** Judge the targets (issue 18's, set for the whole province); otherwise they are reported, not judged. */
  provinceScale: boolean;
}

export const STATISTICS = `query Statistics {
  statistics {
    totals { holdings open files items digitised visitors }
    rates { openRate digitisationRate itemLevelCatalogueRate }
    targets { target value met }
    byRegion { region { code name } totals { holdings open } rates { openRate } }
    byCategory { category totals { holdings open } }
    coverage { archives contributed partial asOf }
  }
}`;

async function statistics(net: BenchNetwork, archives: number): Promise<void> {
  const data = (await net.gateway(STATISTICS)).statistics;
  if (data.coverage.partial || data.coverage.contributed !== archives) {
    throw new Error(`statistics covered ${data.coverage.contributed} of ${archives} archives`);
  }
  if (!(data.totals.holdings > 0)) throw new Error('statistics without holdings');
}

export async function statisticsScenario(net: BenchNetwork, options: StatisticsOptions): Promise<ScenarioResult> {
  const archives = net.codes.length;
  const cold: number[] = [];
  let coldErrors = 0;
  for (let i = 0; i < options.coldSamples; i++) {
    await net.network.province.stop();
    await net.network.province.start();
    const started = performance.now();
    try {
      await statistics(net, archives);
    } catch {
      coldErrors += 1;
    }
    cold.push(performance.now() - started);
  }
  if (options.coldSamples === 0) await statistics(net, archives);
  const coldRow = summarise('cold (province just restarted)', 1, cold, coldErrors, cold.reduce((s, x) => s + x, 0));
  const warm: RoundsRow[] = [];
  for (const clients of [1, 16]) {
    const requests = clients === 1 ? options.warmRequests : options.concurrentRequests;
    warm.push(await measureRounds('warm (cached)', { clients, requests, maxDurationMs: options.maxDurationMs, warmup: 3 }, options.rounds, () => statistics(net, archives)));
  }
  return {
    scenario: 'statistics',
    title: `province statistics (statistics via the gateway, ${archives} archives, anonymous public)`,
    rows: [coldRow, ...warm],
    targets: [
      atMost('statistics p95 ≤ 10 ms warm (one client)', warm[0]!.p95Ms, 10, 'ms', options.provinceScale),
      atMost('statistics p95 ≤ 1 s cold', coldRow.p95Ms, 1000, 'ms', options.provinceScale),
    ],
    notes: [
      `cold: ${cold.length} restarts of the province service, one request each.`,
      `warm: ${options.rounds} rounds per case; p50 and p95 are the medians of the rounds' own, p95 min and max their range.`,
    ],
  };
}
