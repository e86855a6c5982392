/**
 * `_entities` with representations that are not what the federation spec says (an object
 * with the `__typename` of an entity and its key fields) made @apollo/subgraph's resolver
 * throw a plain TypeError or Error, which every subgraph masks as INTERNAL_SERVER_ERROR. Only
 * a signed caller reaches `_entities`, but a malformed call is still the caller's mistake:
 * it is refused here as BAD_USER_INPUT, before any representation is resolved.
 */
import { isUnionType, type GraphQLSchema } from 'graphql';
import { badUserInput } from './errors.js';

/** Wraps the schema's `_entities` resolver (in place) with the check; returns the schema. */
export function checkEntityRepresentations(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const union = schema.getType('_Entity');
  if (!field?.resolve || !isUnionType(union)) return schema;
  const entities = new Set(union.getTypes().map((type) => type.name));
  const resolve = field.resolve;
  field.resolve = (source, args, context, info) => {
    const representations: unknown[] = Array.isArray(args.representations) ? args.representations : [];
    representations.forEach((representation, index) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      if (typeof representation !== 'object' || Array.isArray(representation) || typeof typename !== 'string' || !entities.has(typename)) {
        throw badUserInput(`Entity representation ${index} is not an object with the __typename of an entity (${[...entities].join(', ')}).`);
      }
    });
    return resolve(source, args, context, info);
  };
  return schema;
}
