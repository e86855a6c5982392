/**
 * The typed client's generated files and the trusted-documents manifest: fresh, complete, and
 * made only of documents the public API and the gateway's limits accept.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { buildSchema, Kind, parse, validate } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import config, { CLIENT_OPERATIONS } from '../../codegen/codegen.js';
import { GRAPHIQL_EXAMPLE } from '../../gateway/graphiql.js';
import { DEFAULT_QUERY_LIMITS, queryLimitSetup } from '../../gateway/limits.js';
import { documentId, parseManifest } from '../../gateway/trusted-documents.js';

const TARGET = 'client/generated/';
const target = config.generates[TARGET]!;
const root = new URL('../../', import.meta.url);
const api = buildSchema(readFileSync(new URL('schema/api.graphql', root), 'utf8'));
const manifest = parseManifest(readFileSync(new URL(`${TARGET}persisted-documents.json`, root), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'lantai-client-codegen-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Output = { filename: string; content: string };

describe('the typed client’s generated files', () => {
  it('are generated from schema/api.graphql and the operation documents, and committed fresh (run npm run codegen)', async () => {
    const outputs = (await generate({ ...config, generates: { [TARGET]: target }, silent: true }, false)) as Output[];
    expect(outputs.map((output) => output.filename).sort()).toEqual(
      ['gql.ts', 'graphql.ts', 'index.ts', 'persisted-documents.json'].map((name) => `${TARGET}${name}`),
    );
    for (const output of outputs) {
      expect(output.content, output.filename).toBe(readFileSync(new URL(output.filename, root), 'utf8'));
    }
  });

  it('take the dashboard’s operation documents and GraphiQL’s example too', () => {
    expect(CLIENT_OPERATIONS).toEqual(['client/operations/**/*.graphql', 'dashboard/operations/**/*.graphql', 'gateway/graphiql-example.graphql']);
    expect((target as { documents: unknown }).documents).toBe(CLIENT_OPERATIONS);
  });

  it('fail to generate when a document no longer matches the schema', async () => {
    const misspelt = join(scratch, 'misspelt.graphql');
    writeFileSync(misspelt, 'query Misspelt { archive(id: "360100") { naem } }\n');
    const broken = { ...target, documents: [misspelt] } as typeof target;
    await expect(generate({ ...config, generates: { [join(scratch, 'out/')]: broken }, silent: true }, false)).rejects.toThrow(/naem/);
  });
});

describe('the trusted-documents manifest', () => {
  const operations = [...manifest.values()].map((text) => parse(text));

  it('holds every operation of the operation documents, each under the id the gateway computes for it', () => {
    const typed = readFileSync(new URL(`${TARGET}graphql.ts`, root), 'utf8');
    const names = operations.map((document) => document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!.name!.value).sort();
    expect(names).toContain('SearchCatalogue');
    expect(names).toContain('SubmitAccessRequest');
    for (const name of names) expect(typed).toContain(`export const ${name}Document = {"__meta__":{"hash":"`);
    for (const [id, text] of manifest) {
      expect(createHash('sha256').update(text).digest('hex')).toBe(id);
      const document = parse(text);
      const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
      expect(documentId(document, operation)).toBe(id);
    }
  });

  it('holds the query GraphiQL opens with, so that the public can run it where the gateway enforces trusted documents', () => {
    const example = parse(GRAPHIQL_EXAMPLE);
    const operation = example.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
    expect(manifest.has(documentId(example, operation))).toBe(true);
  });

  it('holds only documents valid against the public API and within the gateway’s limits', () => {
    const { validationRules } = queryLimitSetup(DEFAULT_QUERY_LIMITS);
    for (const document of operations) {
      expect(validate(api, document).map((error) => error.message)).toEqual([]);
      expect(validate(api, document, validationRules).map((error) => error.message)).toEqual([]);
    }
  });
});
