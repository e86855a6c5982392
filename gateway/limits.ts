/**
 * What one request may ask of the gateway before any shard sees it: the shape of the
 * operation (depth, aliases, tokens, directives, cost), who may introspect the schema, and
 * the size of the request body. Page sizes are capped where the data lives (the archive's
 * services), not here.
 *
 * Depth, aliases, directives and cost are graphql-armor's validation rules; field suggestions
 * ("Did you mean …") are masked too, so a client cannot discover @inaccessible fields by
 * guessing. Tokens are counted by graphql-js's own parser (`maxTokens`): graphql-armor's
 * token plugin for Apollo throws from a parsing hook, which Apollo answers with a 500, while
 * the parser's limit is an ordinary syntax error (400, GRAPHQL_PARSE_FAILED).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  BREAK,
  GraphQLError,
  Kind,
  TypeInfo,
  getVariableValues,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../protocol/errors.js';
import type { Identity } from '../protocol/identity.js';
import type { GatewayContext } from './shard-router.js';

export interface QueryLimits {
  /**
   * Deepest nesting of selections (LANTAI_MAX_DEPTH). Introspection is not counted, so
   * GraphiQL's schema query always fits.
   * @default 12
   */
  maxDepth: number;
  /**
   * Aliased fields in one operation (LANTAI_MAX_ALIASES); `__typename` is free.
   * @default 20
   */
  maxAliases: number;
  /**
   * Lexical tokens in one document (LANTAI_MAX_TOKENS); GraphiQL's introspection query has about 200.
   * @default 2000
   */
  maxTokens: number;
  /**
   * Directives in one operation (LANTAI_MAX_DIRECTIVES).
   * @default 20
   */
  maxDirectives: number;
  /**
   * graphql-armor's cost of an operation (LANTAI_MAX_COST): 2 per object field and 1 per
   * leaf, multiplied by 1.5 for every level of nesting and by a `first` (or `last`) argument,
   * given literally, by a variable or left to its default (pageSizeCost), so a page of 100
   * records with a dozen fields each fits and a page of pages does not.
   * @default 20000
   */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: Readonly<QueryLimits> = Object.freeze({
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 20_000,
});

/**
 * Largest gateway request body in bytes (LANTAI_MAX_BODY_BYTES): an operation within the
 * token limit with its variables is far smaller.
 */
export const DEFAULT_GATEWAY_BODY_BYTES = 100 * 1024;

export interface QueryLimitSetup {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<GatewayContext>[];
  parseOptions: ParseOptions;
}

/** The Apollo Server options that enforce `limits`. */
export function queryLimitSetup(limits: QueryLimits): QueryLimitSetup {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: costOptions(limits.maxCost),
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    validationRules: armor.validationRules,
    plugins: [...(armor.plugins as ApolloServerPlugin<GatewayContext>[]), pageSizeCost(limits.maxCost)],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

const costOptions = (maxCost: number) => ({ maxCost, ignoreIntrospection: true, flattenFragments: true });

const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last']);

const intArgument = (name: string, value: number): ArgumentNode => ({
  kind: Kind.ARGUMENT,
  name: { kind: Kind.NAME, value: name },
  value: { kind: Kind.INT, value: String(value) },
});

/**
 * The operation that runs (with the document's fragments, without its other operations), with
 * every page size written in as the number the field will use: a variable's value, or, where
 * the page size is left out or its variable gives nothing, the field's default in the schema
 * (`records(first: Int = 20)` asked as `records` pages 20, not 1).
 */
function withPageSizes(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, values: Record<string, unknown>): DocumentNode {
  const alone = { ...document, definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === operation) };
  const typeInfo = new TypeInfo(schema);
  const defaultPageSize = () => {
    const size = typeInfo.getFieldDef()?.args.find((arg) => arg.name === 'first')?.defaultValue;
    return Number.isInteger(size) ? (size as number) : undefined;
  };
  return visit(
    alone,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        const size = defaultPageSize();
        if (size === undefined || node.arguments?.some((arg) => PAGE_SIZE_ARGUMENTS.has(arg.name.value))) return undefined;
        return { ...node, arguments: [...(node.arguments ?? []), intArgument('first', size)] };
      },
      Argument(node: ArgumentNode) {
        if (!PAGE_SIZE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
        const value = values[node.value.name.value];
        if (Number.isInteger(value)) return intArgument(node.name.value, value as number);
        const size = defaultPageSize();
        return size === undefined ? undefined : intArgument(node.name.value, size);
      },
    }),
  );
}

