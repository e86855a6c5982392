import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FetchShapes } from '../../gateway/fetch-shapes.js';

const FETCH = `query Two__archive__0($first: ID!, $second: ID!, $unused: Int) {
  first: record(id: $first) { ...Described }
  second: record(id: $second) { title }
}
fragment Described on Record { title referenceCode }`;

describe('fetch shapes of the shard router', () => {
  it('list the root fields and print, per group of fields, only the variables and fragments they use', () => {
    const shape = new FetchShapes().of(FETCH, undefined, 'Two__archive__0');
    expect(shape.fields.map((f) => f.alias?.value)).toEqual(['first', 'second']);
    expect(shape.isEntities).toBe(false);

    const first = shape.subOperation([0]);
    expect(first.query).toBe(print(parse(`query Two__archive__0($first: ID!) { first: record(id: $first) { ...Described } }
      fragment Described on Record { title referenceCode }`)));
    expect([...first.variables]).toEqual(['first']);

    const second = shape.subOperation([1]);
    expect(second.query).toBe(print(parse('query Two__archive__0($second: ID!) { second: record(id: $second) { title } }')));
    expect([...shape.subOperation([0, 1]).variables].sort()).toEqual(['first', 'second']);
  });

  it('are worked out once per fetch text, each sub-operation printed once', () => {
    const shapes = new FetchShapes();
    const shape = shapes.of(FETCH, undefined, 'Two__archive__0');
    expect(shapes.of(FETCH, undefined, 'Two__archive__0')).toBe(shape);
    expect(shape.subOperation([0])).toBe(shape.subOperation([0]));
    expect(shape.subOperation([0, 1])).toBe(shape.subOperation([0, 1]));
  });

  it('recognise an entity fetch and keep its text as the planner sent it', () => {
    const text = 'query Q__archive__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on Archive { address } } }';
    const shape = new FetchShapes().of(text, undefined, 'Q__archive__1');
    expect(shape.isEntities).toBe(true);
    expect(shape.query).toBe(text);
  });

  it('keep a bounded number of fetches and work out a forgotten one again, the same', () => {
    const shapes = new FetchShapes(2);
    const texts = ['{ a: archive(id: "360100") { name } }', '{ b: archive(id: "360100") { name } }', '{ c: archive(id: "360100") { name } }'];
    const first = shapes.of(texts[0], undefined, undefined);
    shapes.of(texts[1], undefined, undefined);
    shapes.of(texts[2], undefined, undefined);
    const again = shapes.of(texts[0], undefined, undefined);
    expect(again).not.toBe(first);
    expect(again.subOperation([0]).query).toBe(first.subOperation([0]).query);
  });

  it('refuse a fetch without the operation it names, as before', () => {
    expect(() => new FetchShapes().of(FETCH, undefined, 'Other')).toThrow(/no operation named Other/);
  });
});
