import type { MutationResolvers } from '../generated/resolvers-types.js';
import { attachDigitalObject } from '../services/digital-objects.js';
import { createFonds, updateFonds } from '../services/fonds.js';
import { reviewAccess } from '../services/open-reviews.js';
import { grantRecordAccess } from '../services/record-grants.js';
import { createRecord, updateRecord } from '../services/records.js';
import { logUtilization } from '../services/utilization.js';

export const Mutation: MutationResolvers = {
  createFonds: (_, { archive, input }, ctx) => createFonds(ctx, archive, input),
  updateFonds: (_, { id, input }, ctx) => updateFonds(ctx, id, input),
  createRecord: (_, { fonds, input }, ctx) => createRecord(ctx, fonds, input),
  updateRecord: (_, { id, input }, ctx) => updateRecord(ctx, id, input),
  reviewAccess: (_, { record, input }, ctx) => reviewAccess(ctx, record, input),
  attachDigitalObject: (_, { record, input }, ctx) => attachDigitalObject(ctx, record, input),
  logUtilization: (_, { archive, input }, ctx) => logUtilization(ctx, archive, input),
  grantRecordAccess: (_, { archive, input }, ctx) => grantRecordAccess(ctx, archive, input),
};
