import { describe, expect, it } from 'vitest';
import { archiveHostSettings } from '../../subgraphs/archive/settings.js';
import { provinceSettings } from '../../subgraphs/province/settings.js';
import { DEMO_SUBGRAPH_SECRET } from '../../protocol/identity.js';

const BASE = { DATABASE_URL: 'postgres://db/lantai', LANTAI_SUBGRAPH_SECRET: 's' };

describe('province settings', () => {
  it('have each default once, read from the parts they configure', () => {
    expect(provinceSettings(BASE)).toEqual({
      databaseUrl: 'postgres://db/lantai',
      port: 4100,
      host: '127.0.0.1',
      province: '360000',
      subgraphSecret: 's',
      shardTimeoutMs: 2000,
      shardConcurrency: 16,
      statisticsTtlMs: 300_000,
      statisticsTimeoutMs: 8000,
      targets: { administrativeOpenRate: 0.3, digitisationRate: 0.15, itemLevelCatalogueRate: 0.9 },
      requestDeadlineWorkingDays: 10,
      searchMatchBudget: 20_000,
      searchCacheBytes: 64 * 1024 * 1024,
      probeIntervalMs: 15_000,
    });
  });

  it('let flags win over the environment', () => {
    const settings = provinceSettings({ ...BASE, PORT: '4400', LANTAI_PROVINCE: '110000' }, { port: '4500', province: '440000', database: 'postgres://other/x' });
    expect(settings).toMatchObject({ port: 4500, province: '440000', databaseUrl: 'postgres://other/x' });
  });

  it('refuse a concurrency or search budget of 0 instead of turning it into the default', () => {
    expect(() => provinceSettings({ ...BASE, LANTAI_SHARD_CONCURRENCY: '0' })).toThrow('LANTAI_SHARD_CONCURRENCY must be a whole number 1 or more, not "0".');
    expect(() => provinceSettings({ ...BASE, LANTAI_SEARCH_MATCH_BUDGET: '0' })).toThrow(/LANTAI_SEARCH_MATCH_BUDGET/);
  });

  it('turn the cache of search answers off with a size of 0, and refuse a size that is not a number', () => {
    expect(provinceSettings({ ...BASE, LANTAI_SEARCH_CACHE_BYTES: '0' }).searchCacheBytes).toBe(0);
    expect(() => provinceSettings({ ...BASE, LANTAI_SEARCH_CACHE_BYTES: '64M' })).toThrow(/LANTAI_SEARCH_CACHE_BYTES/);
  });

  it('refuse a target that is not a fraction and a timeout that is not a number', () => {
    expect(() => provinceSettings({ ...BASE, LANTAI_TARGET_DIGITISATION_RATE: '15%' })).toThrow('LANTAI_TARGET_DIGITISATION_RATE must be a fraction from 0 to 1, not "15%".');
    expect(() => provinceSettings({ ...BASE, LANTAI_STATISTICS_TIMEOUT_MS: 'soon' })).toThrow(/LANTAI_STATISTICS_TIMEOUT_MS/);
  });

  it('need the database and, outside the demo, the signing secret', () => {
    expect(() => provinceSettings({ LANTAI_SUBGRAPH_SECRET: 's' })).toThrow(/DATABASE_URL/);
    expect(() => provinceSettings({ DATABASE_URL: 'postgres://db/lantai' })).toThrow(/set LANTAI_SUBGRAPH_SECRET/);
    const warnings: string[] = [];
    const demo = provinceSettings({ DATABASE_URL: 'postgres://db/lantai', LANTAI_DEMO_SECRETS: 'on' }, {}, (message) => warnings.push(message));
    expect(demo.subgraphSecret).toBe(DEMO_SUBGRAPH_SECRET);
    expect(warnings).toEqual([expect.stringMatching(/public demo secret/)]);
  });
});

describe('archive host settings', () => {
  it('read the archives, each with its database', () => {
    expect(archiveHostSettings({ ...BASE, LANTAI_ARCHIVES: '360100, 360121=postgres://county/x' })).toEqual({
      archives: [
        { code: '360100', url: 'postgres://db/lantai' },
        { code: '360121', url: 'postgres://county/x' },
      ],
      port: 4101,
      host: '127.0.0.1',
      subgraphSecret: 's',
      oai: { pageSize: 500 },
      importConcurrency: 2,
    });
  });

  it('read how many uploaded imports run at once, refusing 0 and more than 16', () => {
    expect(archiveHostSettings({ ...BASE, LANTAI_IMPORT_CONCURRENCY: '4' }, { archive: '360100' }).importConcurrency).toBe(4);
    expect(() => archiveHostSettings({ ...BASE, LANTAI_IMPORT_CONCURRENCY: '0' }, { archive: '360100' })).toThrow('LANTAI_IMPORT_CONCURRENCY must be a whole number from 1 to 16, not "0".');
    expect(() => archiveHostSettings({ ...BASE, LANTAI_IMPORT_CONCURRENCY: '17' }, { archive: '360100' })).toThrow(/LANTAI_IMPORT_CONCURRENCY/);
  });

  it('read the OAI-PMH page size and administrator address, refusing a page of 0', () => {
    const oai = archiveHostSettings({ ...BASE, LANTAI_OAI_PAGE_SIZE: '200', LANTAI_OAI_ADMIN_EMAIL: 'oai@archive.example' }, { archive: '360100' }).oai;
    expect(oai).toEqual({ pageSize: 200, adminEmail: 'oai@archive.example' });
    expect(() => archiveHostSettings({ ...BASE, LANTAI_OAI_PAGE_SIZE: '0' }, { archive: '360100' })).toThrow(/LANTAI_OAI_PAGE_SIZE/);
    expect(() => archiveHostSettings({ ...BASE, LANTAI_OAI_PAGE_SIZE: '9000' }, { archive: '360100' })).toThrow(/LANTAI_OAI_PAGE_SIZE/);
  });

  it('refuse a code that is not an archive, an archive without a database, none at all, and no secret', () => {
    expect(() => archiveHostSettings(BASE, { archive: '3601' })).toThrow(/not an archive code/);
    expect(() => archiveHostSettings({ LANTAI_SUBGRAPH_SECRET: 's' }, { archive: '360100' })).toThrow(/no database for archive 360100/);
    expect(() => archiveHostSettings(BASE)).toThrow(/give the archives to host/);
    expect(() => archiveHostSettings({ DATABASE_URL: 'postgres://db/lantai' }, { archive: '360100' })).toThrow(/set LANTAI_SUBGRAPH_SECRET/);
  });
});
