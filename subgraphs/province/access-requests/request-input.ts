/**
 * Checks of what a person or an archivist sends about a cross-region request (a submission, a
 * fulfilment), beyond the shared checks of protocol/input.ts. Each failure is a
 * BAD_USER_INPUT that names the field.
 */
import { createHash } from 'node:crypto';
import { chinaDate } from '../../../protocol/china-time.js';
import { badUserInput } from '../../../protocol/errors.js';
import { parseArchiveCode, parseEntityId } from '../../../protocol/ids.js';
import { isoDate, optionalText, requiredText } from '../../../protocol/input.js';
import { ACCESS_REQUEST_STATUSES, type AccessRequestStatus, type DeliveryMethod, type Fulfilment, type UsePurpose } from '../entities/index.js';
import { checkedIdentityNumber, checkedName, checkedPhone, type PersonalData } from './personal-data.js';

export const MAX_REQUESTED_RECORDS = 50;
export const MAX_GRANTED_RECORDS = 100;
export const MAX_DELIVERED_COPIES = 100;
const MAX_GRANT_DAYS = 366;
const DAY_MS = 86_400_000;

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

export function checkedStatuses(status: readonly AccessRequestStatus[] | null | undefined): AccessRequestStatus[] | null {
  if (status == null) return null;
  return ACCESS_REQUEST_STATUSES.filter((s) => status.includes(s));
}
