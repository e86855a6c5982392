/**
 * An OAI-PMH 2.0 data provider for one archive: the six verbs, every error condition of the
 * protocol answered with its code (never an HTTP error), selective harvesting by datestamp
 * and set, and paging with signed resumption tokens. What it shows is the feed (feed.ts):
 * the records the anonymous public may see, whoever asks, and tombstones of those that
 * stopped being visible (deletedRecord persistent).
 */
import { isArchiveCode } from '../../../protocol/ids.js';
import type { Category } from '../generated/resolvers-types.js';
import { CATEGORY_TERMS } from '../../../protocol/catalogue-terms.js';
import { XmlWriter } from '../interchange/xml-writer.js';
import {
  countFeed,
  databaseNow,
  earliestDatestamp,
  listFondsSets,
  readFeed,
  readFeedItem,
  type FeedItem,
  type FeedScope,
  type FeedSelection,
  type FondsSet,
} from './feed.js';
import { METADATA_FORMATS, XSI_NAMESPACE, type ArchiveDescription } from './formats.js';
import { TOKEN_LIFETIME_MS, type ListState, type ListVerb, type ResumptionTokens } from './resumption-token.js';

const OAI_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/';
const OAI_SCHEMA = 'http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd';

export type OaiErrorCode =
  | 'badVerb'
  | 'badArgument'
  | 'badResumptionToken'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noSetHierarchy'
  | 'noMetadataFormats';

class OaiError extends Error {
  constructor(
    readonly code: OaiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const VERBS = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: ['resumptionToken'] },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set', 'resumptionToken'] },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set', 'resumptionToken'] },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[] }>;
type Verb = keyof typeof VERBS;

export interface OaiProviderOptions {
  tokens: ResumptionTokens;
  /**
   * Items per page of ListIdentifiers and ListRecords.
   * @default 500
   */
  pageSize?: number;
  /** The repository's administrator address (Identify's adminEmail). */
  adminEmail: string;
}

export interface OaiRequest {
  scope: FeedScope;
  archive: ArchiveDescription;
  /** The base URL the harvester called, without a query. */
  baseUrl: string;
  /** The request's arguments, each with every value it was given. */
  args: ReadonlyMap<string, readonly string[]>;
}

const formatDatestamp = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

