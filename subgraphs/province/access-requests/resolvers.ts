/** 异地查档, 跨馆出证: thin resolvers over access-requests.ts. */
import type {
  AccessGrantResolvers,
  AccessRequestConnectionResolvers,
  AccessRequestResolvers,
  AccessRequestTransitionResolvers,
  ArchiveResolvers,
  DeliveredCopyResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../generated/resolvers-types.js';
import { AccessRequests } from './access-requests.js';
import { isOverdue } from './policy.js';

const iso = (date: Date) => date.toISOString();

export const accessRequestQuery: Pick<QueryResolvers, 'accessRequest' | 'myAccessRequests'> = {
  accessRequest: (_root, { id }, { accessRequests, identity }) => accessRequests.find(identity, id),
  myAccessRequests: (_root, args, { accessRequests, identity }) => accessRequests.mine(identity, args),
};

export const accessRequestMutation: Pick<
  MutationResolvers,
  'submitAccessRequest' | 'acceptAccessRequest' | 'rejectAccessRequest' | 'cancelAccessRequest' | 'fulfilAccessRequest'
> = {
  submitAccessRequest: (_root, { input, idempotencyKey }, { accessRequests, identity }) => accessRequests.submit(identity, input, idempotencyKey),
  acceptAccessRequest: (_root, { id, note }, { accessRequests, identity }) => accessRequests.accept(identity, id, note),
  rejectAccessRequest: (_root, { id, reason }, { accessRequests, identity }) => accessRequests.reject(identity, id, reason),
  cancelAccessRequest: (_root, { id, reason }, { accessRequests, identity }) => accessRequests.cancel(identity, id, reason),
  fulfilAccessRequest: (_root, { id, input }, { accessRequests, identity }) => accessRequests.fulfil(identity, id, input),
};

export const archiveRequests: Pick<ArchiveResolvers, 'incomingRequests' | 'outgoingRequests'> = {
  incomingRequests: (archive, args, { accessRequests, identity }) => accessRequests.forArchive(identity, archive.id, 'incoming', args),
  outgoingRequests: (archive, args, { accessRequests, identity }) => accessRequests.forArchive(identity, archive.id, 'outgoing', args),
};

export const AccessRequest: AccessRequestResolvers = {
  __resolveReference: (reference, { accessRequests, identity }) => accessRequests.find(identity, reference.id),
  receivingArchive: ({ row }, _args, { loaders }) => loaders.archive.load((row.receivingArchive as { id: string }).id).then((entry) => entry!),
  holdingArchive: ({ row }, _args, { loaders }) => loaders.archive.load((row.holdingArchive as { id: string }).id).then((entry) => entry!),
  requester: ({ row }) => row.requesterSub,
  requesterData: (view) => ({ ...AccessRequests.personalData(view), masked: !view.personalDataVisible }),
  records: ({ row }) => row.records.map((id) => ({ id })),
  postalAddress: (view) => AccessRequests.postalAddress(view),
  history: ({ row }, _args, { accessRequests }) => accessRequests.history(row),
  submittedAt: ({ row }) => iso(row.submittedAt),
  overdue: ({ row, now }) => isOverdue(row, now),
  closedAt: ({ row }) => (row.closedAt ? iso(row.closedAt) : null),
  purpose: ({ row }) => row.purpose,
  description: ({ row }) => row.description,
  delivery: ({ row }) => row.delivery,
  status: ({ row }) => row.status,
  deadline: ({ row }) => row.deadline,
  fulfilment: ({ row }) => row.fulfilment ?? null,
};

export const AccessRequestTransition: AccessRequestTransitionResolvers = {
  actor: (transition) => transition.actorSub,
  actorArchive: (transition, _args, { loaders }) => (transition.actorArchive ? loaders.archive.load(transition.actorArchive) : null),
  at: (transition) => iso(transition.at),
};

export const AccessRequestConnection: AccessRequestConnectionResolvers = {
  totalCount: (page) => page.count(),
  pageInfo: (page) => ({ hasNextPage: page.hasNextPage, endCursor: page.endCursor }),
};

export const DeliveredCopy: DeliveredCopyResolvers = {
  digitalObject: (copy) => (copy.digitalObject ? { id: copy.digitalObject } : null),
};

export const AccessGrant: AccessGrantResolvers = {
  records: (grant) => grant.records.map((id) => ({ id })),
};
