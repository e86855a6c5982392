/** Changes of the network directory (admins only; the service checks the role). */
import type { MutationResolvers } from '../generated/resolvers-types.js';

export const Mutation: MutationResolvers = {
  registerArchive: (_root, { input }, { directory, identity }) => directory.register(identity, input),
  updateArchive: (_root, { id, input }, { directory, identity }) => directory.update(identity, id, input),
  retireArchive: (_root, { id }, { directory, identity }) => directory.retire(identity, id),
};
