import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen/codegen.js';

const TARGET = 'subgraphs/province/generated/resolvers-types.ts';

describe('province resolver types', () => {
  it('are generated from schema/province.graphql and committed fresh (run npm run codegen)', async () => {
    const target = config.generates[TARGET];
    expect(target).toBeDefined();
    const outputs = (await generate({ ...config, generates: { [TARGET]: target! }, silent: true }, false)) as { filename: string; content: string }[];
    const committed = readFileSync(new URL(`../../${TARGET}`, import.meta.url), 'utf8');
    expect(outputs).toHaveLength(1);
    expect(outputs[0]!.content).toBe(committed);
  });
});
