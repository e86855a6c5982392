/**
 * What feeds the audit log (services/audit-log.ts). Every field resolver of the Record type
 * notes the record it resolves on, so no read path can forget to log — a field added to the
 * contract later that returns records is audited too — and an Apollo plugin writes the
 * request's entries before the answer is sent. An answer whose audit entries could not be
 * written is not sent: it is replaced by an internal error, since closed records must not
 * leave unlogged.
 *
 * Only the resolvers of Record and DigitalObject are wrapped, rather than Apollo's
 * willResolveField hook, which would instrument every field of every type and slow the
 * public's reads of open records. Selecting nothing but `__typename` reads no field and is not
 * logged.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, defaultFieldResolver, type DocumentNode, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { INTERNAL_ERROR } from '../../protocol/errors.js';
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

function fieldsOf(typeDefs: DocumentNode, type: string) {
  const definition = typeDefs.definitions.find(
    (candidate) => candidate.kind === Kind.OBJECT_TYPE_DEFINITION && candidate.name.value === type,
  );
  if (!definition || definition.kind !== Kind.OBJECT_TYPE_DEFINITION) throw new Error(`The archive contract has no ${type} type to audit.`);
  return (definition.fields ?? []).map((field) => field.name.value);
}

type RecordOf<TParent> = (parent: TParent, context: ArchiveContext) => RecordRow | null | Promise<RecordRow | null>;

/** `original`'s resolvers for every field of `type`, each first noting the record its parent belongs to. */
function audited<TParent>(original: Record<string, unknown> | undefined, fields: string[], recordOf: RecordOf<TParent>) {
  const wrapped: Record<string, unknown> = { ...original };
  for (const name of fields) {
    const resolve = (original?.[name] ?? defaultFieldResolver) as GraphQLFieldResolver<TParent, ArchiveContext>;
    wrapped[name] = (parent: TParent, args: Record<string, unknown>, context: ArchiveContext, info: GraphQLResolveInfo) => {
      const record = recordOf(parent, context);
      // A Record field stays synchronous: only a copy waits for its record.
      if (record instanceof Promise) {
        return record.then((loaded) => {
          if (loaded) noteRead(loaded, context, info);
          return resolve(parent, args, context, info);
        });
      }
      if (record) noteRead(record, context, info);
      return resolve(parent, args, context, info);
    };
  }
  return wrapped;
}

/**
 * The resolvers with every field of Record, and of DigitalObject (a copy of a record is a read
 * of it), noting the record read.
 */
export function auditingRecordReads(resolvers: Resolvers, typeDefs: DocumentNode): Resolvers {
  return {
    ...resolvers,
    Record: audited<RecordRow>(resolvers.Record as Record<string, unknown>, fieldsOf(typeDefs, 'Record'), (record) => record) as Resolvers['Record'],
    // The copy's record is loaded through the request's batched loader, once per record.
    DigitalObject: audited<{ recordId: number }>(resolvers.DigitalObject as Record<string, unknown>, fieldsOf(typeDefs, 'DigitalObject'), (copy, context) =>
      context.loaders.record.load(copy.recordId),
    ) as Resolvers['DigitalObject'],
  };
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
              singleResult: { errors: [INTERNAL_ERROR] },
            };
            response.http.status = 500;
          }
        },
      };
    },
  };
}
