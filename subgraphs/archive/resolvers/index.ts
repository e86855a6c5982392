/**
 * The archive subgraph's resolvers, generated-typed from schema/archive.graphql: root fields
 * (query.ts, mutation.ts), entity fields and references (entities.ts) and connections
 * (connections.ts). Each is thin: it checks arguments and calls a service in services/.
 */
import type { Resolvers } from '../generated/resolvers-types.js';
import * as connections from './connections.js';
import * as entities from './entities.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';

export const resolvers: Resolvers = { Query, Mutation, ...entities, ...connections };
