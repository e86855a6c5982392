import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen/codegen.js';

const TARGET = 'subgraphs/province/generated/resolvers-types.ts';
const SHARD_OPERATIONS = 'subgraphs/province/generated/shard-operations.ts';

async function generated(file: string): Promise<{ filename: string; content: string }[]> {
  const target = config.generates[file];
  expect(target).toBeDefined();
  return (await generate({ ...config, generates: { [file]: target! }, silent: true }, false)) as { filename: string; content: string }[];
}

describe('province resolver types', () => {
  it('are generated from schema/province.graphql and committed fresh (run npm run codegen)', async () => {
    const outputs = await generated(TARGET);
    const committed = readFileSync(new URL(`../../${TARGET}`, import.meta.url), 'utf8');
    expect(outputs).toHaveLength(1);
    expect(outputs[0]!.content).toBe(committed);
  });

  it('of the calls to the shards are generated from their .graphql documents against schema/archive.graphql and committed fresh', async () => {
    const outputs = await generated(SHARD_OPERATIONS);
    expect(outputs).toHaveLength(1);
    expect(outputs[0]!.content).toBe(readFileSync(new URL(`../../${SHARD_OPERATIONS}`, import.meta.url), 'utf8'));
    for (const operation of ['SearchRecordsQuery', 'HoldingsQuery', 'GrantRecordAccessMutation']) expect(outputs[0]!.content).toContain(`export type ${operation} =`);
  });
});