// setSpec and metadataPrefix characters (OAI-PMH.xsd setSpecType, metadataPrefixType).
const SET_SPEC_PART = /^[A-Za-z0-9\-_.!~*'()]+$/;

/** The OAI identifier of a record: `oai:lantai:` and the record's GraphQL id. */
export function oaiIdentifier(archive: string, recordKey: number): string {
  return `oai:lantai:${archive}:Record:${recordKey}`;
}

function recordKeyOf(identifier: string, archive: string): number | null {
  const match = /^oai:lantai:(\d{6}):Record:([1-9]\d{0,9})$/.exec(identifier);
  if (!match || match[1] !== archive || !isArchiveCode(match[1]!)) return null;
  const key = Number(match[2]);
  return key <= 2_147_483_647 ? key : null;
}

function fondsSetSpec(fonds: FondsSet): string {
  return `fonds:${SET_SPEC_PART.test(fonds.fondsCode) ? fonds.fondsCode : `id-${fonds.id}`}`;
}

/**
 * A datestamp argument, a day or a second in UTC, as the bound it sets: `from` its first
 * millisecond (inclusive), `until` the millisecond after its last (exclusive).
 */
function parseDatestamp(name: 'from' | 'until', value: string): { bound: Date; granularity: 'day' | 'second' } {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const second = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(value);
  const parts = (day ?? second)?.slice(1).map(Number);
  if (!parts) throw new OaiError('badArgument', `"${name}" must be a UTC datestamp, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.`);
  const [y, mo, d, h = 0, mi = 0, s = 0] = parts as [number, number, number, number?, number?, number?];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (
    y < 1000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d ||
    date.getUTCHours() !== h || date.getUTCMinutes() !== mi || date.getUTCSeconds() !== s
  ) {
    throw new OaiError('badArgument', `"${name}" is not a real date and time.`);
  }
  const granularity = day ? 'day' : 'second';
  if (name === 'from') return { bound: date, granularity };
  return { bound: new Date(date.getTime() + (day ? 86_400_000 : 1000)), granularity };
}

export class OaiProvider {
  readonly #tokens: ResumptionTokens;
  readonly #pageSize: number;
  readonly #adminEmail: string;

  constructor(options: OaiProviderOptions) {
    this.#tokens = options.tokens;
    this.#pageSize = options.pageSize ?? 500;
    this.#adminEmail = options.adminEmail;
  }

  /** The whole response document of one request (at most one page of a list). */
  async answer(request: OaiRequest): Promise<string> {
    const now = await databaseNow(request.scope);
    const xml = new XmlWriter().declaration();
    xml.open('OAI-PMH', { xmlns: OAI_NAMESPACE, 'xmlns:xsi': XSI_NAMESPACE, 'xsi:schemaLocation': `${OAI_NAMESPACE} ${OAI_SCHEMA}` });
    xml.leaf('responseDate', formatDatestamp(now));
    const verb = this.#verbOf(request.args);
    let body: XmlWriter;
    try {
      if (verb === null) throw new OaiError('badVerb', 'The verb argument is missing, repeated or not an OAI-PMH 2.0 verb.');
      const args = this.#checkArguments(verb, request.args);
      body = await this.#answerVerb(verb, args, request, now);
      xml.leaf('request', request.baseUrl, this.#echo(verb, request.args));
    } catch (error) {
      if (!(error instanceof OaiError)) throw error;
      // After badVerb and badArgument the request element carries no attributes (OAI-PMH 2.0, 3.6).
      const echo = verb !== null && error.code !== 'badVerb' && error.code !== 'badArgument' ? this.#echo(verb, request.args) : undefined;
      xml.leaf('request', request.baseUrl, echo);
      body = new XmlWriter().leaf('error', error.message, { code: error.code });
    }
    return xml.take() + body.take() + xml.close().take();
  }

  #verbOf(args: ReadonlyMap<string, readonly string[]>): Verb | null {
    const verbs = args.get('verb');
    if (!verbs || verbs.length !== 1) return null;
    return Object.hasOwn(VERBS, verbs[0]!) ? (verbs[0] as Verb) : null;
  }

  #echo(verb: Verb, args: ReadonlyMap<string, readonly string[]>): Record<string, string> {
    const echo: Record<string, string> = { verb };
    for (const [name, values] of args) if (name !== 'verb') echo[name] = values[0]!;
    return echo;
  }

  #checkArguments(verb: Verb, args: ReadonlyMap<string, readonly string[]>): Map<string, string> {
    const { required, optional } = VERBS[verb] as { required: readonly string[]; optional: readonly string[] };
    const checked = new Map<string, string>();
    for (const [name, values] of args) {
      if (name === 'verb') continue;
      if (!required.includes(name) && !optional.includes(name)) throw new OaiError('badArgument', `${verb} does not take the argument "${name}".`);
      if (values.length !== 1) throw new OaiError('badArgument', `The argument "${name}" is repeated.`);
      checked.set(name, values[0]!);
    }
    if (checked.has('resumptionToken')) {
      if (checked.size !== 1) throw new OaiError('badArgument', 'resumptionToken is an exclusive argument: give it with the verb alone.');
      return checked;
    }
    for (const name of required) if (!checked.has(name)) throw new OaiError('badArgument', `${verb} needs the argument "${name}".`);
    const prefix = checked.get('metadataPrefix');
    if (prefix !== undefined && !SET_SPEC_PART.test(prefix)) throw new OaiError('badArgument', '"metadataPrefix" is not a metadata prefix.');
    const set = checked.get('set');
    if (set !== undefined && !set.split(':').every((part) => SET_SPEC_PART.test(part))) throw new OaiError('badArgument', '"set" is not a setSpec.');
    return checked;
  }

  async #answerVerb(verb: Verb, args: Map<string, string>, request: OaiRequest, now: Date): Promise<XmlWriter> {
    switch (verb) {
      case 'Identify':
        return this.#identify(request, now);
      case 'ListMetadataFormats':
        return this.#listMetadataFormats(request, args.get('identifier'));
      case 'ListSets':
        if (args.has('resumptionToken')) throw new OaiError('badResumptionToken', 'The set list is never split; this token was not issued here.');
        return this.#listSets(request);
      case 'GetRecord':
        return this.#getRecord(request, args.get('identifier')!, args.get('metadataPrefix')!);
      case 'ListIdentifiers':
      case 'ListRecords':
        return this.#list(verb, request, args, now);
    }
  }

  async #identify(request: OaiRequest, now: Date): Promise<XmlWriter> {
    const earliest = (await earliestDatestamp(request.scope)) ?? now;
    return new XmlWriter()
      .open('Identify')
      .leaf('repositoryName', `${request.archive.name}（兰台 OAI-PMH）`)
      .leaf('baseURL', request.baseUrl)
      .leaf('protocolVersion', '2.0')
      .leaf('adminEmail', this.#adminEmail)
      .leaf('earliestDatestamp', formatDatestamp(earliest))
      .leaf('deletedRecord', 'persistent')
      .leaf('granularity', 'YYYY-MM-DDThh:mm:ssZ')
      .close();
  }

  async #listMetadataFormats(request: OaiRequest, identifier: string | undefined): Promise<XmlWriter> {
    if (identifier !== undefined) await this.#item(request, identifier);
    const xml = new XmlWriter().open('ListMetadataFormats');
    for (const format of METADATA_FORMATS.values()) {
      xml.open('metadataFormat').leaf('metadataPrefix', format.prefix).leaf('schema', format.schema(request.baseUrl)).leaf('metadataNamespace', format.namespace).close();
    }
    return xml.close();
  }

  async #listSets(request: OaiRequest): Promise<XmlWriter> {
    const xml = new XmlWriter().open('ListSets');
    xml.open('set').leaf('setSpec', 'fonds').leaf('setName', '全宗 (fonds)').close();
    for (const fonds of await listFondsSets(request.scope)) {
      xml.open('set').leaf('setSpec', fondsSetSpec(fonds)).leaf('setName', `全宗 ${fonds.fondsCode} ${fonds.name}`).close();
    }
    xml.open('set').leaf('setSpec', 'category').leaf('setName', '门类 (category)').close();
    for (const [category, term] of Object.entries(CATEGORY_TERMS)) {
      xml.open('set').leaf('setSpec', `category:${category}`).leaf('setName', `门类 ${term}`).close();
    }
    return xml.close();
  }

  async #item(request: OaiRequest, identifier: string): Promise<FeedItem> {
    const key = recordKeyOf(identifier, request.archive.code);
    const item = key === null ? null : await readFeedItem(request.scope, key);
    // A record that never was visible is as absent as one that does not exist.
    if (!item) throw new OaiError('idDoesNotExist', `No item of this repository has the identifier ${identifier.slice(0, 200)}.`);
    return item;
  }

  async #getRecord(request: OaiRequest, identifier: string, prefix: string): Promise<XmlWriter> {
    const format = this.#format(prefix);
    const item = await this.#item(request, identifier);
    const xml = new XmlWriter().open('GetRecord');
    this.#writeRecord(xml, request, item, format.prefix);
    return xml.close();
  }

  #format(prefix: string) {
    const format = METADATA_FORMATS.get(prefix);
    if (!format) throw new OaiError('cannotDisseminateFormat', `The metadata format "${prefix}" is not disseminated here; see ListMetadataFormats.`);
    return format;
  }

  #writeHeader(xml: XmlWriter, request: OaiRequest, item: FeedItem): void {
    xml.open('header', item.record ? undefined : { status: 'deleted' });
    xml.leaf('identifier', oaiIdentifier(request.archive.code, item.id));
    xml.leaf('datestamp', formatDatestamp(item.datestamp));
    if (item.record) {
      xml.leaf('setSpec', fondsSetSpec({ id: item.record.fondsId, fondsCode: item.record.fondsCode, name: item.record.fondsName }));
      xml.leaf('setSpec', `category:${item.record.category}`);
    }
    xml.close();
  }

  #writeRecord(xml: XmlWriter, request: OaiRequest, item: FeedItem, prefix: string): void {
    xml.open('record');
    this.#writeHeader(xml, request, item);
    if (item.record) {
      const format = this.#format(prefix);
      xml.open('metadata');
      format.write(xml, item.record, request.archive, format.schema(request.baseUrl));
      xml.close();
    }
    xml.close();
  }

  /** The fonds or category a set names; an unknown set selects nothing. */
  async #selectionOf(request: OaiRequest, set: string | null, from: Date | null, before: Date): Promise<FeedSelection> {
    const selection: FeedSelection = { from, before };
    if (set === null || set === 'fonds' || set === 'category') return selection;
    const [family, name, ...rest] = set.split(':');
    if (rest.length > 0 || name === undefined) return { ...selection, fondsId: -1 };
    if (family === 'category') {
      if (!Object.hasOwn(CATEGORY_TERMS, name)) return { ...selection, fondsId: -1 };
      return { ...selection, category: name as Category };
    }
    if (family === 'fonds') {
      const fonds = (await listFondsSets(request.scope)).find((candidate) => fondsSetSpec(candidate) === set);
      return { ...selection, fondsId: fonds?.id ?? -1 };
    }
    return { ...selection, fondsId: -1 };
  }

  async #list(verb: ListVerb, request: OaiRequest, args: Map<string, string>, now: Date): Promise<XmlWriter> {
    const token = args.get('resumptionToken');
    let state: ListState;
    if (token !== undefined) {
      const read = this.#tokens.read(token, verb, request.archive.code, now);
      if (!read) throw new OaiError('badResumptionToken', 'The resumption token is not one this repository issued for this list, or it has expired.');
      state = read;
    } else {
      const prefix = this.#format(args.get('metadataPrefix')!).prefix;
      const fromArg = args.has('from') ? parseDatestamp('from', args.get('from')!) : null;
      const untilArg = args.has('until') ? parseDatestamp('until', args.get('until')!) : null;
      if (fromArg && untilArg && fromArg.granularity !== untilArg.granularity) {
        throw new OaiError('badArgument', '"from" and "until" must have the same granularity.');
      }
      if (fromArg && untilArg && fromArg.bound >= untilArg.bound) throw new OaiError('badArgument', '"from" is after "until".');
      // The list holds what had changed before it started (resumption-token.ts).
      const before = untilArg && untilArg.bound < now ? untilArg.bound : now;
      const set = args.get('set') ?? null;
      state = {
        verb,
        archive: request.archive.code,
        metadataPrefix: prefix,
        set,
        from: fromArg?.bound ?? null,
        before,
        after: { datestamp: new Date(-62135596800000), id: 0 },
        cursor: 0,
        completeListSize: 0,
        expires: new Date(now.getTime() + TOKEN_LIFETIME_MS),
      };
      if (state.from && state.from >= before) throw new OaiError('noRecordsMatch', 'No record has changed in that time.');
    }

    const selection = await this.#selectionOf(request, state.set, state.from, state.before);
    const first = state.cursor === 0 ? null : state.after;
    // A new list is counted (completeListSize) while its first page is read, on two pooled
    // connections: the first page waits for the slower of the two, not for both.
    const [items, counted] = await Promise.all([
      readFeed(request.scope, selection, first, this.#pageSize + 1),
      token === undefined ? countFeed(request.scope, selection) : null,
    ]);
    if (counted !== null) {
      if (counted === 0) throw new OaiError('noRecordsMatch', 'No record matches these arguments.');
      state.completeListSize = counted;
    }
    const more = items.length > this.#pageSize;
    const page = more ? items.slice(0, this.#pageSize) : items;
    if (page.length === 0) throw new OaiError('noRecordsMatch', 'No record remains in this list.');

    const xml = new XmlWriter().open(verb);
    for (const item of page) {
      if (verb === 'ListIdentifiers') this.#writeHeader(xml, request, item);
      else this.#writeRecord(xml, request, item, state.metadataPrefix);
    }
    const split = more || state.cursor > 0;
    if (split) {
      const last = page[page.length - 1]!;
      const completeListSize = Math.max(state.completeListSize, state.cursor + page.length + (more ? 1 : 0));
      const attributes = { completeListSize, cursor: state.cursor, expirationDate: more ? formatDatestamp(state.expires) : undefined };
      const next = more
        ? this.#tokens.issue({ ...state, after: { datestamp: last.datestamp, id: last.id }, cursor: state.cursor + page.length, completeListSize })
        : '';
      xml.leaf('resumptionToken', next, attributes);
    }
    return xml.close();
  }
}
