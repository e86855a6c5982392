/**
 * 异地查档统计 — the cross-region access requests of a region's archives, counted as the annual
 * report counts them (requests received, fulfilled and overdue, and the median turnaround),
 * rolled up by the regions directly below and given per archive. The requests themselves and
 * their rules (who acts, which status follows which, when one is overdue) belong to
 * access-requests/; this file only counts them. Personal data is never part of a count.
 */
import { chinaDate, startOfDayInChina } from '../../../protocol/china-time.js';
import { forbidden } from '../../../protocol/errors.js';
import type { Identity } from '../../../protocol/identity.js';
import { regionContains } from '../../../protocol/regions.js';
import type { ProvinceEntityManager } from '../database.js';
import { AccessRequestEntity, type AccessRequestRow, type DirectoryEntryRow } from '../entities/index.js';
import type { RegionNode } from '../directory/regions.js';
import { archiveCodeOf, isArchivistOf, isOpen, isOverdue } from '../access-requests/policy.js';
import { workingDaysBetween } from '../access-requests/working-days.js';

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
  /** The deadline the overdue count is judged by (LANTAI_REQUEST_DEADLINE_DAYS). */
  deadlineWorkingDays: number;
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

/** The counts over one request's EntityManager. */
export class RequestCounts {
  constructor(
    private readonly em: ProvinceEntityManager,
    /** The deadline the overdue count is judged by (the access requests' own). */
    readonly deadlineWorkingDays: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

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
        held.filter((row) => archiveCodeOf(row.holdingArchive) === archive.id),
        submitted.filter((row) => archiveCodeOf(row.receivingArchive) === archive.id).length,
        now,
      ),
    }));
    const byRegion = scope.children.map(({ region, codes: below }) => {
      const inRegion = new Set(below);
      return {
        region,
        archives: archives.filter((archive) => inRegion.has(archive.id)).length,
        ...countRequests(
          held.filter((row) => inRegion.has(archiveCodeOf(row.holdingArchive))),
          submitted.filter((row) => inRegion.has(archiveCodeOf(row.receivingArchive))).length,
          now,
        ),
      };
    });
    return { regionCode, deadlineWorkingDays: this.deadlineWorkingDays, ...countRequests(held, submitted.length, now), byArchive, byRegion };
  }
}
