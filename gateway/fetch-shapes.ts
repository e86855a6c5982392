/**
 * What the shard router needs to know about one fetch of a query plan before it can route it:
 * the operation, its fragments, its root fields in order, and for each group of root fields
 * sent to one endpoint the printed sub-operation and the variables it uses.
 *
 * None of that depends on the request's variables, only on the fetch's text, which Apollo's
 * query planner produces once per query plan and then hands over for every request of that
 * plan. So it is computed once per fetch text and kept: the router used to parse the fetch,
 * walk it and print a sub-operation on every request, a sizeable part of what the gateway did
 * for a `record(id)`.
 */
import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';

/** A sub-operation for one endpoint: its text and the variables it declares. */
export interface SubOperation {
  query: string;
  variables: ReadonlySet<string>;
}

function selectedOperation(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) throw new Error(`The planner sent no operation${operationName ? ` named ${operationName}` : ''}.`);
  return operation;
}

/**
 * The root fields of an operation in order. Fragments on the root type are flattened: their
 * type condition always holds, and the planner resolved @skip/@include of the client's
 * operation before building this fetch, so no condition is lost.
 */
function rootFields(selections: readonly SelectionNode[], fragments: Map<string, FragmentDefinitionNode>): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...rootFields(selection.selectionSet.selections, fragments));
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) fields.push(...rootFields(fragment.selectionSet.selections, fragments));
    }
  }
  return fields;
}

/** The variables and fragments a set of selections uses, following fragments transitively. */
function usedNames(
  selections: readonly SelectionNode[],
  fragments: Map<string, FragmentDefinitionNode>,
): { variables: Set<string>; fragments: Set<string> } {
  const used = { variables: new Set<string>(), fragments: new Set<string>() };
  const queue: SelectionNode[][] = [[...selections]];
  while (queue.length > 0) {
    const batch = queue.pop()!;
    for (const selection of batch) {
      visit(selection, {
        Variable(node) {
          used.variables.add(node.name.value);
        },
        FragmentSpread(node) {
          const name = node.name.value;
          if (used.fragments.has(name)) return;
          used.fragments.add(name);
          const fragment = fragments.get(name);
          if (fragment) queue.push([...fragment.selectionSet.selections]);
        },
      });
    }
  }
  return used;
}

/**
 * Sub-operations kept per fetch. A fetch of n root fields can be split in many ways when its
 * fields name different archives; the usual splits are few (all fields to one endpoint, one
 * field per endpoint), and past this many the rest are printed per request, as before.
 */
const SUB_OPERATIONS_PER_FETCH = 64;

export class FetchShape {
  readonly operation: OperationDefinitionNode;
  readonly fragments: Map<string, FragmentDefinitionNode>;
  /** Root fields in order; `subOperation` takes indexes into this list. */
  readonly fields: readonly FieldNode[];
  /** Whether the fetch is a single `_entities` field (an entity fetch). */
  readonly isEntities: boolean;
  readonly #subOperations = new Map<string, SubOperation>();

  constructor(
    readonly document: DocumentNode,
    /** The fetch's text as the planner gave it (or printed when it gave only a document). */
    readonly query: string,
    readonly operationName: string | undefined,
  ) {
    this.operation = selectedOperation(document, operationName);
    this.fragments = new Map();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
    this.fields = rootFields(this.operation.selectionSet.selections, this.fragments);
    this.isEntities = this.fields.length === 1 && this.fields[0]!.name.value === '_entities';
  }

  /**
   * The sub-operation that asks for the root fields at `indexes` (in increasing order): the
   * operation with only those fields, and only the variable definitions and fragments they use.
   */
  subOperation(indexes: readonly number[]): SubOperation {
    const key = indexes.length === this.fields.length ? '*' : indexes.join(',');
    const known = this.#subOperations.get(key);
    if (known) return known;
    const built = this.#buildSubOperation(indexes.map((i) => this.fields[i]!));
    if (this.#subOperations.size < SUB_OPERATIONS_PER_FETCH) this.#subOperations.set(key, built);
    return built;
  }

  #buildSubOperation(selections: FieldNode[]): SubOperation {
    const used = usedNames(selections, this.fragments);
    const subOperation: OperationDefinitionNode = {
      ...this.operation,
      variableDefinitions: this.operation.variableDefinitions?.filter((d) => used.variables.has(d.variable.name.value)),
      selectionSet: { kind: Kind.SELECTION_SET, selections },
    };
    const subDocument: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [
        subOperation,
        ...this.document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION && used.fragments.has(d.name.value)),
      ],
    };
    return { query: print(subDocument), variables: used.variables };
  }
}

/**
 * Fetch shapes by fetch text. Bounded: the query plans themselves live in the gateway's own
 * bounded cache, and a client that sends ever new operations only makes this forget older ones.
 */
export class FetchShapes {
  readonly #byQuery = new Map<string, FetchShape>();

  constructor(readonly maxShapes = 1000) {}

  /** The shape of a fetch, from the text the planner sends and, when it sends one, its document. */
  of(query: string | undefined, document: DocumentNode | undefined, operationName: string | undefined): FetchShape {
    if (query !== undefined) {
      const known = this.#byQuery.get(query);
      if (known && known.operationName === operationName) return known;
    }
    const text = query ?? (document ? print(document) : '');
    const shape = new FetchShape(document ?? parse(text), text, operationName);
    if (this.#byQuery.size >= this.maxShapes) this.#byQuery.delete(this.#byQuery.keys().next().value!);
    this.#byQuery.set(text, shape);
    return shape;
  }
}
