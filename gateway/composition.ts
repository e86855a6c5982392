/**
 * Composition of Lantai's supergraph: the archive contract (once, as the subgraph `archive`,
 * although at run time it is a whole shard set) and the province subgraph.
 *
 * The subgraph URLs written into the supergraph are placeholders under the reserved `.invalid`
 * domain: the gateway never calls them. It resolves `archive` to one endpoint per archive code
 * from the province directory, and `province` to LANTAI_PROVINCE_URL.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { buildASTSchema, parse, printSchema } from 'graphql';

export const SCHEMA_DIR = fileURLToPath(new URL('../schema/', import.meta.url));
export const SUPERGRAPH_FILE = `${SCHEMA_DIR}supergraph.graphql`;
export const API_SCHEMA_FILE = `${SCHEMA_DIR}api.graphql`;

export interface SubgraphSource {
  name: string;
  /** Placeholder written into the supergraph; never called. */
  url: string;
  typeDefs: string;
}

export const SUBGRAPH_PLACEHOLDER_URLS = {
  archive: 'http://archive.shard-set.invalid/graphql',
  province: 'http://province.invalid/graphql',
} as const;

/** The subgraphs of the network, read from their SDL files (the source of truth). */
export function lantaiSubgraphs(schemaDir: string = SCHEMA_DIR): SubgraphSource[] {
  return (['archive', 'province'] as const).map((name) => ({
    name,
    url: SUBGRAPH_PLACEHOLDER_URLS[name],
    typeDefs: readFileSync(`${schemaDir}${name}.graphql`, 'utf8'),
  }));
}

export interface Composition {
  /** The supergraph SDL the gateway plans queries with. */
  supergraphSdl: string;
  /** The public schema clients see: no @inaccessible element, no federation machinery. */
  apiSdl: string;
}

export class CompositionError extends Error {
  constructor(readonly errors: readonly { message: string }[]) {
    super(`Composition failed:\n${errors.map((error) => `- ${error.message}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

export function composeSupergraph(subgraphs: SubgraphSource[] = lantaiSubgraphs()): Composition {
  const result = composeServices(
    subgraphs.map(({ name, url, typeDefs }) => ({ name, url, typeDefs: parse(typeDefs) })),
  );
  if (result.errors) throw new CompositionError(result.errors);
  // Through the AST (plain data), so that the schema is built with this module's graphql even
  // where a bundler loads a second copy of it next to the one @apollo/composition uses.
  const apiSchema = buildASTSchema(result.schema.toAPISchema().toAST());
  return {
    supergraphSdl: withFinalNewline(result.supergraphSdl),
    apiSdl: withFinalNewline(printSchema(apiSchema)),
  };
}

function withFinalNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
