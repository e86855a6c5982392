import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ROLES } from '../../../protocol/identity.js';
import { ACCESS_REQUEST_STATUSES } from './access-request.js';
import { AccessRequestEntity } from './access-request.js';

/** One step of an access request's history: the status it entered, who moved it, when and why. Rows are only appended. */
export const AccessRequestTransitionEntity = defineEntity({
  name: 'AccessRequestTransition',
  tableName: 'access_request_transition',
  schema: 'province',
  properties: {
    id: p.integer().primary().autoincrement(),
    request: () => p.manyToOne(AccessRequestEntity).fieldName('request_id').index(),
    status: p.enum(ACCESS_REQUEST_STATUSES),
    actorSub: p.text(),
    actorRole: p.enum(ROLES),
    /** The archive of an archivist actor. */
    actorArchive: p.string().length(6).nullable(),
    at: p.datetime(),
    note: p.text().nullable(),
  },
});

export type AccessRequestTransitionRow = InferEntity<typeof AccessRequestTransitionEntity>;
