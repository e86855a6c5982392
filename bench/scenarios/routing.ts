/**
 * Scenario 1, gateway routing overhead: the same reads through the gateway and straight to
 * the shards (signed as the gateway signs), in alternating rounds of the same run. record(id)
 * reads one record of one archive; the three-archive query reads one record of each of three
 * archives, which the gateway sends to their shards in parallel, and which the direct side
 * sends as three parallel shard calls.
 */
import { measurePair, type LatencyRow } from '../measure.js';
import type { BenchNetwork } from '../network.js';
import { atMost, type ScenarioResult } from '../report.js';

export interface RoutingOptions {
  /** Requests per case and side, at one client. */
  requests: number;
  /** Requests each side gets, unmeasured, before the first round. */
  warmup: number;
  /** Requests per case and side at 16 clients. */
  concurrentRequests: number;
  maxDurationMs: number;
  /** Judge the target (issue 18's, set for the whole province); otherwise it is reported, not judged. */
  provinceScale: boolean;
}

const RECORD = `query Record($id: ID!) { record(id: $id) { id referenceCode title year access category } }`;
const THREE = `query Three($a: ID!, $b: ID!, $c: ID!) {
  a: record(id: $a) { id referenceCode title year access category }
  b: record(id: $b) { id referenceCode title year access category }
  c: record(id: $c) { id referenceCode title year access category }
}`;
const OPEN_RECORDS = `query Open($archive: ID!) { archive(id: $archive) { records(first: 20, filter: { access: [OPEN] }) { nodes { id } } } }`;

/** Three archives, on different hosts where there are several. */
export function pickThreeArchives(net: Pick<BenchNetwork, 'codes' | 'hostOf'>): string[] {
  const picked: string[] = [];
  for (const code of net.codes) {
    if (picked.length === 3) break;
    if (!picked.some((p) => net.hostOf(p) === net.hostOf(code))) picked.push(code);
  }
  for (const code of net.codes) if (picked.length < 3 && !picked.includes(code)) picked.push(code);
  return picked;
}

/** Reads an archive's data, from its shard or through the gateway. */
export type ArchiveRead = (code: string, query: string, variables: Record<string, unknown>) => Promise<Record<string, any>>;

/** Ids of open records (开放) of an archive, which the anonymous public may read. */
export async function openRecordIds(read: ArchiveRead, code: string): Promise<string[]> {
  const data = await read(code, OPEN_RECORDS, { archive: code });
  const ids = (data.archive?.records?.nodes ?? []).map((n: { id: string }) => n.id);
  if (ids.length === 0) throw new Error(`Archive ${code} has no open record to read.`);
  return ids;
}

function expectRecord(record: { id: string } | null | undefined, id: string): void {
  if (!record || record.id !== id) throw new Error(`record ${id} missing from the answer`);
}

export async function routingScenario(net: BenchNetwork, options: RoutingOptions): Promise<ScenarioResult> {
  const archives = pickThreeArchives(net);
  const ids = await Promise.all(archives.map((code) => openRecordIds(net.shard, code)));
  const codeOf = (id: string) => id.slice(0, id.indexOf(':'));
  const one = (i: number) => ids[0]![i % ids[0]!.length]!;
  const three = (i: number) => ids.map((list) => list[i % list.length]!) as [string, string, string];

  const viaGatewayOne = async (i: number) => expectRecord((await net.gateway(RECORD, { id: one(i) })).record, one(i));
  const directOne = async (i: number) => expectRecord((await net.shard(codeOf(one(i)), RECORD, { id: one(i) })).record, one(i));
  const viaGatewayThree = async (i: number) => {
    const [a, b, c] = three(i);
    const data = await net.gateway(THREE, { a, b, c });
    expectRecord(data.a, a);
    expectRecord(data.b, b);
    expectRecord(data.c, c);
  };
  const directThree = async (i: number) => {
    const answers = await Promise.all(three(i).map((id) => net.shard(codeOf(id), RECORD, { id })));
    answers.forEach((data, k) => expectRecord(data.record, three(i)[k]!));
  };

  const rows: LatencyRow[] = [];
  for (const clients of [1, 16]) {
    const requests = clients === 1 ? options.requests : options.concurrentRequests;
    // The warm-up counts once per side, before the first round at one client.
    const plan = { clients, requests, maxDurationMs: options.maxDurationMs, warmup: clients === 1 ? options.warmup : Math.min(requests, 20) };
    const [gatewayOne, shardOne] = await measurePair(['record(id) via gateway', 'record(id) direct to shard'], plan, [viaGatewayOne, directOne]);
    const [gatewayThree, shardThree] = await measurePair(['three archives via gateway', 'three archives direct (3 parallel calls)'], plan, [viaGatewayThree, directThree]);
    rows.push(gatewayOne, shardOne, gatewayThree, shardThree);
  }
  const single = rows.slice(0, 4);
  const added = single[0]!.p50Ms - single[1]!.p50Ms;
  const withRatio = rows.map((row, i) => ({
    ...row,
    ratio: i % 2 === 0 ? Math.round((row.p50Ms / rows[i + 1]!.p50Ms) * 100) / 100 : null,
  }));
  return {
    scenario: 'routing',
    title: 'gateway routing overhead (gateway vs direct shard call, same run)',
    rows: withRatio,
    targets: [atMost('gateway adds ≤ 1 ms at p50 to record(id) over a direct shard call', Math.round(added * 1000) / 1000, 1, 'ms', options.provinceScale)],
    notes: [
      `archives read: ${archives.join(', ')} (hosts ${archives.map((a) => net.hostOf(a) + 1).join(', ')}); ratio = gateway p50 / direct p50.`,
      "4 alternating rounds per case and side: p50 and p95 are the medians of the rounds' own, p95 min and max their range.",
      `each side was warmed with ${options.warmup} unmeasured requests first (steady state of long-running services).`,
    ],
  };
}
