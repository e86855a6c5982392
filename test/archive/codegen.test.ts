import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import config from '../../codegen/codegen.js';

const OUTPUT = 'subgraphs/archive/generated/resolvers-types.ts';

describe('generated resolver types', () => {
  it('are fresh: regenerating from schema/archive.graphql gives the committed file', async () => {
    const entry = (config.generates as Record<string, unknown>)[OUTPUT];
    expect(entry).toBeDefined();
    const [generated] = await generate({ ...config, silent: true, generates: { [OUTPUT]: entry as never } }, false);
    expect(generated!.filename).toBe(OUTPUT);
    const committed = await readFile(OUTPUT, 'utf8');
    expect(generated!.content).toBe(committed);
  });
});
