/**
 * The rules of cross-region requests that need no database: who may act on a request or see
 * it, which transitions a status allows, and when a request is overdue. The service
 * (access-requests.ts) applies them, and the regional counts (statistics/request-counts.ts)
 * count by them; one test can reach each of them without a server.
 */
import { chinaDate } from '../../../protocol/china-time.js';
import { conflict, forbidden } from '../../../protocol/errors.js';
import type { Identity } from '../../../protocol/identity.js';
import type { AccessRequestRow, AccessRequestStatus } from '../entities/index.js';

export function isArchivistOf(actor: Identity, archive: string): boolean {
  return actor.role === 'archivist' && actor.archive === archive;
}

export function isRequester(actor: Identity, row: Pick<AccessRequestRow, 'requesterSub'>): boolean {
  return actor.sub !== undefined && actor.sub === row.requesterSub;
}

/** The code of a request's receiving or holding archive (a reference to its directory entry). */
export function archiveCodeOf(archive: AccessRequestRow['receivingArchive']): string {
  return (archive as { id: string }).id;
}

/** The requester and the archivists of the two archives: the parties (当事方) of a request. */
export function isParty(actor: Identity, row: AccessRequestRow): boolean {
  return isRequester(actor, row) || isArchivistOf(actor, archiveCodeOf(row.receivingArchive)) || isArchivistOf(actor, archiveCodeOf(row.holdingArchive));
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

/** The status a request has after a transition. */
export function statusAfter(transition: Transition): AccessRequestStatus {
  return TARGET[transition];
}

const VERB: Record<Transition, string> = { accept: 'accept', fulfil: 'fulfil', reject: 'reject', cancel: 'cancel' };

/** FORBIDDEN when `actor` may not make the transition, whatever the status. */
export function requireActor(actor: Identity, row: AccessRequestRow, transition: Transition): void {
  if (transition === 'cancel') {
    if (!isRequester(actor, row)) throw forbidden('Only the person who submitted a request may cancel it (仅申请人本人可撤回).');
    return;
  }
  const holding = archiveCodeOf(row.holdingArchive);
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
