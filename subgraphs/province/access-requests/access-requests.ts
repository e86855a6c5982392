/**
 * 异地查档, 跨馆出证 — cross-region access requests. A person (role public, with a `sub`)
 * submits at a receiving archive (受理馆) a request for records held by another archive (the
 * holding archive, 出证馆). Only the holding archive's archivists accept, reject or fulfil it;
 * only the requester cancels it, before acceptance:
 *
 *   SUBMITTED → ACCEPTED → FULFILLED
 *   SUBMITTED | ACCEPTED → REJECTED (with a reason)
 *   SUBMITTED → CANCELLED (by the requester)
 *
 * Every transition is kept with its actor and time. A transition by the wrong actor is
 * FORBIDDEN, from the wrong status CONFLICT, and neither changes anything.
 *
 * Who sees what: the requester sees their own requests; the archivists of the receiving and
 * of the holding archive see the requests of their archive, with the requester's personal
 * data; admins see every request with the personal data masked (脱敏) and may not act on it;
 * supervisors see counts for their region only.
 *
 * Fulfilling may grant the requester read access to records of the holding archive until a
 * date. The grant is stored and enforced in the holding archive (its grantRecordAccess); the
 * province asks for it, as the fulfilling archivist, before it records the fulfilment, inside
 * the transaction that holds the request's row lock: when the archive refuses or does not
 * answer, the request stays ACCEPTED. Granting is idempotent per request, so when the commit
 * fails after a grant, fulfilling again converges.
 */
