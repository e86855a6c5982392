import type { Resolvers } from '../generated/resolvers-types.js';
import * as connections from './connections.js';
import * as entities from './entities.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';

export const resolvers: Resolvers = { Query, Mutation, ...entities, ...connections };
