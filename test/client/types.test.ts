/**
 * The typed client's types, as a developer's compiler sees them: test/client/consumer/consumer.ts
 * imports lantai/client under NodeNext and makes mistakes marked @ts-expect-error, and it must
 * compile without a diagnostic. A type too loose to catch one of them leaves its directive
 * unused, which tsc reports (TS2578); the generated files failing NodeNext (TS2835) are reported too.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const consumerDir = fileURLToPath(new URL('./consumer/', import.meta.url));

function diagnosticsOf(configFile: string): string[] {
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, consumerDir);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start!).line + 1}` : '';
    return `${where} TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

describe('a consumer of lantai/client', () => {
  it('type-checks under NodeNext, and every mistake it marks is an error', () => {
    expect(diagnosticsOf(`${consumerDir}tsconfig.json`)).toEqual([]);
    const marked = readFileSync(`${consumerDir}consumer.ts`, 'utf8').match(/\/\/ @ts-expect-error/g) ?? [];
    expect(marked.length).toBeGreaterThanOrEqual(13);
  });
});
