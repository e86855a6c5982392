import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { DirectoryEntryEntity } from './directory-entry.js';

export const ACCESS_REQUEST_STATUSES = ['SUBMITTED', 'ACCEPTED', 'FULFILLED', 'REJECTED', 'CANCELLED'] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

/** The archive contract's UsePurpose (利用目的), the same list in both subgraphs. */
export const USE_PURPOSES = [
  'PERSONAL_AFFAIRS',
  'OFFICIAL_REFERENCE',
  'ACADEMIC_RESEARCH',
  'ECONOMIC_DEVELOPMENT',
  'HISTORY_COMPILATION',
  'PUBLICITY_EDUCATION',
  'OTHER',
] as const;
export type UsePurpose = (typeof USE_PURPOSES)[number];

export const DELIVERY_METHODS = ['ONLINE', 'PICKUP', 'POST'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** A digital copy delivered, with the sha256 of the file. */
export interface DeliveredCopyRow {
  digitalObject: string | null;
  sha256: string;
  fileName: string | null;
}

/** A read grant stored in the holding archive. */
export interface AccessGrantRow {
  records: string[];
  until: string;
}

/** What the holding archive delivered (出证), kept as the archivist gave it. */
export interface Fulfilment {
  copies: DeliveredCopyRow[];
  certificateNumber: string | null;
  grant: AccessGrantRow | null;
  note: string | null;
}

/**
 * 异地查档 / 跨馆出证 — a request made by a person at one archive (the receiving archive,
 * 受理馆) for records held by another (the holding archive, 出证馆). Its id is a UUID, which
 * no archive shard would ever be routed by.
 */
export const AccessRequestEntity = defineEntity({
  name: 'AccessRequest',
  tableName: 'access_request',
  schema: 'province',
  uniques: [{ name: 'access_request_idempotency_unique', properties: ['requesterSub', 'idempotencyKey'] }],
  properties: {
    id: p.uuid().primary(),
    receivingArchive: () => p.manyToOne(DirectoryEntryEntity).fieldName('receiving_archive').index(),
    holdingArchive: () => p.manyToOne(DirectoryEntryEntity).fieldName('holding_archive').index(),
    requesterSub: p.text().index(),
    idempotencyKey: p.text(),
    /** sha256 of the submitted input, to tell a retry from a different request under the same key. */
    payloadHash: p.string().length(64),
    purpose: p.enum(USE_PURPOSES),
    records: p.json<string[]>(),
    description: p.text(),
    delivery: p.enum(DELIVERY_METHODS),
    postalAddress: p.text().nullable(),
    requesterName: p.text(),
    requesterIdentityNumber: p.text(),
    requesterPhone: p.text(),
    status: p.enum(ACCESS_REQUEST_STATUSES),
    submittedAt: p.datetime(),
    /** The last day (China Standard Time) by which the holding archive should answer. */
    deadline: p.string().length(10),
    /** When the request was fulfilled, rejected or cancelled. */
    closedAt: p.datetime().nullable(),
    fulfilment: p.json<Fulfilment>().nullable(),
  },
});

export type AccessRequestRow = InferEntity<typeof AccessRequestEntity>;
