import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY, PUBLIC, archivistOf, startArchiveWorld, type ArchiveWorld } from './fixture.js';

let world: ArchiveWorld;

beforeAll(async () => {
  world = await startArchiveWorld('statements');
  const fonds: number[] = [];
  for (let f = 0; f < 5; f++) {
    const [row] = await world.sql(CITY, `insert into $schema.fonds (fonds_code, name, creator) values (?, ?, ?) returning id`, [`J${f}`, `全宗${f}`, `立档单位${f}`]);
    fonds.push(row.id);
  }
  await world.sql(
    CITY,
    `insert into $schema.record (fonds_id, level, reference_code, title, year, retention, access, category)
     select (array[${fonds.join(', ')}])[1 + n % 5], 'ITEM', 'J-WS·2000-' || lpad(n::text, 4, '0'), '文件' || n, 2000, 'D30', 'OPEN', 'ADMINISTRATIVE'
       from generate_series(1, 120) as n`,
  );
  await world.sql(
    CITY,
    `insert into $schema.digital_object (record_id, format, pages, bytes, sha256)
     select r.id, 'PDF', 3, 300, repeat('a', 64) from $schema.record r, generate_series(1, 2) where r.id % 3 = 0`,
  );
});

afterAll(async () => {
  await world?.close();
});

const PAGE = `query($first: Int!) { archive(id: "360100") { records(first: $first) { totalCount nodes {
  id referenceCode fonds { id fondsCode name } digitalObjects { id pages } hasDigitalCopy parent { id } archive { name }
} } } }`;

async function statementsFor(first: number, identity = PUBLIC): Promise<number> {
  const before = world.statements.length;
  const result = await world.graphql(identity, PAGE, { first });
  expect(result.errors).toBeUndefined();
  expect(result.data.archive.records.nodes).toHaveLength(first);
  return world.statements.length - before;
}

describe('no N+1: statements per page do not grow with the page', () => {
  it('a page of 50 records with their fonds and digital copies takes as many statements as a page of 5', async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(five).toBeGreaterThan(0);
    expect(fifty).toBe(five);
  });

  it('the same holds for the archivist and for _entities batches', async () => {
    expect(await statementsFor(50, archivistOf(CITY))).toBe(await statementsFor(5, archivistOf(CITY)));
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Record { id fonds { fondsCode } digitalObjects { id } } } }`;
    const count = async (n: number) => {
      const before = world.statements.length;
      const representations = Array.from({ length: n }, (_, i) => ({ __typename: 'Record', id: `360100:Record:${i + 1}` }));
      const result = await world.graphql(PUBLIC, ENTITIES, { r: representations });
      expect(result.data._entities.filter(Boolean)).toHaveLength(n);
      return world.statements.length - before;
    };
    expect(await count(50)).toBe(await count(5));
  });
});