import { createHash, randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { chinaDate, startOfDayInChina } from '../../../protocol/china-time.js';
import { decodeCursor, encodeCursor } from '../../../protocol/cursor.js';
import { badUserInput, conflict, forbidden, notFound } from '../../../protocol/errors.js';
import { isoDate, optionalText, pageSize, requiredText } from '../../../protocol/input.js';
import { printableText } from '../../../protocol/text.js';
import { parseArchiveCode, parseEntityId } from '../../../protocol/ids.js';
import type { Identity } from '../../../protocol/identity.js';
import { regionContains } from '../../../protocol/regions.js';
import type { ProvinceEntityManager } from '../database.js';
import {
  ACCESS_REQUEST_STATUSES,
  AccessRequestEntity,
  AccessRequestTransitionEntity,
  DirectoryEntryEntity,
  type AccessRequestRow,
  type AccessRequestStatus,
  type AccessRequestTransitionRow,
  type DeliveryMethod,
  type DirectoryEntryRow,
  type Fulfilment,
  type UsePurpose,
} from '../entities/index.js';
import { checkedIdentityNumber, checkedName, checkedPhone, maskAddress, maskPersonalData, type PersonalData } from './personal-data.js';
import type { RegionNode } from '../directory/regions.js';
import { addWorkingDays, workingDaysBetween } from './working-days.js';

/** Working days the holding archive has to answer when LANTAI_REQUEST_DEADLINE_DAYS is unset. */
export const DEFAULT_DEADLINE_WORKING_DAYS = 10;
export const MAX_REQUESTED_RECORDS = 50;
export const MAX_GRANTED_RECORDS = 100;
export const MAX_DELIVERED_COPIES = 100;
const MAX_GRANT_DAYS = 366;
const DAY_MS = 86_400_000;

export interface AccessRequestSettings {
  /**
   * Working days (Monday to Friday; public holidays not modelled) from submission to the
   * deadline (LANTAI_REQUEST_DEADLINE_DAYS).
   * @default 10
   */
  deadlineWorkingDays?: number;
}

/** A read grant the holding archive is asked to store. */
export interface RecordGrant {
  sub: string;
  records: string[];
  until: string;
  request: string;
}

/**
 * Stores a grant in the holding archive, acting as the fulfilling archivist. Rejects with a
 * client error (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT or ARCHIVE_UNAVAILABLE) when it was not stored.
 */
export interface RecordGrantor {
  grant(actor: Identity, archive: DirectoryEntryRow, grant: RecordGrant): Promise<void>;
}

export interface SubmitInput {
  receivingArchive: string;
  holdingArchive: string;
  purpose: UsePurpose;
  records?: readonly string[] | null;
  description: string;
  delivery: DeliveryMethod;
  postalAddress?: string | null;
  requester: PersonalData;
}

export interface FulfilInput {
  copies?: readonly { digitalObject?: string | null; fileName?: string | null; sha256: string }[] | null;
  certificateNumber?: string | null;
  grant?: { records: readonly string[]; until: string } | null;
  note?: string | null;
}

export interface PageArgs {
  status?: readonly AccessRequestStatus[] | null;
  first?: number | null;
  after?: string | null;
}

/** A request as one caller sees it: personal data masked unless the caller is entitled to it. */
export interface AccessRequestView {
  id: string;
  row: AccessRequestRow;
  personalDataVisible: boolean;
  /** Read time, for the overdue flag. */
  now: Date;
}

export interface AccessRequestPage {
  nodes: AccessRequestView[];
  hasNextPage: boolean;
  endCursor: string | null;
  count(): Promise<number>;
}

/** Counters of requests, by their holding archive; `submitted` counts by receiving archive. */
export interface RequestCounters {
  /** Requests for records the archives hold (受理): every status. */
  received: number;
  /** Requests people submitted at these archives for records held elsewhere. */
  submitted: number;
  fulfilled: number;
  rejected: number;
  cancelled: number;
  /** Submitted or accepted, not yet answered. */
  open: number;
  /** Open past the deadline, or fulfilled or rejected after it (超期). */
  overdue: number;
  /** Median working days from submission to fulfilment; null when none was fulfilled. */
  medianTurnaroundWorkingDays: number | null;
}

export interface RegionRequestCounts extends RequestCounters {
  regionCode: string;
  byArchive: (RequestCounters & { archive: DirectoryEntryRow })[];
  byRegion: (RequestCounters & { region: RegionNode; archives: number })[];
}

/** The archives counted, and the regions directly below to roll them up by. */
export interface CountScope {
  region: RegionNode;
  archives: readonly DirectoryEntryRow[];
  /** Each child region with the codes of every region in its subtree. */
  children: readonly { region: RegionNode; codes: readonly string[] }[];
}

// ---------------------------------------------------------------------------------------
// Rules without a database: who may do what, and what a status allows.

export function isArchivistOf(actor: Identity, archive: string): boolean {
  return actor.role === 'archivist' && actor.archive === archive;
}

export function isRequester(actor: Identity, row: Pick<AccessRequestRow, 'requesterSub'>): boolean {
  return actor.sub !== undefined && actor.sub === row.requesterSub;
}

function codeOf(archive: AccessRequestRow['receivingArchive']): string {
  return (archive as { id: string }).id;
}

/** The requester and the archivists of the two archives: the parties (当事方) of a request. */
export function isParty(actor: Identity, row: AccessRequestRow): boolean {
  return isRequester(actor, row) || isArchivistOf(actor, codeOf(row.receivingArchive)) || isArchivistOf(actor, codeOf(row.holdingArchive));
}

/** The parties see a request in full; admins see it masked; nobody else sees it. */
export function maySeeRequest(actor: Identity, row: AccessRequestRow): boolean {
  return isParty(actor, row) || actor.role === 'admin';
}

export type Transition = 'accept' | 'reject' | 'fulfil' | 'cancel';

const ALLOWED_FROM: Record<Transition, readonly AccessRequestStatus[]> = {
  accept: ['SUBMITTED'],
  fulfil: ['ACCEPTED'],
  reject: ['SUBMITTED', 'ACCEPTED'],
  cancel: ['SUBMITTED'],
};

const TARGET: Record<Transition, AccessRequestStatus> = {
  accept: 'ACCEPTED',
  fulfil: 'FULFILLED',
  reject: 'REJECTED',
  cancel: 'CANCELLED',
};

const VERB: Record<Transition, string> = { accept: 'accept', fulfil: 'fulfil', reject: 'reject', cancel: 'cancel' };

/** FORBIDDEN when `actor` may not make the transition, whatever the status. */
export function requireActor(actor: Identity, row: AccessRequestRow, transition: Transition): void {
  if (transition === 'cancel') {
    if (!isRequester(actor, row)) throw forbidden('Only the person who submitted a request may cancel it (仅申请人本人可撤回).');
    return;
  }
  const holding = codeOf(row.holdingArchive);
  if (!isArchivistOf(actor, holding)) {
    throw forbidden(`Only archivists of the holding archive ${holding} may ${VERB[transition]} this request (仅出证馆档案工作人员可办理).`);
  }
}

/** CONFLICT when the request's status does not allow the transition. */
export function requireStatus(row: AccessRequestRow, transition: Transition): void {
  if (!ALLOWED_FROM[transition].includes(row.status)) {
    const hint = transition === 'cancel' && row.status === 'ACCEPTED' ? ' A request can be cancelled only before the holding archive accepts it.' : '';
    throw conflict(`Request ${row.id} is ${row.status}; only a ${ALLOWED_FROM[transition].join(' or ')} request can be ${TARGET[transition].toLowerCase()}.${hint}`);
  }
}

export function isOpen(status: AccessRequestStatus): boolean {
  return status === 'SUBMITTED' || status === 'ACCEPTED';
}

/** Overdue (超期): open past its deadline, or fulfilled or rejected on a day after it. Cancelled requests never are. */
export function isOverdue(row: Pick<AccessRequestRow, 'status' | 'deadline' | 'closedAt'>, now: Date): boolean {
  if (isOpen(row.status)) return chinaDate(now) > row.deadline;
  if (row.status === 'CANCELLED' || !row.closedAt) return false;
  return chinaDate(row.closedAt) > row.deadline;
}

export function turnaroundWorkingDays(row: Pick<AccessRequestRow, 'submittedAt' | 'closedAt'>): number | null {
  return row.closedAt ? workingDaysBetween(chinaDate(row.submittedAt), chinaDate(row.closedAt)) : null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

type CountedRow = Pick<AccessRequestRow, 'status' | 'deadline' | 'closedAt' | 'submittedAt'>;

/** Counters over requests held by some archives (`held`) and submitted at them (`submitted`). */
export function countRequests(held: readonly CountedRow[], submitted: number, now: Date): RequestCounters {
  const turnarounds = held.filter((row) => row.status === 'FULFILLED').map((row) => turnaroundWorkingDays(row) ?? 0);
  return {
    received: held.length,
    submitted,
    fulfilled: turnarounds.length,
    rejected: held.filter((row) => row.status === 'REJECTED').length,
    cancelled: held.filter((row) => row.status === 'CANCELLED').length,
    open: held.filter((row) => isOpen(row.status)).length,
    overdue: held.filter((row) => isOverdue(row, now)).length,
    medianTurnaroundWorkingDays: median(turnarounds),
  };
}

/** Supervisors of a containing region, admins, and an archive's archivists for its own region. */
export function mayReadRequestCounts(actor: Identity, regionCode: string): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'supervisor') return actor.region !== undefined && regionContains(actor.region, regionCode);
  return isArchivistOf(actor, regionCode);
}