/** Whether a document (its operations or fragments) gives a page size by variable; decided once per parsed document. */
const pagesByVariableAsked = new WeakMap<DocumentNode, boolean>();

function pagesByVariable(document: DocumentNode): boolean {
  let asked = pagesByVariableAsked.get(document);
  if (asked === undefined) {
    asked = false;
    visit(document, {
      Argument(node) {
        if (PAGE_SIZE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) {
          asked = true;
          return BREAK;
        }
        return undefined;
      },
    });
    pagesByVariableAsked.set(document, asked);
  }
  return asked;
}

/**
 * graphql-armor prices an operation while validating it, before its variables are known and
 * without the schema's argument defaults, so `records(first: $n)` and `records` alike counted
 * one record where they fetch 100 or 20: pages nested in pages could ask the shards for a
 * million rows at the price of one. Every operation is priced again with its page sizes
 * written in (withPageSizes) and refused like an operation over the limit with literals: 400,
 * GRAPHQL_VALIDATION_FAILED, before any shard is called. An operation without page-size
 * variables is priced once: its verdict is kept with the parsed operation, which Apollo's
 * document cache hands to every request of the same document.
 */
export function pageSizeCost(maxCost: number): ApolloServerPlugin<GatewayContext> {
  const rule = costLimitRule(costOptions(maxCost));
  // By schema, then operation: a new supergraph may give other defaults.
  const verdicts = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, GraphQLError | null>>();
  const price = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, values: Record<string, unknown>) => {
    try {
      return validate(schema, withPageSizes(schema, document, operation, values), [rule])[0] ?? null;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return error;
    }
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          let refusal: GraphQLError | null | undefined;
          if (pagesByVariable(document)) {
            const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
            // Variables that do not coerce are refused by execution with a clear error; nothing to price.
            if (coerced.errors) return;
            refusal = price(schema, document, operation, coerced.coerced);
          } else {
            let known = verdicts.get(schema);
            if (!known) verdicts.set(schema, (known = new WeakMap()));
            refusal = known.get(operation);
            if (refusal === undefined) {
              refusal = price(schema, document, operation, {});
              known.set(operation, refusal);
            }
          }
          if (refusal) {
            throw new GraphQLError(refusal.message, { extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } } });
          }
        },
      };
    },
  };
}

/** Roles that may introspect the schema even when introspection is not open to everyone. */
const INTROSPECTING_ROLES: ReadonlySet<Identity['role']> = new Set(['archivist', 'admin']);

/**
 * Apollo hands every request of the same operation the same parsed document from its document
 * cache, so the walk below is done once per document instead of once per request.
 */
const introspectionAsked = new WeakMap<DocumentNode, boolean>();

function asksForIntrospection(document: DocumentNode): boolean {
  let asked = introspectionAsked.get(document);
  if (asked === undefined) {
    asked = findsIntrospection(document);
    introspectionAsked.set(document, asked);
  }
  return asked;
}

function findsIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export function mayIntrospect(identity: Identity, openToEveryone: boolean): boolean {
  return openToEveryone || INTROSPECTING_ROLES.has(identity.role);
}

/**
 * Refuses `__schema` and `__type` to callers who may not introspect. Apollo's own switch is
 * one setting for every caller; here archivists and admins keep GraphiQL's schema outside
 * the demo while the public gets FORBIDDEN. `__typename` is always allowed.
 */
export function introspectionPolicy(openToEveryone: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (mayIntrospect(contextValue.identity, openToEveryone) || !asksForIntrospection(document)) return;
          throw new GraphQLError(
            'Schema introspection (__schema, __type) is open to archivists and administrators only; the public schema is published as schema/api.graphql.',
            { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } },
          );
        },
      };
    },
  };
}
