import { describe, expect, it } from 'vitest';
import { entityId, parseEntityId, routingKeyOf, tryParseEntityId } from '../../protocol/ids.js';
import { errorCodeOf } from '../../protocol/errors.js';

describe('ids and routing keys', () => {
  it('routes on the archive code before the first colon, or on an archive id itself', () => {
    expect(routingKeyOf('360100:Record:42')).toBe('360100');
    expect(routingKeyOf('360102')).toBe('360102');
    expect(routingKeyOf('abc:Record:1')).toBeNull();
    expect(routingKeyOf('36010')).toBeNull();
  });

  it('formats and parses entity ids', () => {
    const id = entityId('360100', 'Record', 42);
    expect(id).toBe('360100:Record:42');
    expect(parseEntityId(id, 'Record')).toEqual({ archive: '360100', type: 'Record', local: '42' });
    expect(tryParseEntityId(id, 'Fonds')).toBeNull();
    expect(tryParseEntityId('360100:Nope:1')).toBeNull();
  });

  it('rejects a malformed id as the client’s error, with a clear message', () => {
    try {
      parseEntityId('not-an-id', 'Record');
      expect.unreachable();
    } catch (error) {
      expect(errorCodeOf(error)).toBe('BAD_USER_INPUT');
      expect((error as Error).message).toContain('360100:Record:42');
    }
  });
});
