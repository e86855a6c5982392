/**
 * A closed record must not be told from a record that does not exist by the time its answer
 * takes. For each caller, the test times many interleaved rounds of three requests at an
 * archive host: a closed (延期开放) record's id and two ids that exist nowhere. The noise of the
 * machine is what separates the two missing ids: the closed record's median may differ from a
 * missing id's by no more than the medians of two missing ids differ, plus the error of a
 * median measured that many times. No absolute time is assumed, so a busy machine only widens
 * the bound; the leak it guards against (an extra SQL statement, about a millisecond) does not
 * fit in it.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../protocol/identity.js';
import { CITY, COUNTY, PUBLIC, archivistOf, seedCatalogue, startArchiveWorld, supervisorOf, type ArchiveWorld } from '../archive/fixture.js';

const ROUNDS = 200;
/** A round is three requests; a busy two-core machine may take 30 ms for one. */
const TIMEOUT_MS = 180_000;
const WARM_UP = 30;

let world: ArchiveWorld;
let closedRecord: string;
let closedCopy: string;

beforeAll(async () => {
  world = await startArchiveWorld('timing');
  const seeded = await seedCatalogue(world, CITY);
  closedRecord = `${CITY}:Record:${seeded.records.s1}`;
  const [copy] = await world.sql(CITY, 'select id from $schema.digital_object where record_id = ? order by id limit 1', [seeded.records.s1]);
  closedCopy = `${CITY}:DigitalObject:${copy.id}`;
});

afterAll(async () => {
  await world?.close();
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The standard error of a sample's median, from its median absolute deviation (robust to outliers). */
function medianError(values: number[]): number {
  const m = median(values);
  const sigma = 1.4826 * median(values.map((v) => Math.abs(v - m)));
  return (1.2533 * sigma) / Math.sqrt(values.length);
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function timed(identity: Identity, query: string, id: string): Promise<number> {
  const start = performance.now();
  const answer = await world.graphql(identity, query, { id });
  const took = performance.now() - start;
  expect(answer.errors).toBeUndefined();
  expect(Object.values(answer.data!)).toEqual([null]);
  return took;
}

/** Times the closed id and two missing ids in interleaved rounds; returns the medians and the bound. */
async function compare(identity: Identity, query: string, closed: string, missing: [string, string]) {
  const ids = { closed, missingA: missing[0], missingB: missing[1] };
  const times: Record<keyof typeof ids, number[]> = { closed: [], missingA: [], missingB: [] };
  for (let round = 0; round < WARM_UP + ROUNDS; round += 1) {
    for (const key of shuffled(Object.keys(ids) as (keyof typeof ids)[])) {
      const took = await timed(identity, query, ids[key]);
      if (round >= WARM_UP) times[key].push(took);
    }
  }
  const [closedMedian, missingA, missingB] = [median(times.closed), median(times.missingA), median(times.missingB)];
  const noise = Math.abs(missingA - missingB) + 4 * Math.hypot(medianError(times.closed), medianError(times.missingA));
  return { difference: Math.abs(closedMedian - missingA), noise };
}

const RECORD = 'query($id: ID!) { record(id: $id) { id title } }';
const COPY = 'query($id: ID!) { digitalObject(id: $id) { id sha256 } }';

describe('the time an answer takes tells a closed record from a missing one to nobody', () => {
  it.each([
    ['a signed-in person', { role: 'public', sub: 'wang' } as Identity],
    ['an archivist of another archive', archivistOf(COUNTY)],
    ['a supervisor of another region', supervisorOf('360200')],
  ])('record(id) for %s', async (_, identity) => {
    const { difference, noise } = await compare(identity, RECORD, closedRecord, [`${CITY}:Record:900001`, `${CITY}:Record:900002`]);
    expect(difference, `closed vs missing ${difference.toFixed(3)} ms, noise ${noise.toFixed(3)} ms`).toBeLessThanOrEqual(noise);
  }, TIMEOUT_MS);

  it('digitalObject(id) of a closed record’s copy for the anonymous public', async () => {
    const { difference, noise } = await compare(PUBLIC, COPY, closedCopy, [`${CITY}:DigitalObject:900001`, `${CITY}:DigitalObject:900002`]);
    expect(difference, `closed vs missing ${difference.toFixed(3)} ms, noise ${noise.toFixed(3)} ms`).toBeLessThanOrEqual(noise);
  }, TIMEOUT_MS);
});