// ---------------------------------------------------------------------------------------
// Checking input.

/**
 * Record ids of the holding archive, each once, in the order given. Only their form is
 * checked: asking the archive whether a closed record exists on the requester's behalf would
 * tell them what their role may not know. The holding archive checks them when it grants.
 */
function recordsOf(field: string, ids: readonly string[], holding: string, max: number): string[] {
  const unique = [...new Set(ids)];
  if (unique.length > max) throw badUserInput(`"${field}" may name at most ${max} records, got ${unique.length}.`);
  for (const id of unique) {
    const parsed = parseEntityId(id, 'Record');
    if (parsed.archive !== holding) {
      throw badUserInput(`"${field}": record ${id} is not held by archive ${holding}; a request names records of its holding archive (出证馆) only.`);
    }
  }
  return unique;
}

interface CheckedSubmission {
  receivingArchive: string;
  holdingArchive: string;
  purpose: UsePurpose;
  records: string[];
  description: string;
  delivery: DeliveryMethod;
  postalAddress: string | null;
  requester: PersonalData;
}

export function checkSubmission(input: SubmitInput): CheckedSubmission {
  const receivingArchive = parseArchiveCode(input.receivingArchive);
  const holdingArchive = parseArchiveCode(input.holdingArchive);
  if (receivingArchive === holdingArchive) {
    throw badUserInput('The holding archive must differ from the receiving archive: 异地查档 asks another archive; ask this archive directly for its own records.');
  }
  const postalAddress = optionalText('postalAddress', input.postalAddress, 300);
  if (input.delivery === 'POST' && postalAddress === null) throw badUserInput('Delivery by post (邮寄) needs a "postalAddress".');
  return {
    receivingArchive,
    holdingArchive,
    purpose: input.purpose,
    records: recordsOf('records', input.records ?? [], holdingArchive, MAX_REQUESTED_RECORDS),
    description: requiredText('description', input.description, 2000),
    delivery: input.delivery,
    postalAddress: input.delivery === 'POST' ? postalAddress : null,
    requester: {
      name: checkedName(input.requester.name),
      identityNumber: checkedIdentityNumber(input.requester.identityNumber),
      phone: checkedPhone(input.requester.phone),
    },
  };
}

