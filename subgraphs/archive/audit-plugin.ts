/**
 * What feeds the audit log (services/audit-log.ts). Every field resolver of the Record type
 * notes the record it resolves on, so no read path can forget to log — a field added to the
 * contract later that returns records is audited too — and an Apollo plugin writes the
 * request's entries before the answer is sent. An answer whose audit entries could not be
 * written is not sent: it is replaced by an internal error, since closed records must not
 * leave unlogged.
 *
 * Only Record's resolvers are wrapped, rather than Apollo's willResolveField hook, which
 * would instrument every field of every type and slow the public's reads of open records.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, defaultFieldResolver, type DocumentNode, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import type { ArchiveContext } from './context.js';
import type { RecordRow } from './entities/index.js';
import type { Resolvers } from './generated/resolvers-types.js';

type ResponsePath = GraphQLResolveInfo['path'];

/**
 * The field a record was reached through, as `Type.field`: the nearest field above the
 * record's position, skipping list indexes and the connection wrappers (`nodes`, `edges`,
 * `node`). `archive { records { nodes { title } } }` gives `Archive.records`.
 */
export function fieldReadThrough(path: ResponsePath): string {
  let at: ResponsePath | undefined = path.prev;
  while (at) {
    if (typeof at.key === 'string' && at.typename && !/(Connection|Edge)$/.test(at.typename)) return `${at.typename}.${at.key}`;
    at = at.prev;
  }
  return 'unknown';
}

function noteRead(record: RecordRow, context: ArchiveContext, info: GraphQLResolveInfo): void {
  if (record.access === 'OPEN' || !context.audit) return;
  const field = fieldReadThrough(info.path);
  // A mutation's own answer is the archivist's change, not a read.
  if (!field.startsWith('Mutation.')) context.audit.noteRead(record, field);
}

/** The resolvers with every field of Record (as `typeDefs` declares it) noting the record read. */
export function auditingRecordReads(resolvers: Resolvers, typeDefs: DocumentNode): Resolvers {
  const recordType = typeDefs.definitions.find(
    (definition) => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Record',
  );
  if (!recordType || recordType.kind !== Kind.OBJECT_TYPE_DEFINITION) throw new Error('The archive contract has no Record type to audit.');
  const original = (resolvers.Record ?? {}) as Record<string, unknown>;
  const audited: Record<string, unknown> = { ...original };
  for (const field of recordType.fields ?? []) {
    const name = field.name.value;
    const resolve = (original[name] ?? defaultFieldResolver) as GraphQLFieldResolver<RecordRow, ArchiveContext>;
    audited[name] = (record: RecordRow, args: Record<string, unknown>, context: ArchiveContext, info: GraphQLResolveInfo) => {
      noteRead(record, context, info);
      return resolve(record, args, context, info);
    };
  }
  return { ...resolvers, Record: audited as Resolvers['Record'] };
}

/** Writes the request's audit entries before its answer is sent. */
export function auditPlugin(log: (error: unknown) => void): ApolloServerPlugin<ArchiveContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.audit?.pending) return;
          try {
            await contextValue.audit.write(contextValue.em);
          } catch (error) {
            log(error);
            response.body = {
              kind: 'single',
              singleResult: { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
            };
            response.http.status = 500;
          }
        },
      };
    },
  };
}
