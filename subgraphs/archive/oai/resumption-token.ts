/**
 * Resumption tokens: the whole state of a list harvest, signed, so the provider keeps
 * nothing between pages and a tampered token is refused (badResumptionToken).
 *
 * A list is fixed when its first page is asked for: it holds what changed before the
 * database's clock at that moment (to the millisecond, as datestamps are kept), and pages
 * continue after the (datestamp, id) of the last item sent. A record that changes while the list is being paged gets a later
 * datestamp, so it leaves this list and is in the next incremental harvest (from the first
 * page's responseDate): no record is sent twice in one list, and none is lost between two
 * harvests. A replayed token gives the same page again under the rule of the moment: a
 * record that has stopped being visible since is not in it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type ListVerb = 'ListIdentifiers' | 'ListRecords';

export interface ListState {
  verb: ListVerb;
  archive: string;
  metadataPrefix: string;
  set: string | null;
  from: Date | null;
  /** The exclusive end of the datestamps listed: the until argument, capped at the moment the list started. */
  before: Date;
  /** The last item sent. */
  after: { datestamp: Date; id: number };
  /** How many items came before the next page. */
  cursor: number;
  completeListSize: number;
  expires: Date;
}

interface TokenPayload {
  v: 1;
  r: ListVerb;
  a: string;
  m: string;
  s: string | null;
  f: number | null;
  u: number;
  d: number;
  i: number;
  c: number;
  n: number;
  x: number;
}

/** How long a token may be used. */
export const TOKEN_LIFETIME_MS = 24 * 3600_000;

export class ResumptionTokens {
  readonly #key: Buffer;

  constructor(secret: string) {
    // A key of its own, so a token's signature can never stand for an identity header's.
    this.#key = createHmac('sha256', secret).update('lantai oai-pmh resumption token').digest();
  }

  #sign(payload: string): Buffer {
    return createHmac('sha256', this.#key).update(payload).digest();
  }

  issue(state: ListState): string {
    const payload: TokenPayload = {
      v: 1,
      r: state.verb,
      a: state.archive,
      m: state.metadataPrefix,
      s: state.set,
      f: state.from ? state.from.getTime() : null,
      u: state.before.getTime(),
      d: state.after.datestamp.getTime(),
      i: state.after.id,
      c: state.cursor,
      n: state.completeListSize,
      x: state.expires.getTime(),
    };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.#sign(body).toString('base64url')}`;
  }

  /** The state of a token this provider issued for this verb and archive and that has not expired, or null. */
  read(token: string, verb: ListVerb, archive: string, now: Date): ListState | null {
    const match = /^([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return null;
    const signature = Buffer.from(match[2]!, 'base64url');
    const expected = this.#sign(match[1]!);
    if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;
    let payload: TokenPayload;
    try {
      payload = JSON.parse(Buffer.from(match[1]!, 'base64url').toString('utf8')) as TokenPayload;
    } catch {
      return null;
    }
    if (payload.v !== 1 || payload.r !== verb || payload.a !== archive || payload.x <= now.getTime()) return null;
    return {
      verb: payload.r,
      archive: payload.a,
      metadataPrefix: payload.m,
      set: payload.s,
      from: payload.f === null ? null : new Date(payload.f),
      before: new Date(payload.u),
      after: { datestamp: new Date(payload.d), id: payload.i },
      cursor: payload.c,
      completeListSize: payload.n,
      expires: new Date(payload.x),
    };
  }
}
