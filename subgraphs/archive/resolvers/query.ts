import type { QueryResolvers } from '../generated/resolvers-types.js';
import { findArchive, requireThisArchive } from '../services/archive-profile.js';
import { findDigitalObject } from '../services/digital-objects.js';
import { findFonds } from '../services/fonds.js';
import { holdings } from '../services/holdings.js';
import { findRecord } from '../services/records.js';
import { searchRecords } from '../services/search.js';

export const Query: QueryResolvers = {
  archive: (_, { id }, ctx) => findArchive(ctx, id),
  fonds: (_, { id }, ctx) => findFonds(ctx, id),
  record: (_, { id }, ctx) => findRecord(ctx, id),
  digitalObject: (_, { id }, ctx) => findDigitalObject(ctx, id),
  searchRecords: (_, { archive, query, filter, first, after, matchLimit }, ctx) => {
    requireThisArchive(ctx, archive);
    return searchRecords(ctx, { query, filter, first, after, matchLimit });
  },
  holdings: (_, { archive }, ctx) => {
    requireThisArchive(ctx, archive);
    return holdings(ctx);
  },
};
