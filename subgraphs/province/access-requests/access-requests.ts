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
 * supervisors see only the counts of their region (statistics/request-counts.ts).
 *
 * Fulfilling may grant the requester read access to records of the holding archive until a
 * date. The grant is stored and enforced in the holding archive (its grantRecordAccess); the
 * province asks for it, as the fulfilling archivist, before it records the fulfilment, inside
 * the transaction that holds the request's row lock: when the archive refuses or does not
 * answer, the request stays ACCEPTED. Granting is idempotent per request, so when the commit
 * fails after a grant, fulfilling again converges.
 */
import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { chinaDate } from '../../../protocol/china-time.js';
import { decodeCursor, encodeCursor } from '../../../protocol/cursor.js';
import { badUserInput, conflict, forbidden, notFound } from '../../../protocol/errors.js';
import { optionalText, pageSize } from '../../../protocol/input.js';
import { printableText } from '../../../protocol/text.js';
import type { Identity } from '../../../protocol/identity.js';
import type { ProvinceEntityManager } from '../database.js';
import {
  AccessRequestEntity,
  AccessRequestTransitionEntity,
  DirectoryEntryEntity,
  type AccessRequestRow,
  type AccessRequestStatus,
  type AccessRequestTransitionRow,
  type DirectoryEntryRow,
} from '../entities/index.js';
import { maskAddress, maskPersonalData, type PersonalData } from './personal-data.js';
import { addWorkingDays } from './working-days.js';
import { archiveCodeOf, isArchivistOf, isOpen, isParty, maySeeRequest, requireActor, requireStatus, statusAfter, type Transition } from './policy.js';
import { checkedStatuses, checkFulfilment, checkSubmission, submissionHash, type FulfilInput, type SubmitInput } from './request-input.js';

/** Working days the holding archive has to answer when LANTAI_REQUEST_DEADLINE_DAYS is unset. */
export const DEFAULT_DEADLINE_WORKING_DAYS = 10;

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
    const fulfilment = checkFulfilment(input, archiveCodeOf(current.holdingArchive), this.clock());
    return this.#move(actor, id, 'fulfil', fulfilment.note, async (row, tx) => {
      row.fulfilment = fulfilment;
      if (fulfilment.grant) {
        const holding = await tx.findOneOrFail(DirectoryEntryEntity, { id: archiveCodeOf(row.holdingArchive) });
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
      row.status = statusAfter(transitionName);
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
