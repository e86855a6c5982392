import { readFileSync } from 'node:fs';
import { Kind, parse, visit, type DocumentNode, type FieldDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE, SUPERGRAPH_FILE, composeSupergraph, lantaiSubgraphs } from '../../gateway/composition.js';

function isInaccessible(node: { directives?: readonly { name: { value: string } }[] }): boolean {
  return node.directives?.some((d) => d.name.value === 'inaccessible') ?? false;
}

function rootFields(document: DocumentNode, typeName: string): FieldDefinitionNode[] {
  return document.definitions.flatMap((d) =>
    (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === typeName ? [...(d.fields ?? [])] : [],
  );
}

describe('composition', () => {
  const fresh = composeSupergraph();

  it('the committed supergraph.graphql and api.graphql equal a fresh composition (run `npm run compose` when this fails)', () => {
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(fresh.supergraphSdl);
    expect(readFileSync(API_SCHEMA_FILE, 'utf8')).toBe(fresh.apiSdl);
  });

  it('every public root field of the archive contract takes an archive id or an entity id (ID!) as its first argument', () => {
    const archive = parse(lantaiSubgraphs().find((s) => s.name === 'archive')!.typeDefs);
    const offenders: string[] = [];
    let checked = 0;
    for (const typeName of ['Query', 'Mutation']) {
      for (const field of rootFields(archive, typeName)) {
        if (isInaccessible(field)) continue;
        checked += 1;
        const first = field.arguments?.[0];
        const isId = first?.type.kind === Kind.NON_NULL_TYPE && first.type.type.kind === Kind.NAMED_TYPE && first.type.type.name.value === 'ID';
        if (!isId) offenders.push(`${typeName}.${field.name.value}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
  });

  it('the routing rule catches a public root field without an id argument', () => {
    // The same check as above, run on a contract that breaks it, so the rule cannot pass vacuously.
    const broken = parse('type Query { archive(id: ID!): String  everything(first: Int): [String] }');
    const offenders = rootFields(broken, 'Query').filter((f) => {
      const first = f.arguments?.[0];
      return !(first?.type.kind === Kind.NON_NULL_TYPE && first.type.type.kind === Kind.NAMED_TYPE && first.type.type.name.value === 'ID');
    });
    expect(offenders.map((f) => f.name.value)).toEqual(['everything']);
  });

  it('no @inaccessible field or type of any subgraph appears in api.graphql', () => {
    const api = parse(readFileSync(API_SCHEMA_FILE, 'utf8'));
    const apiTypes = new Map<string, Set<string>>();
    for (const d of api.definitions) {
      if ('name' in d && d.name && 'fields' in d) apiTypes.set(d.name.value, new Set((d.fields ?? []).map((f) => f.name.value)));
      else if ('name' in d && d.name) apiTypes.set(d.name.value, new Set());
    }
    const leaks: string[] = [];
    let hidden = 0;
    for (const subgraph of lantaiSubgraphs()) {
      for (const d of parse(subgraph.typeDefs).definitions) {
        if (!('name' in d) || !d.name) continue;
        const typeName = d.name.value;
        if (isInaccessible(d)) {
          hidden += 1;
          if (apiTypes.has(typeName)) leaks.push(typeName);
          continue;
        }
        for (const field of 'fields' in d ? (d.fields ?? []) : []) {
          if (!isInaccessible(field)) continue;
          hidden += 1;
          if (apiTypes.get(typeName)?.has(field.name.value)) leaks.push(`${typeName}.${field.name.value}`);
        }
      }
    }
    expect(hidden).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
    const machinery: string[] = [];
    visit(api, {
      Directive(node) {
        if (!['deprecated', 'specifiedBy', 'oneOf'].includes(node.name.value)) machinery.push(`@${node.name.value}`);
      },
      Name(node) {
        if (/^(join|link)__/.test(node.value)) machinery.push(node.value);
      },
    });
    expect(machinery).toEqual([]);
  });

  it('the supergraph names only placeholder subgraph URLs: endpoints are resolved at run time', () => {
    const urls = [...fresh.supergraphSdl.matchAll(/@join__graph\(name: "(\w+)", url: "([^"]+)"\)/g)].map((m) => [m[1], m[2]]);
    expect(urls.map(([name]) => name).sort()).toEqual(['archive', 'province']);
    for (const [, url] of urls) expect(new URL(url!).hostname.endsWith('.invalid')).toBe(true);
  });
});