/** The same submission always hashes the same: a retry is recognised whatever the key order. */
export function submissionHash(submission: CheckedSubmission): string {
  const canonical = [
    submission.receivingArchive,
    submission.holdingArchive,
    submission.purpose,
    submission.records,
    submission.description,
    submission.delivery,
    submission.postalAddress,
    submission.requester.name,
    submission.requester.identityNumber,
    submission.requester.phone,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export function checkFulfilment(input: FulfilInput, holding: string, now: Date): Fulfilment {
  const copies = (input.copies ?? []).map((copy, i) => {
    const sha256 = copy.sha256.trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw badUserInput(`"copies[${i}].sha256" must be 64 hexadecimal digits.`);
    let digitalObject: string | null = null;
    if (copy.digitalObject != null) {
      const parsed = parseEntityId(copy.digitalObject, 'DigitalObject');
      if (parsed.archive !== holding) throw badUserInput(`"copies[${i}].digitalObject" ${copy.digitalObject} is not a digital copy of archive ${holding}.`);
      digitalObject = copy.digitalObject;
    }
    return { digitalObject, sha256, fileName: optionalText(`copies[${i}].fileName`, copy.fileName, 200) };
  });
  if (copies.length > MAX_DELIVERED_COPIES) throw badUserInput(`"copies" may list at most ${MAX_DELIVERED_COPIES} copies.`);
  const certificateNumber = optionalText('certificateNumber', input.certificateNumber, 64);
  if (copies.length === 0 && certificateNumber === null) {
    throw badUserInput('A fulfilment delivers digital copies ("copies", with their sha256) or a certificate (出证编号, "certificateNumber"), or both.');
  }
  let grant: Fulfilment['grant'] = null;
  if (input.grant) {
    const records = recordsOf('grant.records', input.grant.records, holding, MAX_GRANTED_RECORDS);
    if (records.length === 0) throw badUserInput('"grant.records" must name at least one record.');
    const until = isoDate('grant.until', input.grant.until);
    const today = chinaDate(now);
    if (until < today) throw badUserInput(`"grant.until" ${until} has passed; a grant must last until today or later.`);
    if (Date.parse(until) - Date.parse(today) > MAX_GRANT_DAYS * DAY_MS) throw badUserInput(`"grant.until" ${until} is more than ${MAX_GRANT_DAYS} days away.`);
    grant = { records, until };
  }
  return { copies, certificateNumber, grant, note: optionalText('note', input.note, 2000) };
}

function checkedStatuses(status: readonly AccessRequestStatus[] | null | undefined): AccessRequestStatus[] | null {
  if (status == null) return null;
  return ACCESS_REQUEST_STATUSES.filter((s) => status.includes(s));
}

function requestCursor(row: AccessRequestRow): string {
  return encodeCursor([row.submittedAt.toISOString(), row.id]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------------------------------
// The service over one request's EntityManager.

export class AccessRequests {
  readonly deadlineWorkingDays: number;
  readonly #transitions: DataLoader<string, AccessRequestTransitionRow[]>;

  constructor(
    private readonly em: ProvinceEntityManager,
    private readonly grantor: RecordGrantor,
    settings: AccessRequestSettings = {},
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.deadlineWorkingDays = settings.deadlineWorkingDays ?? DEFAULT_DEADLINE_WORKING_DAYS;
    this.#transitions = new DataLoader(async (ids) => {
      const rows = await this.em.find(AccessRequestTransitionEntity, { request: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
      const byRequest = new Map<string, AccessRequestTransitionRow[]>(ids.map((id) => [id, []]));
      for (const row of rows) byRequest.get(codeOfRequest(row))?.push(row);
      return ids.map((id) => byRequest.get(id)!);
    });
  }

  view(row: AccessRequestRow, actor: Identity): AccessRequestView {
    return { id: row.id, row, personalDataVisible: isParty(actor, row), now: this.clock() };
  }

  /** The personal data as this view may show it. */
  static personalData(view: AccessRequestView): PersonalData {
    const data = { name: view.row.requesterName, identityNumber: view.row.requesterIdentityNumber, phone: view.row.requesterPhone };
    return view.personalDataVisible ? data : maskPersonalData(data);
  }

  static postalAddress(view: AccessRequestView): string | null {
    const address = view.row.postalAddress;
    return address === null || address === undefined || view.personalDataVisible ? (address ?? null) : maskAddress(address);
  }

  history(row: AccessRequestRow): Promise<AccessRequestTransitionRow[]> {
    return this.#transitions.load(row.id);
  }

  /**
   * Submits a request. A retry with the same idempotency key (per requester) returns the
   * first request and creates nothing; the same key with a different payload is CONFLICT.
   */
  async submit(actor: Identity, input: SubmitInput, idempotencyKey: string): Promise<AccessRequestView> {
    if (actor.sub === undefined) throw forbidden('Sign in to submit a request (异地查档需实名登录): anonymous callers cannot submit.');
    if (actor.role !== 'public') throw forbidden('Requests are submitted by people in their own name (role public); archive staff act on them instead.');
    const key = printableText('idempotencyKey', idempotencyKey.trim());
    if (key.length === 0 || key.length > 100) throw badUserInput('"idempotencyKey" must be 1 to 100 characters.');
    const submission = checkSubmission(input);
    const hash = submissionHash(submission);

    const earlier = await this.#bySubmissionKey(actor.sub, key, hash);
    if (earlier) return this.view(earlier, actor);

    const entries = await this.em.find(DirectoryEntryEntity, { id: { $in: [submission.receivingArchive, submission.holdingArchive] } });
    for (const code of [submission.receivingArchive, submission.holdingArchive]) {
      const entry = entries.find((e) => e.id === code);
      if (!entry || entry.retiredAt != null) throw notFound(`Archive ${code} is not in the network directory (档案馆名录).`, { archive: code });
    }

    const now = this.clock();
    const id = randomUUID();
    try {
      await this.em.transactional(async (tx) => {
        const row = tx.create(AccessRequestEntity, {
          id,
          receivingArchive: tx.getReference(DirectoryEntryEntity, submission.receivingArchive),
          holdingArchive: tx.getReference(DirectoryEntryEntity, submission.holdingArchive),
          requesterSub: actor.sub!,
          idempotencyKey: key,
          payloadHash: hash,
          purpose: submission.purpose,
          records: submission.records,
          description: submission.description,
          delivery: submission.delivery,
          postalAddress: submission.postalAddress,
          requesterName: submission.requester.name,
          requesterIdentityNumber: submission.requester.identityNumber,
          requesterPhone: submission.requester.phone,
          status: 'SUBMITTED',
          submittedAt: now,
          deadline: addWorkingDays(chinaDate(now), this.deadlineWorkingDays),
          closedAt: null,
          fulfilment: null,
        });
        tx.create(AccessRequestTransitionEntity, transition(row, 'SUBMITTED', actor, now, null));
      });
    } catch (error) {
      // Two retries raced: the loser returns the winner's request.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      this.em.clear();
      const winner = await this.#bySubmissionKey(actor.sub, key, hash);
      if (!winner) throw error;
      return this.view(winner, actor);
    }
    return this.view(await this.em.findOneOrFail(AccessRequestEntity, { id }), actor);
  }

  async #bySubmissionKey(sub: string, key: string, hash: string): Promise<AccessRequestRow | null> {
    const earlier = await this.em.findOne(AccessRequestEntity, { requesterSub: sub, idempotencyKey: key });
    if (earlier && earlier.payloadHash !== hash) {
      throw conflict(`The idempotency key "${key.slice(0, 40)}" was already used for a different request; use a new key for a new request.`);
    }
    return earlier;
  }

  async accept(actor: Identity, id: string, note?: string | null): Promise<AccessRequestView> {
    return this.#move(actor, id, 'accept', optionalText('note', note, 2000));
  }

  async reject(actor: Identity, id: string, reason: string): Promise<AccessRequestView> {
    const why = optionalText('reason', reason, 2000);
    if (why === null) throw badUserInput('A rejection needs a "reason" (不予受理的理由).');
    return this.#move(actor, id, 'reject', why);
  }

  async cancel(actor: Identity, id: string, reason?: string | null): Promise<AccessRequestView> {
    return this.#move(actor, id, 'cancel', optionalText('reason', reason, 2000));
  }

  async fulfil(actor: Identity, id: string, input: FulfilInput): Promise<AccessRequestView> {
    const current = await this.#existing(id);
    requireActor(actor, current, 'fulfil');
    requireStatus(current, 'fulfil');
    const fulfilment = checkFulfilment(input, codeOf(current.holdingArchive), this.clock());
    return this.#move(actor, id, 'fulfil', fulfilment.note, async (row, tx) => {
      row.fulfilment = fulfilment;
      if (fulfilment.grant) {
        const holding = await tx.findOneOrFail(DirectoryEntryEntity, { id: codeOf(row.holdingArchive) });
        await this.grantor.grant(actor, holding, { sub: row.requesterSub, records: fulfilment.grant.records, until: fulfilment.grant.until, request: row.id });
      }
    });
  }

  async #existing(id: string): Promise<AccessRequestRow> {
    const row = UUID.test(id) ? await this.em.findOne(AccessRequestEntity, { id: id.toLowerCase() }) : null;
    if (!row) throw notFound(`Access request ${id.slice(0, 60)} does not exist (查无此申请).`);
    return row;
  }

  /**
   * One transition under the request's row lock: the actor and status are checked again on
   * the locked row, `before` runs (and may fail, changing nothing), then the status and the
   * history are written together.
   */
  async #move(
    actor: Identity,
    id: string,
    transitionName: Transition,
    note: string | null,
    before?: (row: AccessRequestRow, tx: ProvinceEntityManager) => Promise<void>,
  ): Promise<AccessRequestView> {
    await this.#existing(id);
    const key = id.toLowerCase();
    await this.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(AccessRequestEntity, { id: key }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      requireActor(actor, row, transitionName);
      requireStatus(row, transitionName);
      const now = this.clock();
      await before?.(row, tx as ProvinceEntityManager);
      row.status = TARGET[transitionName];
      if (!isOpen(row.status)) row.closedAt = now;
      tx.create(AccessRequestTransitionEntity, transition(row, row.status, actor, now, note));
    });
    this.#transitions.clear(key);
    return this.view(await this.em.findOneOrFail(AccessRequestEntity, { id: key }, { refresh: true }), actor);
  }

  /** A request the caller may see; null otherwise, as for a missing one. */
  async find(actor: Identity, id: string): Promise<AccessRequestView | null> {
    if (!UUID.test(id)) return null;
    const row = await this.em.findOne(AccessRequestEntity, { id: id.toLowerCase() });
    return row && maySeeRequest(actor, row) ? this.view(row, actor) : null;
  }

  /** The caller's own requests, newest first. */
  async mine(actor: Identity, args: PageArgs): Promise<AccessRequestPage> {
    if (actor.sub === undefined) throw forbidden('Sign in to see your requests (异地查档需实名登录).');
    return this.#page(actor, { requesterSub: actor.sub }, args);
  }

  /**
   * An archive's requests, newest first: `incoming` are requests for records it holds, which
   * it must answer; `outgoing` are requests people submitted at it for records held elsewhere.
   * Its own archivists and admins only.
   */
  async forArchive(actor: Identity, archive: string, direction: 'incoming' | 'outgoing', args: PageArgs): Promise<AccessRequestPage> {
    if (!isArchivistOf(actor, archive) && actor.role !== 'admin') {
      throw forbidden(`Only archivists of archive ${archive} may list its access requests (异地查档).`);
    }
    return this.#page(actor, direction === 'incoming' ? { holdingArchive: archive } : { receivingArchive: archive }, args);
  }

  async #page(actor: Identity, scope: Record<string, unknown>, args: PageArgs): Promise<AccessRequestPage> {
    const size = pageSize(args.first, { default: 20, max: 100 });
    const after = decodeCursor(args.after, ['instant', 'uuid'] as const);
    const statuses = checkedStatuses(args.status);
    const where: Record<string, unknown> = { ...scope, ...(statuses ? { status: { $in: statuses } } : {}) };
    const keyset = after
      ? { $or: [{ submittedAt: { $lt: new Date(after[0]) } }, { submittedAt: new Date(after[0]), id: { $lt: after[1] } }] }
      : {};
    const rows = await this.em.find(AccessRequestEntity, { ...where, ...keyset } as never, { orderBy: { submittedAt: 'desc', id: 'desc' }, limit: size + 1 });
    const nodes = rows.slice(0, size).map((row) => this.view(row, actor));
    let total: Promise<number> | undefined;
    return {
      nodes,
      hasNextPage: rows.length > size,
      endCursor: nodes.length > 0 ? requestCursor(nodes[nodes.length - 1]!.row) : null,
      count: () => (total ??= this.em.count(AccessRequestEntity, where as never)),
    };
  }

  /**
   * Counts of the requests held by the archives of a region (and of those submitted at them),
   * rolled up, with each archive's own counters; only those submitted in `year` (China
   * Standard Time) when given. Personal data is never part of them.
   */
  async counts(actor: Identity, scope: CountScope, year?: number | null): Promise<RegionRequestCounts> {
    const regionCode = scope.region.code;
    const archives = scope.archives;
    if (!mayReadRequestCounts(actor, regionCode)) {
      throw forbidden(`Only supervisors of a region containing ${regionCode}, admins, or the archive's own archivists may read its request counts (异地查档统计).`);
    }
    const codes = archives.map((archive) => archive.id);
    const fields = ['status', 'deadline', 'closedAt', 'submittedAt', 'holdingArchive', 'receivingArchive'] as const;
    const submittedIn = year == null
      ? {}
      : { submittedAt: { $gte: startOfDayInChina(`${year}-01-01`), $lt: startOfDayInChina(`${year + 1}-01-01`) } };
    const [held, submitted] = codes.length === 0
      ? [[], []]
      : await Promise.all([
          this.em.find(AccessRequestEntity, { holdingArchive: { $in: codes }, ...submittedIn }, { fields: [...fields] }),
          this.em.find(AccessRequestEntity, { receivingArchive: { $in: codes }, ...submittedIn }, { fields: [...fields] }),
        ]);
    const now = this.clock();
    const byArchive = archives.map((archive) => ({
      archive,
      ...countRequests(
        held.filter((row) => codeOf(row.holdingArchive) === archive.id),
        submitted.filter((row) => codeOf(row.receivingArchive) === archive.id).length,
        now,
      ),
    }));
    const byRegion = scope.children.map(({ region, codes: below }) => {
      const inRegion = new Set(below);
      return {
        region,
        archives: archives.filter((archive) => inRegion.has(archive.id)).length,
        ...countRequests(
          held.filter((row) => inRegion.has(codeOf(row.holdingArchive))),
          submitted.filter((row) => inRegion.has(codeOf(row.receivingArchive))).length,
          now,
        ),
      };
    });
    return { regionCode, ...countRequests(held, submitted.length, now), byArchive, byRegion };
  }
}

function codeOfRequest(row: AccessRequestTransitionRow): string {
  return (row.request as { id: string }).id;
}

function transition(row: AccessRequestRow, status: AccessRequestStatus, actor: Identity, at: Date, note: string | null) {
  return {
    request: row,
    status,
    actorSub: actor.sub ?? `(${actor.role})`,
    actorRole: actor.role,
    actorArchive: actor.role === 'archivist' ? (actor.archive ?? null) : null,
    at,
    note,
  };
}
