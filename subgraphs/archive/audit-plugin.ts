/**
 * The Apollo plugin that feeds the audit log (services/audit-log.ts). It watches every Record
 * the executor resolves, so no read path can forget to log — a field added to the contract
 * later that returns records is audited too — and writes the request's entries before the
 * answer is sent. An answer whose audit entries could not be written is not sent: it is
 * replaced by an internal error, since closed records must not leave unlogged.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLResolveInfo } from 'graphql';
import type { ArchiveContext } from './context.js';
import type { RecordRow } from './entities/index.js';

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

export function auditPlugin(log: (error: unknown) => void): ApolloServerPlugin<ArchiveContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ source, info, contextValue }) {
              if (info.parentType.name !== 'Record') return;
              const field = fieldReadThrough(info.path);
              // A mutation's own answer is the archivist's change, not a read.
              if (field.startsWith('Mutation.')) return;
              contextValue.audit?.noteRead(source as RecordRow, field);
            },
          };
        },
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
