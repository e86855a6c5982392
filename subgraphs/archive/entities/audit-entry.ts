import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Role } from '../../../protocol/identity.js';
import type { AccessStatus } from '../generated/resolvers-types.js';

/** 查阅审计 — one read of a record that is not open; rows are only ever appended. */
export const AuditEntrySchema = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  schema: '*',
  properties: (p) => ({
    // bigint, read as a string: an archive's reads outnumber its records by far.
    id: p.bigint('string').primary().autoincrement(),
    readAt: p.datetime(),
    subject: p.text().nullable(),
    role: p.text().$type<Role>(),
    recordId: p.integer(),
    access: p.text().$type<AccessStatus>(),
    field: p.text(),
  }),
});
export type AuditEntryRow = InferEntity<typeof AuditEntrySchema>;
