/**
 * Requests graphql-js would refuse with a clear error, but which reach @apollo/gateway's
 * executor and come back as HTTP 500: a document whose operation cannot be chosen (several
 * operations and no operationName, or an operationName that names none), a subscription (the
 * supergraph has no Subscription type; the planner throws), and a number literal beyond a
 * double (`1e400` parses as Infinity, which the planner cannot print back into the shard's
 * operation). Each is refused here, before any planning, with a code a client can act on.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FloatValueNode, type IntValueNode, type ValidationRule } from 'graphql';
import { RequestErrorCode } from '../protocol/errors.js';

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: RequestErrorCode.BAD_REQUEST, http: { status: 400 } } });
}

/** Refuses a request whose operation cannot be chosen, and subscriptions. */
export function operationChecks<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          if (!operation) {
            const named = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
            if (request.operationName) {
              throw badRequest(`operationName ${JSON.stringify(request.operationName).slice(0, 120)} names no operation of the document.`);
            }
            throw badRequest(`The document holds ${named} operations: give operationName to choose one.`);
          }
          if (operation.operation === 'subscription') {
            throw badRequest('The gateway serves queries and mutations; a subscription is not supported.');
          }
        },
      };
    },
  };
}

/** A validation rule: every number literal is a finite double. */
export const finiteNumberLiterals: ValidationRule = (context) => {
  const check = (node: FloatValueNode | IntValueNode) => {
    if (Number.isFinite(Number(node.value))) return;
    context.reportError(new GraphQLError(`The number ${node.value.slice(0, 40)} is too large (not a finite double).`, { nodes: [node] }));
  };
  return { FloatValue: check, IntValue: check };
};
