import type { Resolvers } from '../generated/resolvers-types.js';
import { Archive, DirectoryEntry } from './archive.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';
import { Region } from './region.js';

export const provinceResolvers: Resolvers = { Query, Mutation, Region, Archive, DirectoryEntry };
