/**
 * The catalogue's terms (protocol/catalogue-terms.ts) are the words the archive contract's
 * descriptions give its coded values: an export, a harvester and the dashboard show what the
 * schema documents, for every value it has.
 */
import { readFileSync } from 'node:fs';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ACCESS_TERMS, CATEGORY_TERMS, CLASSIFICATION_TERMS, LEVEL_TERMS, RETENTION_TERMS } from '../../protocol/catalogue-terms.js';

const contract = parse(readFileSync(new URL('../../schema/archive.graphql', import.meta.url), 'utf8'));

/** Each value of an enum of the contract with the term its description starts with ("文书 — …"). */
function documentedTerms(name: string): Record<string, string> {
  const definition = contract.definitions.find((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === name);
  if (!definition) throw new Error(`schema/archive.graphql has no enum ${name}`);
  return Object.fromEntries((definition.values ?? []).map((value) => [value.name.value, value.description!.value.split(' — ')[0]!.split(' (')[0]!]));
}

describe('the catalogue terms', () => {
  it('name every value of 门类, 保管期限, 密级, 开放状态 and 著录层次 as the archive contract documents it', () => {
    expect({ ...CATEGORY_TERMS }).toEqual(documentedTerms('Category'));
    expect({ ...RETENTION_TERMS }).toEqual(documentedTerms('Retention'));
    expect({ ...CLASSIFICATION_TERMS }).toEqual(documentedTerms('Classification'));
    expect({ ...ACCESS_TERMS }).toEqual(documentedTerms('AccessStatus'));
    expect({ ...LEVEL_TERMS }).toEqual(documentedTerms('RecordLevel'));
  });
});
