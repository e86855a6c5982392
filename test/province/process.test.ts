import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signIdentity } from '../../protocol/identity.js';
import { ServiceProcess } from '../../scripts/service-process.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { SECRET } from './province-fixture.js';

describe('npm run province (subgraphs/province/index.ts)', () => {
  let database: TestDatabase;
  let service: ServiceProcess;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('provproc');
    service = new ServiceProcess({
      name: 'province',
      entry: new URL('../../subgraphs/province/index.ts', import.meta.url).pathname,
      args: ['--database', database.url],
      env: { LANTAI_SUBGRAPH_SECRET: SECRET, LANTAI_PROBE_INTERVAL_MS: '100', LANTAI_PROVINCE: '360000' },
      log: (line) => lines.push(line),
    });
  });

  afterAll(async () => {
    await service.stop();
    await database.drop();
  });

  it('migrates a fresh database, listens where it says, answers signed requests and stops on SIGTERM', async () => {
    const port = await service.start();
    await vi.waitFor(() => expect(lines).toContain(`[province] province: http://127.0.0.1:${port}/graphql (江西省, 112 regions)`));
    const url = `http://127.0.0.1:${port}/graphql`;
    const signed = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signIdentity({ role: 'public' }, SECRET) },
      body: JSON.stringify({ query: '{ province { code name } regions(level: CITY) { code } }' }),
    });
    expect(await signed.json()).toMatchObject({ data: { province: { code: '360000', name: '江西省' } } });
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ province { code } }"}' });
    expect(unsigned.status).toBe(401);

    const pid = service.pid!;
    await service.stop();
    expect(service.running).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
