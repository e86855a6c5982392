/**
 * `npm run compose`: composes schema/archive.graphql and schema/province.graphql into
 * schema/supergraph.graphql (what the gateway plans with) and schema/api.graphql (the public
 * schema). Both are committed; the gateway tests fail when they are stale.
 */
import { writeFileSync } from 'node:fs';
import { API_SCHEMA_FILE, SUPERGRAPH_FILE, composeSupergraph, CompositionError } from '../gateway/composition.js';

try {
  const { supergraphSdl, apiSdl } = composeSupergraph();
  writeFileSync(SUPERGRAPH_FILE, supergraphSdl);
  writeFileSync(API_SCHEMA_FILE, apiSdl);
  console.log(`compose: wrote ${SUPERGRAPH_FILE} and ${API_SCHEMA_FILE}`);
} catch (error) {
  if (error instanceof CompositionError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
