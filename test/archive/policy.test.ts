import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../protocol/errors.js';
import { queryLexemes, tsQueryOf } from '../../subgraphs/archive/services/search.js';
import { requireArchivist, seesFinerHoldings, selectableAccess, visibleAccess } from '../../subgraphs/archive/services/visibility.js';
import { ADMIN, PUBLIC, archivistOf, supervisorOf } from './fixture.js';

describe('the visibility policy (no server)', () => {
  it('the archive\'s archivists and admins see every status; anyone else only OPEN', () => {
    expect(visibleAccess(archivistOf('360100'), '360100')).toEqual(['OPEN', 'DELAYED', 'UNREVIEWED']);
    expect(visibleAccess(ADMIN, '360100')).toEqual(['OPEN', 'DELAYED', 'UNREVIEWED']);
    for (const other of [PUBLIC, archivistOf('360121'), supervisorOf('360000'), supervisorOf('360100')]) {
      expect(visibleAccess(other, '360100')).toEqual(['OPEN']);
    }
  });

  it('an access filter can only narrow what the caller may see', () => {
    expect(selectableAccess(PUBLIC, '360100', ['DELAYED', 'UNREVIEWED'])).toEqual([]);
    expect(selectableAccess(PUBLIC, '360100', ['OPEN', 'DELAYED'])).toEqual(['OPEN']);
    expect(selectableAccess(archivistOf('360100'), '360100', ['DELAYED'])).toEqual(['DELAYED']);
  });

  it('holdings finer than the annual report\'s grains for the archive, admins and supervisors of a containing region only', () => {
    expect(seesFinerHoldings(archivistOf('360100'), '360100')).toBe(true);
    expect(seesFinerHoldings(ADMIN, '360121')).toBe(true);
    expect(seesFinerHoldings(supervisorOf('360000'), '360121')).toBe(true);
    expect(seesFinerHoldings(supervisorOf('360100'), '360121')).toBe(true);
    expect(seesFinerHoldings(supervisorOf('360200'), '360121')).toBe(false);
    expect(seesFinerHoldings(supervisorOf('360121'), '360100')).toBe(false);
    expect(seesFinerHoldings(PUBLIC, '360100')).toBe(false);
  });

  it('changes are FORBIDDEN to all but the archive\'s own archivists', () => {
    expect(() => requireArchivist(archivistOf('360100'), '360100', 'create records')).not.toThrow();
    for (const other of [PUBLIC, ADMIN, archivistOf('360121'), supervisorOf('360000')]) {
      let code: string | undefined;
      try {
        requireArchivist(other, '360100', 'create records');
      } catch (error) {
        code = errorCodeOf(error);
      }
      expect(code).toBe('FORBIDDEN');
    }
  });
});

describe('search text as index lexemes', () => {
  it('Chinese runs become bigrams, single characters unigrams, latin and digit words lower case', () => {
    expect(queryLexemes('婚姻')).toEqual(['婚姻']);
    expect(queryLexemes('婚姻登记')).toEqual(['婚姻', '姻登', '登记']);
    expect(queryLexemes('档 OFD 2001年')).toEqual(['档', '年', 'ofd', '2001']);
    expect(queryLexemes('·—')).toEqual([]);
  });

  it('single characters and latin or digit words are looked up as prefixes, bigrams whole', () => {
    expect(tsQueryOf(queryLexemes('档 OFD 2001年'))).toBe(`'档':* & '年':* & 'ofd':* & '2001':*`);
    expect(tsQueryOf(queryLexemes('婚姻登记'))).toBe(`'婚姻' & '姻登' & '登记'`);
  });
});
